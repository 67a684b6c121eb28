import { createRouter } from "../../lib/create-router";
import * as handlers from "./oidc.handlers";
import * as routes from "./oidc.routes";

/** Sign-in with the agency's own OpenID Connect provider, and its admin's settings (docs/sign-in-oidc.md). */
export const oidcRoutes = createRouter()
  .openapi(routes.getOidcSettings, handlers.getOidcSettings)
  .openapi(routes.putOidcSettings, handlers.putOidcSettings)
  .openapi(routes.getAgencySignIn, handlers.getAgencySignIn)
  .openapi(routes.startOidcSignIn, handlers.startOidcSignIn)
  .openapi(routes.finishOidcSignIn, handlers.finishOidcSignIn);
