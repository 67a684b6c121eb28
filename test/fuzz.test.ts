/**
 * Fuzzing from the contract: for every operation of `/api/openapi.json`, as each persona, requests
 * generated from the operation's own schemas — valid-looking and hostile. Whatever comes in, no
 * answer is a 5xx, every 4xx is problem+json, and every 2xx matches what the contract declares.
 * Seeded per route and persona (SEED), so a failure replays exactly; the report names the persona
 * and the request.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createPersonas, createUser, type Persona } from "./fixtures/builders";
import {
  describeRequest,
  requestArbitrary,
  requestOptions,
  type FuzzRequest,
  type IdPools,
} from "./fixtures/fuzz-inputs";
import { api } from "./fixtures/http";
import type { OpenApiDoc } from "./fixtures/json-schema";
import {
  loadContract,
  operationsOf,
  problemViolations,
  SESSION_ENDING,
  successViolations,
  type ContractOperation,
} from "./fixtures/openapi";
import { createTenantRows, idsOf, mintSession } from "./fixtures/tenant-rows";

const SEED = 20261111;
/** generated requests per operation and signed-in persona (most anonymous ones end at 401) */
const RUNS = 10;
const ANONYMOUS_RUNS = 4;
const PERSONAS = ["anonymous", "asn", "admin", "superadmin", "otherAdmin"] as const;
type FuzzPersona = (typeof PERSONAS)[number];

type Finding = { persona: FuzzPersona; request: string; status: number; problems: string[] };

let doc: OpenApiDoc;
let operations: ContractOperation[];
let personas: Record<Exclude<FuzzPersona, "anonymous">, Persona>;
let pools: IdPools;

beforeAll(async () => {
  doc = await loadContract();
  operations = operationsOf(doc);
  const fx = await createPersonas();
  personas = { asn: fx.asn, admin: fx.admin, superadmin: fx.superadmin, otherAdmin: fx.otherAdmin };
  const own = await createTenantRows(fx.agency, fx.unit);
  const other = await createTenantRows(fx.otherAgency, fx.otherUnit);
  pools = { own: idsOf(own), other: idsOf(other) };
});

/** The cookie to send: the persona's own, or a fresh stand-in's for operations that end sessions. */
async function cookieFor(persona: FuzzPersona, operation: ContractOperation): Promise<string | undefined> {
  if (persona === "anonymous") return undefined;
  const { user, cookie } = personas[persona];
  if (!SESSION_ENDING.has(operation.route)) return cookie;
  const unit = { id: user.unitId, agencyId: user.agencyId, code: "" };
  return mintSession(await createUser(unit, { roles: user.roles }));
}

/** Sends one request and returns what is wrong with the answer (nothing, usually). */
async function probe(operation: ContractOperation, persona: FuzzPersona, request: FuzzRequest, index: number) {
  const cookie = await cookieFor(persona, operation);
  const res = await api(request.method, request.path, {
    ...requestOptions(request.body),
    ...(cookie ? { cookie } : {}),
    // its own client address per persona: the sign-in throttle by address stays out of other files' way
    headers: {
      ...requestOptions(request.body).headers,
      "cf-connecting-ip": `192.0.2.${PERSONAS.indexOf(persona) + 10}`,
    },
  });
  const text = await res.text();
  return {
    status: res.status,
    problems: violationsOf(operation, res, text),
    request: `#${index} ${describeRequest(request)}`,
  };
}

/** The seed of one route and persona: stable when routes are added or reordered. */
function seedOf(key: string): number {
  let hash = 0x811c9dc5 ^ SEED;
  for (const ch of key) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193);
  return hash >>> 0;
}

function violationsOf(operation: ContractOperation, res: Response, text: string): string[] {
  if (res.status >= 500) return [`${res.status} ${text.slice(0, 300)}`];
  if (res.status === 405) return [`the contract declares ${operation.route}, the Worker answers 405`];
  if (res.status >= 400) return problemViolations(res, text);
  if (res.status >= 200 && res.status < 300) return successViolations(doc, operation.op, res, text);
  return [`unexpected status ${res.status}`];
}

