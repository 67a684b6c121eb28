/** The contract outside clients rely on: /api/openapi.json is a valid OpenAPI 3.1 document. */
import { validate } from "@readme/openapi-parser";
import { describe, expect, inject, it } from "vitest";
import { z } from "@hono/zod-openapi";

describe("GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const res = await fetch(`${inject("baseUrl")}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = z
      .object({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) })
      .loose()
      .parse(await res.json());
    expect(doc.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, JSON.stringify(result.valid ? [] : result.errors).slice(0, 2000)).toBe(true);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(40);
  });
});
