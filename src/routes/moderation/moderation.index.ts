import { createRouter } from "../../lib/create-router";
import * as handlers from "./moderation.handlers";
import * as routes from "./moderation.routes";

export const moderationRoutes = createRouter()
  .openapi(routes.reportIdea, handlers.reportIdea)
  .openapi(routes.hideIdea, handlers.hideIdea)
  .openapi(routes.restoreIdea, handlers.restoreIdea)
  .openapi(routes.dismissIdeaReports, handlers.dismissIdeaReports)
  .openapi(routes.restoreComment, handlers.restoreComment)
  .openapi(routes.dismissCommentReports, handlers.dismissCommentReports)
  .openapi(routes.reportedIdeas, handlers.reportedIdeas)
  .openapi(routes.hidden, handlers.hidden);
