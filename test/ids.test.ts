/**
 * Ids have one spelling. For every operation of `/api/openapi.json` that takes an id (a path
 * parameter, or a query parameter named `…Id`), generated spellings of a real row's id — leading
 * zeros, signs, exponents, fractions, hex/octal/binary, white space, digits of other scripts,
 * numbers past 2^53 — are refused before any handler or rate limit sees them: 404 (no route), or
 * 422 naming that parameter with `id.not_canonical`. A spelling that is the canonical id once the
 * URL is decoded (`%31` for `1`) is the same URL, and answers as the canonical one does.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createAgency, createUnit, createUser, signIn } from "./fixtures/builders";
import { api } from "./fixtures/http";
import { deref, type OpenApiDoc, type Parameter } from "./fixtures/json-schema";
import { loadContract, operationsOf, SESSION_ENDING, type ContractOperation } from "./fixtures/openapi";
import { createTenantRows, idsOf, paramKinds, type IdKind } from "./fixtures/tenant-rows";

const SEED = 20261207;
const RUNS = 10;

let doc: OpenApiDoc;
let ids: Record<IdKind, (number | string)[]>;
let cookie: string;

beforeAll(async () => {
  doc = await loadContract();
  const agency = await createAgency();
  const unit = await createUnit(agency);
  ids = idsOf(await createTenantRows(agency, unit));
  // someone every route guard lets through, so that only the id can be the reason for a refusal
  const root = await createUser(unit, { roles: ["asn", "reviewer", "leader", "admin", "superadmin"] });
  cookie = await signIn(root);
});

/** Digits 0–9 of other scripts: Arabic-Indic, Extended Arabic-Indic, Devanagari, fullwidth, mathematical bold. */
const OTHER_DIGITS = [0x0660, 0x06f0, 0x0966, 0xff10, 0x1d7ce];
const WHITE = [" ", "\t", "\n", "\u00a0", "\u2003", "\u200b"];

/** Texts that name `n` to a lenient parser but are not its canonical spelling. */
function spellingOf(n: number): fc.Arbitrary<string> {
  const s = String(n);
  return fc.oneof(
    fc.integer({ min: 1, max: 3 }).map((k) => "0".repeat(k) + s),
    fc.constantFrom(`+${s}`, `-${s}`, `--${s}`, `+0${s}`),
    fc.constantFrom(`${s}e0`, `${s}E0`, `${s}e+0`, `${s}.0`, `${s}.`, `${s}.00`, `${s}n`, `${s}_`, `${s},0`),
    fc.constantFrom(
      `0x${n.toString(16)}`,
      `0X${n.toString(16).toUpperCase()}`,
      `0o${n.toString(8)}`,
      `0b${n.toString(2)}`,
    ),
    fc
      .tuple(fc.constantFrom(...WHITE), fc.constantFrom("before", "after", "both"))
      .map(([w, where]) => (where === "after" ? "" : w) + s + (where === "before" ? "" : w)),
    fc.constantFrom(...OTHER_DIGITS).map((zero) => [...s].map((d) => String.fromCodePoint(zero + Number(d))).join("")),
    fc.constantFrom("0", "-0", "00", String(2 ** 53 + 1), "9".repeat(17), `${s}${"0".repeat(16)}`),
  );
}

/** The text in a URL: percent-encoded, or as it is where it can travel raw. */
const inUrl = (text: string, raw: boolean) =>
  raw && /^[\x21-\x7e]+$/.test(text) && !/[/?#%&=]/.test(text) ? text : encodeURIComponent(text);

type IdParam = { name: string; in: "path" | "query"; kind: IdKind | undefined };

/** The parameters of an operation that are ids (path `{…}` of a known kind, query `…Id`). */
function idParamsOf(op: ContractOperation): IdParam[] {
  const kinds = paramKinds(op.template);
  return (op.op.parameters ?? []).flatMap((p: Parameter): IdParam[] => {
    const schema = deref(doc, p.schema);
    if (p.in === "path" && schema.type === "integer") return [{ name: p.name, in: "path", kind: kinds[p.name] }];
    if (p.in === "query" && /Id$/.test(p.name) && schema.type === "integer")
      return [{ name: p.name, in: "query", kind: p.name === "campaignId" ? "campaign" : undefined }];
    return [];
  });
}

/** A real id for each path parameter, canonically written; `param` gets `text` instead. */
function urlOf(op: ContractOperation, param: IdParam, text: string): string {
  const kinds = paramKinds(op.template);
  let path = op.template;
  for (const [name, kind] of Object.entries(kinds)) {
    const value = name === param.name && param.in === "path" ? text : String(ids[kind!]?.[0] ?? 1);
    path = path.replace(`{${name}}`, value);
  }
  return param.in === "query" ? `${path}?${param.name}=${text}` : path;
}

const idOf = (param: IdParam) => Number(ids[param.kind ?? "idea"]?.[0] ?? 1);

/** What is wrong with the answer to a spelled id (nothing when it was refused for that id). */
async function refusalProblem(res: Response, param: IdParam): Promise<string | null> {
  if (res.status === 404) return null;
  const body = (await res.json().catch(() => ({}))) as { errors?: { path: string; code: string }[] };
  const target = param.in === "path" ? "param" : "query";
  const named = body.errors?.some((e) => e.path === `${target}.${param.name}` && e.code === "id.not_canonical");
  return res.status === 422 && named ? null : `${res.status} ${JSON.stringify(body).slice(0, 160)}`;
}

describe("ids have one spelling on every route (property over /api/openapi.json)", () => {
  it("refuses every other spelling of a real id before a handler sees it", { timeout: 300_000 }, async () => {
    const operations = operationsOf(doc).filter((op) => !SESSION_ENDING.has(op.route));
    const findings: string[] = [];
    let tried = 0;
    let covered = 0;
    for (const op of operations) {
      for (const param of idParamsOf(op)) {
        covered++;
        const samples = fc.sample(fc.tuple(spellingOf(idOf(param)), fc.boolean()), {
          numRuns: RUNS,
          seed: SEED + covered,
        });
        for (const [spelling, raw] of samples) {
          const url = urlOf(op, param, inUrl(spelling, raw));
          const res = await api(op.method.toUpperCase(), url, { cookie, ...(op.method === "get" ? {} : { body: {} }) });
          tried++;
          const problem = await refusalProblem(res, param);
          if (problem) findings.push(`${op.route} ${param.name}=${JSON.stringify(spelling)} → ${problem}`);
        }
      }
    }
    console.log(`ids: ${covered} id parameters on ${operations.length} operations, ${tried} spellings tried`);
    expect(covered).toBeGreaterThan(50);
    expect(findings.slice(0, 30)).toEqual([]);
  });

  it("answers a percent-encoded canonical id as the canonical one (it is the same URL)", async () => {
    const reads = operationsOf(doc).filter((op) => op.method === "get");
    const compared: string[] = [];
    for (const op of reads) {
      for (const param of idParamsOf(op)) {
        const id = String(idOf(param));
        const encoded = [...id].map((d) => `%3${d}`).join("");
        const [plain, spelled] = await Promise.all([
          api("GET", urlOf(op, param, id), { cookie }),
          api("GET", urlOf(op, param, encoded), { cookie }),
        ]);
        expect(spelled.status, `${op.route} ${param.name}`).toBe(plain.status);
        compared.push(op.route);
      }
    }
    expect(compared.length).toBeGreaterThan(20);
  });
});
