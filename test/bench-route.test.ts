/**
 * The bench's yardstick route is no part of the product: a deployed Worker answers it as any unknown
 * path and the contract leaves it out; only a Worker the bench started (`BENCH_VARS`) serves it.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { BENCH_VARS } from "../scripts/bench/journeys";
import worker from "../src/index";
import { createPersonas, type Persona } from "./fixtures/builders";
import { api, callApp } from "./fixtures/http";
import { loadContract } from "./fixtures/openapi";

const benchWorker = { fetch: (request: Request) => worker.fetch(request, { ...env, ...BENCH_VARS }) };

let asn: Persona;
let agency: { id: number; slug: string };
beforeAll(async () => {
  ({ asn, agency } = await createPersonas());
});

describe("GET /api/v1/bench/baseline", () => {
  it("does not exist in a Worker started without the bench's flag, for any method", async () => {
    for (const method of ["GET", "POST"]) {
      const res = await api(method, "/api/v1/bench/baseline", { cookie: asn.cookie });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: "not_found", detail: "No such endpoint" });
    }
  });

  it("is not in the OpenAPI document", async () => {
    const doc = await loadContract();
    expect(Object.keys(doc.paths).filter((p) => p.includes("/bench"))).toEqual([]);
  });

  it("answers a signed-in person with their agency where the bench started the Worker", async () => {
    const res = await callApp(benchWorker, "GET", "/api/v1/bench/baseline", { cookie: asn.cookie });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ agencyId: agency.id, slug: agency.slug });
    expect((await callApp(benchWorker, "GET", "/api/v1/bench/baseline")).status).toBe(401);
  });
});
