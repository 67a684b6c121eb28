import { createRouter } from "../../lib/create-router";
import { guard } from "../../middlewares/guard";
import { withWriteLimit } from "../../middlewares/rate-limit";
import * as handlers from "./comments.handlers";
import * as routes from "./comments.routes";

export const commentsRouter = createRouter();
for (const path of ["/ideas/:id/comments", "/comments/*"]) commentsRouter.use(path, guard("idea.participate"));

// `/comments/reported` before `/comments/{id}`: the first route that matches answers
export const commentsRoutes = commentsRouter
  .openapi(routes.reported, handlers.reported)
  .openapi(routes.thread, handlers.thread)
  .openapi(routes.post, withWriteLimit("COMMENT_LIMITER", handlers.post))
  .openapi(routes.edit, handlers.edit)
  .openapi(routes.remove, handlers.remove)
  .openapi(routes.report, handlers.report)
  .openapi(routes.hide, handlers.hide);
