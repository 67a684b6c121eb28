import { createRouter } from "../../lib/create-router";
import * as handlers from "./career.handlers";
import * as routes from "./career.routes";

/** The innovation record of a career: mine (signed in), its public verification and share page. */
export const careerRoutes = createRouter()
  .openapi(routes.getMine, handlers.getMine)
  .openapi(routes.issue, handlers.issue)
  .openapi(routes.pdf, handlers.pdf)
  .openapi(routes.revoke, handlers.revoke)
  .openapi(routes.share, handlers.share)
  .openapi(routes.verify, handlers.verify)
  .openapi(routes.shared, handlers.shared);
