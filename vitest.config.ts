import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { seedStatements } from "./scripts/seed/index.ts";

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  // the demo seed, so that tests can check it (sign-in of every persona, dashboard figures)
  const demoSeed = await seedStatements();
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: { TEST_MIGRATIONS: migrations, DEMO_SEED: demoSeed, D1_STRICT_COLUMNS: "1" },
          // an empty second database: backup → restore round trips land here
          d1Databases: { DB: "gagas", RESTORE_DB: "gagas-restore" },
        },
      }),
    ],
    test: {
      include: ["test/**/*.test.ts"],
      exclude: ["test/e2e/**"],
      setupFiles: ["./test/fixtures/apply-migrations.ts"],
      testTimeout: 30_000,
    },
  };
});
