import type { D1Migration } from "@cloudflare/vitest-plugin/types";
import type * as main from "../src/index";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      /** The demo seed's statements (scripts/seed), applied by tests that check the demo. */
      DEMO_SEED: string[];
      /** An empty database for restore tests (vitest.config.ts). */
      RESTORE_DB: D1Database;
      D1_STRICT_COLUMNS: string;
      /** A rate limiter of 3 a minute that tests swap in for a write limiter (vitest.config.ts). */
      TEST_LIMITER: RateLimit;
      VAPID_PUBLIC_KEY: string;
      VAPID_PRIVATE_KEY: string;
      VAPID_SUBJECT: string;
      OIDC_SECRET_KEY: string;
    }
    interface GlobalProps {
      mainModule: typeof main;
    }
  }
}

declare module "*?raw" {
  const text: string;
  export default text;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The catching SMTP server of test/fixtures/mail-sink-setup.ts (on Node). */
    mailSink: { smtpPort: number; httpUrl: string; user: string; password: string };
    /** the loopback push service and webhook receiver (test/loopback/global-setup.ts) */
    loopbackOrigin: string;
    /** the loopback OpenID provider (test/fixtures/oidc-provider-setup.ts) */
    oidcIssuer: string;
  }
}
