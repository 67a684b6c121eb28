/**
 * Every operation has a home: each operation of the OpenAPI document is called by the SPA in some
 * browser journey of this run, or `api-only.ts` says why it has no page. Runs last (`sequencer.ts`)
 * and reads the call log every page of every file wrote (`browser.ts`). A run of some of the files
 * cannot tell, so then it skips and says so; `GAGAS_API_COVERAGE=1` makes it report anyway.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { API_ONLY } from "./api-only.ts";
import { loadOperations, operationOf, readApiCalls, type OperationId } from "./api-operations.ts";
import { LAST_FILE } from "./sequencer.ts";

const run = inject("e2eRun");
const everyFile = readdirSync(import.meta.dirname, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".test.ts") && path.basename(file) !== LAST_FILE)
  .map((file) => path.join(import.meta.dirname, file));
const ran = new Set(run.files.map((file) => path.resolve(file)));
const notRun = everyFile.filter((file) => !ran.has(file)).map((file) => path.relative(import.meta.dirname, file));
const forced = process.env.GAGAS_API_COVERAGE === "1";
const partial = run.filtered
  ? "a test name filter (-t) narrowed the run"
  : notRun.length > 0
    ? `${notRun.length} of ${everyFile.length} journey files did not run (${notRun.slice(0, 5).join(", ")}${notRun.length > 5 ? ", …" : ""})`
    : "";
const skipReason =
  partial && !forced ? `API coverage skipped: ${partial}; it is checked by the full \`npm run test:e2e\`` : "";
// the three checks below are skipped then (describe.skipIf); the reason goes to the output
if (skipReason) console.info(skipReason);

let operations: Awaited<ReturnType<typeof loadOperations>>;
let called: Set<OperationId>;
let undocumented: string[];

beforeAll(async () => {
  if (skipReason) return;
  operations = await loadOperations(inject("baseUrl"));
  called = new Set();
  undocumented = [];
  for (const { method, pathname } of readApiCalls(inject("apiCallLog"))) {
    const id = operationOf(operations, method, pathname);
    if (id) called.add(id);
    else if (pathname.startsWith("/api/v1/")) undocumented.push(`${method} ${pathname}`);
  }
});

describe.skipIf(Boolean(skipReason))("every API operation has a home in the SPA", () => {
  it("each operation of the OpenAPI document was called by a page, or api-only.ts says why it has none", () => {
    const uncovered = operations.map((op) => op.id).filter((id) => !called.has(id) && !(id in API_ONLY));
    if (forced && partial) console.info(`(partial run: ${partial})`);
    expect(
      uncovered,
      `${called.size} of ${operations.length} operations called by the SPA; no page called these ` +
        "(give them one, or list them in test/e2e/api-only.ts with the reason they have none)",
    ).toEqual([]);
  });

  it("api-only.ts lists only operations the document has and no page calls", () => {
    const documented = new Set(operations.map((op) => op.id));
    const stale = Object.keys(API_ONLY).filter((id) => !documented.has(id));
    expect(stale, "listed in api-only.ts but not in the OpenAPI document").toEqual([]);
    if (partial) return; // a page may call it in a file that did not run
    const calledAnyway = Object.keys(API_ONLY).filter((id) => called.has(id));
    expect(calledAnyway, "listed in api-only.ts, yet a page calls it: take it off the list").toEqual([]);
  });

  it("every /api/v1 request a page made is an operation of the document", () => {
    expect(undocumented, "requests no operation of the OpenAPI document matches").toEqual([]);
  });
});
