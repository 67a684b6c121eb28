import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import type * as SeedModule from "./scripts/seed/index.ts";
import { generateVapidKeys } from "./scripts/vapid-keys.ts";

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  // the demo seed, so that tests can check it (sign-in of every persona, dashboard figures); Node loads
  // it as `npm run seed` does, with the hook that resolves the drizzle schema's extensionless imports
  // (bundled into this config, they would make Vite warn that its native config loader cannot)
  const local = (file: string) => pathToFileURL(path.join(import.meta.dirname, file)).href;
  await import(local("scripts/lib/resolve-ts.mjs"));
  const { seedStatements } = (await import(local("scripts/seed/index.ts"))) as typeof SeedModule;
  const demoSeed = await seedStatements();
  // a key pair of this run only: Web Push tests sign with it and the loopback push service checks it
  const vapid = generateVapidKeys();
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          // SMTP_HOST empty: no test sends mail unless it points the scheduler at the sink (test/fixtures/mail.ts)
          bindings: {
            TEST_MIGRATIONS: migrations,
            DEMO_SEED: demoSeed,
            D1_STRICT_COLUMNS: "1",
            SMTP_HOST: "",
            PUBLIC_ORIGIN: "https://gagas.test",
            VAPID_PUBLIC_KEY: vapid.publicKey,
            VAPID_PRIVATE_KEY: vapid.privateKey,
            VAPID_SUBJECT: "mailto:admin@gagas.test",
            // seals agencies' OpenID client secrets (src/lib/secret-box.ts): a key of this run only
            OIDC_SECRET_KEY: randomBytes(32).toString("base64url"),
          },
          // an empty second database: backup → restore round trips land here
          d1Databases: { DB: "gagas", RESTORE_DB: "gagas-restore" },
          // feature tests write fast as one person: production limits (wrangler.toml) would throttle them;
          // test/rate-limit.test.ts swaps TEST_LIMITER (3 a minute) in for one of them on the real routes instead
          ratelimits: {
            VOTE_LIMITER: { namespace_id: "1001", simple: { limit: 10_000, period: 60 } },
            COMMENT_LIMITER: { namespace_id: "1002", simple: { limit: 10_000, period: 60 } },
            UPLOAD_LIMITER: { namespace_id: "1003", simple: { limit: 10_000, period: 60 } },
            IDEA_LIMITER: { namespace_id: "1004", simple: { limit: 10_000, period: 60 } },
            TEST_LIMITER: { namespace_id: "1999", simple: { limit: 3, period: 60 } },
          },
        },
      }),
    ],
    test: {
      include: ["test/**/*.test.ts"],
      exclude: ["test/e2e/**"],
      setupFiles: ["./test/fixtures/apply-migrations.ts"],
      // the catching SMTP server, and the loopback push service and webhook receiver, on Node
      // and the loopback OpenID provider (scripts/lib/loopback-idp.ts)
      globalSetup: [
        "./test/fixtures/mail-sink-setup.ts",
        "./test/loopback/global-setup.ts",
        "./test/fixtures/oidc-provider-setup.ts",
      ],
      testTimeout: 30_000,
    },
  };
});