describe("fuzzing every operation of /api/openapi.json", () => {
  it("answers no 5xx, only problem+json 4xx and 2xx that match the contract", { timeout: 600_000 }, async () => {
    const findings: Finding[] = [];
    const statuses = new Map<number, number>();
    let tried = 0;
    const started = Date.now();
    for (const operation of operations) {
      // the personas run side by side, each its own requests in turn
      await Promise.all(
        PERSONAS.map(async (persona) => {
          const seed = seedOf(`${operation.route} as ${persona}`);
          const numRuns = persona === "anonymous" ? ANONYMOUS_RUNS : RUNS;
          const requests = fc.sample(requestArbitrary(doc, operation, pools), { numRuns, seed });
          for (const [index, request] of requests.entries()) {
            const result = await probe(operation, persona, request, index);
            tried++;
            statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
            if (result.problems.length) findings.push({ persona, ...result });
          }
        }),
      );
    }
    const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((n, [, count]) => n + count, 0);
    console.log(
      [
        `fuzz: ${operations.length} operations fuzzed × ${PERSONAS.length} personas, ${tried} inputs tried in ${Math.round((Date.now() - started) / 1000)} s (seed ${SEED}; ${RUNS} per operation and signed-in persona, ${ANONYMOUS_RUNS} anonymous)`,
        `fuzz: answers by status ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
        `fuzz: 5xx seen: ${fivexx}; answers breaking the contract: ${findings.length}`,
        ...findings
          .slice(0, 40)
          .map((f) => `  ✗ as ${f.persona}: ${f.request} → ${f.status}: ${f.problems.join("; ")}`),
      ].join("\n"),
    );
    expect(operations.length).toBeGreaterThan(50);
    expect(findings).toEqual([]);
  });
});

describe("the checks the fuzzer relies on", () => {
  it("finds what is wrong with a body that breaks the declared schema", async () => {
    const get = operations.find((o) => o.route === "GET /api/v1/ideas/{id}")!;
    const res = await api("GET", `/api/v1/ideas/${pools.own.idea![0]}`, { cookie: personas.asn.cookie });
    const text = await res.text();
    expect(successViolations(doc, get.op, res, text)).toEqual([]);
    const idea = JSON.parse(text) as Record<string, unknown>;
    const broken = [
      { ...idea, title: undefined },
      { ...idea, voteCount: "banyak" },
      { ...idea, status: "dibajak" },
      { ...idea, campaign: { ...(idea.campaign as object), id: "satu" } },
    ];
    for (const body of broken) {
      const fake = new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
      expect(successViolations(doc, get.op, fake, JSON.stringify(body)), JSON.stringify(body).slice(0, 80)).not.toEqual(
        [],
      );
    }
    const undeclared = new Response("{}", { status: 202, headers: { "content-type": "application/json" } });
    expect(successViolations(doc, get.op, undeclared, "{}")).toEqual(["status 202 is not declared"]);
  });

  it("finds what is wrong with a failure that is not problem+json", () => {
    const problem = (body: object, status = 404, type = "application/problem+json") =>
      problemViolations(new Response(null, { status, headers: { "content-type": type } }), JSON.stringify(body));
    const good = {
      type: "urn:gagas:problem:not_found",
      title: "Not Found",
      status: 404,
      code: "not_found",
      requestId: "r1",
    };
    expect(problem(good)).toEqual([]);
    expect(problem(good, 404, "application/json")).not.toEqual([]);
    expect(problem({ ...good, status: 400 })).not.toEqual([]);
    expect(problem({ ...good, requestId: undefined })).not.toEqual([]);
    expect(
      problem({ ...good, detail: "TypeError: x\n    at handler (src/routes/ideas/ideas.handlers.ts:12:3)" }),
    ).not.toEqual([]);
  });
});
