import { createRoute, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { jsonBody, json, ProblemSchema } from "../src/lib/openapi";
import { api, callApp } from "./fixtures/http";
import { loadContract } from "./fixtures/openapi";

const Echo = z.object({ title: z.string(), count: z.number().int() });
const testApp = createApp()
  .openapi(
    createRoute({
      method: "post",
      path: "/api/v1/test/echo",
      request: { body: jsonBody(Echo) },
      responses: { 200: json(Echo, "echo") },
    }),
    (c) => c.json(c.req.valid("json"), 200),
  )
  .get("/api/v1/test/boom", () => {
    throw new Error("kaboom at secret.ts:12");
  });
const testApi = (method: string, path: string, options?: Parameters<typeof api>[2]) =>
  callApp(testApp, method, path, options);

async function expectProblem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const text = await res.text();
  const body = ProblemSchema.parse(JSON.parse(text));
  expect(body).toMatchObject({ status, code, type: `urn:gagas:problem:${code}` });
  expect(typeof body.title).toBe("string");
  expect(typeof body.requestId).toBe("string");
  expect(text).not.toMatch(/\bat \S+:\d+|\.ts:\d+|stack/i);
  return body;
}

describe("GET /api/v1/health", () => {
  it("reports the version and that D1 answers", async () => {
    const res = await api("GET", "/api/v1/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", version: "0.1.0", db: "ok" });
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });
});

describe("the one error path", () => {
  it("answers an unknown API route with 404 problem+json", async () => {
    await expectProblem(await api("GET", "/api/v1/nothing-here"), 404, "not_found");
  });

  it("answers a known path with the wrong method with 405 and Allow", async () => {
    const res = await api("DELETE", "/api/v1/health");
    await expectProblem(res, 405, "http.method_not_allowed");
    expect(res.headers.get("allow")).toBe("GET");
  });

  it("answers malformed JSON with 400 problem+json", async () => {
    const res = await testApi("POST", "/api/v1/test/echo", {
      rawBody: '{"title": "unterminated',
      headers: { "content-type": "application/json" },
    });
    await expectProblem(res, 400, "request.malformed_json");
  });

  it("answers a wrong field type with 422 and one errors[] entry per bad field", async () => {
    const res = await testApi("POST", "/api/v1/test/echo", { body: { title: 42, count: "many" } });
    const body = await expectProblem(res, 422, "validation_failed");
    const errors = body.errors as { path: string; code: string }[];
    expect(errors.map((e) => e.path).sort()).toEqual(["json.count", "json.title"]);
    expect(errors.every((e) => e.code === "invalid_type")).toBe(true);
  });

  it("answers a body over the limit with 413", async () => {
    const res = await testApi("POST", "/api/v1/test/echo", { body: { title: "x".repeat(300 * 1024), count: 1 } });
    await expectProblem(res, 413, "request.too_large");
  });

  it("answers an unexpected failure with 500 and no internals", async () => {
    const body = await expectProblem(await testApi("GET", "/api/v1/test/boom"), 500, "internal");
    expect(body.detail).not.toContain("kaboom");
  });
});

describe("OpenAPI contract", () => {
  it("serves a 3.1 document that lists the health route", async () => {
    const doc = await loadContract();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/v1/health"]).toBeDefined();
  });

  it("serves the docs UI from this origin only", async () => {
    const res = await api("GET", "/api/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("/vendor/swagger/swagger-ui-bundle.js");
    expect(html).not.toMatch(/https?:\/\//);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});
