import { requestId } from "hono/request-id";
import type { AppEnv } from "./env";
import { createRouter } from "./lib/create-router";
import { notFoundHandler, onError } from "./lib/errors";
import { withSecurity } from "./lib/openapi-security";
import { apiBodyLimit } from "./middlewares/body-limit";
import { apiToken } from "./middlewares/api-token";
import { csrf } from "./middlewares/csrf";
import { d1Session } from "./middlewares/d1-session";
import { apiSecurityHeaders } from "./middlewares/security-headers";
import { session } from "./middlewares/session";
import { agenciesRoutes } from "./routes/agencies/agencies.index";
import { agencyRoutes } from "./routes/agency/agency.index";
import { auditLogRoutes } from "./routes/audit-log/audit-log.index";
import { authRoutes } from "./routes/auth/auth.index";
import { oidcRoutes } from "./routes/oidc/oidc.index";
import { accountRoutes } from "./routes/account/account.index";
import { activationRoutes } from "./routes/activation/activation.index";
import { campaignsRoutes } from "./routes/campaigns/campaigns.index";
import { ideasRoutes } from "./routes/ideas/ideas.index";
import { reviewsRoutes } from "./routes/reviews/reviews.index";
import { ideaTeamRoutes } from "./routes/idea-team/idea-team.index";
import { attachmentsRoutes } from "./routes/attachments/attachments.index";
import { docsRouter } from "./routes/docs/docs.index";
import { healthRouter } from "./routes/health/health.index";
import { meRoutes } from "./routes/me/me.index";
import { notificationsRoutes } from "./routes/notifications/notifications.index";
import { pushRoutes } from "./routes/push/push.index";
import { webhooksRoutes } from "./routes/webhooks/webhooks.index";
import { statsRoutes } from "./routes/stats/stats.index";
import { backupRoutes } from "./routes/backup/backup.index";
import { unitsRoutes } from "./routes/units/units.index";
import { usersRoutes } from "./routes/users/users.index";
import { votingRoutes } from "./routes/voting/voting.index";
import { commentsRoutes } from "./routes/comments/comments.index";
import { moderationRoutes } from "./routes/moderation/moderation.index";
import { peopleRoutes } from "./routes/people/people.index";
import { rewardsRoutes } from "./routes/rewards/rewards.index";
import { awardsRoutes } from "./routes/awards/awards.index";
import { benchRoutes } from "./routes/bench/bench.index";
import { exportsRoutes } from "./routes/exports/exports.index";
import { innovationProfileRoutes } from "./routes/innovation-profile/innovation-profile.index";
import { problemsRoutes } from "./routes/problems/problems.index";
import { apiTokensRoutes } from "./routes/api-tokens/api-tokens.index";
import { careerRoutes } from "./routes/career/career.index";
import { libraryRoutes } from "./routes/library/library.index";
import { competitionsRoutes } from "./routes/competitions/competitions.index";

/** The Worker's HTTP app: middleware stack, one error path, every feature router. */
export function createApp() {
  const app = createRouter();
  app.use("*", requestId({ headerName: "x-request-id" }));
  app.use(
    "/api/*",
    apiSecurityHeaders(),
    d1Session(),
    apiBodyLimit(),
    apiToken(),
    csrf(),
    // a request whose session changed under it runs again through the whole app
    session({ redispatch: async (request, env, ctx) => app.fetch(request, env, ctx) }),
  );

  const routes = app
    .route("/api/v1", healthRouter)
    .route("/api/v1", authRoutes)
    .route("/api/v1", oidcRoutes)
    .route("/api/v1", accountRoutes)
    .route("/api/v1", activationRoutes)
    .route("/api/v1", meRoutes)
    .route("/api/v1", agenciesRoutes)
    .route("/api/v1", agencyRoutes)
    .route("/api/v1", unitsRoutes)
    .route("/api/v1", usersRoutes)
    .route("/api/v1", auditLogRoutes)
    .route("/api/v1", campaignsRoutes)
    .route("/api/v1", ideasRoutes)
    .route("/api/v1", reviewsRoutes)
    .route("/api/v1", votingRoutes)
    .route("/api/v1", commentsRoutes)
    .route("/api/v1", moderationRoutes)
    .route("/api/v1", peopleRoutes)
    .route("/api/v1", notificationsRoutes)
    .route("/api/v1", pushRoutes)
    .route("/api/v1", webhooksRoutes)
    .route("/api/v1", statsRoutes)
    .route("/api/v1", backupRoutes)
    .route("/api/v1", ideaTeamRoutes)
    .route("/api/v1", attachmentsRoutes)
    .route("/api/v1", rewardsRoutes)
    .route("/api/v1", awardsRoutes)
    .route("/api/v1", exportsRoutes)
    .route("/api/v1", innovationProfileRoutes)
    .route("/api/v1", problemsRoutes)
    .route("/api/v1", apiTokensRoutes)
    .route("/api/v1", careerRoutes)
    .route("/api/v1", libraryRoutes)
    .route("/api/v1", competitionsRoutes)
    .route("/api/v1", benchRoutes);

  app.route("/api", docsRouter);
  app.get("/api/openapi.json", (c) => {
    const doc = app.getOpenAPI31Document({
      openapi: "3.1.0",
      info: {
        title: "Gagas API",
        version: c.env.APP_VERSION,
        description:
          "Innovation ideas and rewards for Indonesian civil servants (ASN). Errors are RFC 9457 problem+json; every response reports its D1 cost in `Server-Timing`. Other systems call it with an API token (`Authorization: Bearer ggs_…`, docs/api-tokens.md).",
      },
      servers: [{ url: new URL(c.req.url).origin }],
    });
    // the session cookie and the API token's scope of every operation (lib/openapi-security)
    return c.json(withSecurity(doc), 200);
  });
  app.notFound(notFoundHandler(() => app.routes));
  app.onError(onError);
  return routes;
}

export type App = ReturnType<typeof createApp>;
export type { AppEnv };
