import { createRouter } from "../../lib/create-router";
import * as handlers from "./idea-team.handlers";
import * as routes from "./idea-team.routes";

export const ideaTeamRoutes = createRouter()
  .openapi(routes.invite, handlers.invite)
  .openapi(routes.accept, handlers.accept)
  .openapi(routes.remove, handlers.remove)
  .openapi(routes.myInvitations, handlers.myInvitations);
