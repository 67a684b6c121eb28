import { agencyOidc } from "../../src/db/schema";
import { IDP_CLIENTS } from "../../scripts/lib/loopback-idp-accounts";
import { createAgency } from "../fixtures/builders";
import { testDb } from "../fixtures/db";
import { oidcIssuer, providerSettings } from "../fixtures/oidc";
import { statuses, type MatrixEntry } from "./matrix-entry";

/** Every agency admin sets their own agency's provider: the other agency's admin passes too. */
const admins = (ok: number) => statuses({ anonymous: 401, admin: ok, otherAdmin: ok }, 403);

/** A fresh agency whose provider is the loopback one (written straight into D1: no admin needed). */
async function agencyWithProvider(): Promise<string> {
  const agency = await createAgency();
  await testDb.insert(agencyOidc).values({
    agencyId: agency.id,
    displayName: "SSO Uji",
    issuer: oidcIssuer(),
    clientId: IDP_CLIENTS.honest,
    updatedAt: Date.now(),
  });
  return agency.slug;
}

export const matrix: MatrixEntry[] = [
  { route: "GET /api/v1/agency/oidc", request: () => ({ path: "/api/v1/agency/oidc" }), expect: admins(200) },
  {
    route: "PUT /api/v1/agency/oidc",
    // passwords stay on: the matrix's personas keep signing in with theirs
    request: () => ({ path: "/api/v1/agency/oidc", body: providerSettings({ passwordSignIn: true }) }),
    expect: admins(200),
  },
  {
    route: "GET /api/v1/auth/oidc/{agencySlug}",
    request: (fx) => ({ path: `/api/v1/auth/oidc/${fx.agency.slug}` }),
    expect: statuses({}, 200),
  },
  {
    route: "POST /api/v1/auth/oidc/{agencySlug}/start",
    // public: anyone may start; the session, if any, plays no part
    request: async () => ({ path: `/api/v1/auth/oidc/${await agencyWithProvider()}/start`, body: {} }),
    expect: statuses({}, 200),
  },
  {
    route: "POST /api/v1/auth/oidc/callback",
    // a state nobody started: the same refusal for everyone, signed in or not
    request: () => ({ path: "/api/v1/auth/oidc/callback", body: { state: "tidak-pernah-dimulai", code: "x" } }),
    expect: statuses({}, 400),
  },
];
