import { defineConfig } from "vitest/config";

/**
 * Browser journeys: `test/e2e/global-setup.ts` builds, seeds and serves a throwaway copy of Gagas;
 * the tests drive Debian's Chromium against it, one file at a time (they share that server).
 */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./test/e2e/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
