import type { Database } from "./db/client";
import type { D1Stats, RiderSlot } from "./lib/d1-stats";

import type { Actor as PolicyActor } from "./domain/policy";
import type { TimeZone } from "./domain/time-zone";
import type { ApiScope } from "./domain/api-scopes";

/** The signed-in person, as every guard and handler sees them, with their agency's clock. */
export type Actor = PolicyActor & { sessionId: number; mustChangePassword: boolean; timeZone: TimeZone };

export type Bindings = Env & {
  /** Set to "1" in tests: cross-check D1 result widths (see lib/d1-stats). */
  D1_STRICT_COLUMNS?: string;
  /** Set to "1" only by `npm run bench` on its capture server: log every statement (middlewares/d1-session). */
  D1_TRACE?: string;
  /** Set to "1" only by `npm run bench` (`--var`): serves the bench's yardstick route (routes/bench). */
  BENCH_ROUTES?: string;
  /** The SMTP submission password: a Worker secret (`wrangler secret put SMTP_PASSWORD`), never in wrangler.toml. */
  SMTP_PASSWORD?: string;
  /** Web Push (src/lib/web-push.ts): the VAPID public key and subject are vars, the private key a secret. */
  VAPID_PUBLIC_KEY?: string;
  VAPID_PRIVATE_KEY?: string;
  VAPID_SUBJECT?: string;
  /** 32 random bytes, base64url: encrypts agencies' OpenID client secrets in D1 (`wrangler secret put OIDC_SECRET_KEY`). */
  OIDC_SECRET_KEY?: string;
};

export type AppVariables = {
  requestId: string;
  db: Database;
  d1Stats: D1Stats;
  /** the session check waiting to travel with the request's first call to D1 */
  d1Rider: RiderSlot;
  actor: Actor | null;
  /** the API token the request came with (middlewares/api-token), null for a cookie session or none */
  apiToken: ApiTokenUse | null;
};

/** The bearer token of a request: which one, whose (a person's or the agency's service) and its scopes. */
export type ApiTokenUse = { id: number; kind: "personal" | "service"; scopes: readonly ApiScope[] };

export type AppEnv = { Bindings: Bindings; Variables: AppVariables };
