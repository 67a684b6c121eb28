import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** The file that checks, after every journey ran, that each API operation was called by the SPA. */
export const LAST_FILE = "api-coverage.test.ts";

/**
 * Vitest's own order, but `api-coverage.test.ts` last: it reads what all the other files' pages
 * requested. Tells the tests which files this run has and whether a name filter (`-t`) narrowed
 * them (`inject("e2eRun")`), so the coverage check knows whether the log can be complete.
 */
export default class E2eSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isLast = (spec: TestSpecification) => path.basename(spec.moduleId) === LAST_FILE;
    const ordered = [...sorted.filter((spec) => !isLast(spec)), ...sorted.filter(isLast)];
    const run = { files: ordered.map((spec) => spec.moduleId), filtered: Boolean(this.ctx.config.testNamePattern) };
    for (const project of new Set(ordered.map((spec) => spec.project))) project.provide("e2eRun", run);
    return ordered;
  }
}
