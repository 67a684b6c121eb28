import { defineConfig } from "vitest/config";
import E2eSequencer from "./test/e2e/sequencer.ts";

/**
 * Browser journeys: `test/e2e/global-setup.ts` builds, seeds and serves a throwaway copy of Gagas;
 * the tests drive Debian's Chromium against it, one file at a time (they share that server).
 * `api-coverage.test.ts` runs last (`test/e2e/sequencer.ts`): it reads what the others requested.
 */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./test/e2e/global-setup.ts"],
    fileParallelism: false,
    sequence: { sequencer: E2eSequencer },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
