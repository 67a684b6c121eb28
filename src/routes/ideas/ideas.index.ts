import { createRouter } from "../../lib/create-router";
import { guard } from "../../middlewares/guard";
import { withWriteLimit } from "../../middlewares/rate-limit";
import * as handlers from "./ideas.handlers";
import * as routes from "./ideas.routes";
import * as workflow from "./ideas.workflow";

export const ideasRouter = createRouter();
for (const path of ["/ideas", "/ideas/*"]) ideasRouter.use(path, guard("idea.participate"));

// `/ideas/similar` before `/ideas/{id}`: the first route that matches answers
export const ideasRoutes = ideasRouter
  .openapi(routes.similar, handlers.similar)
  .openapi(routes.list, handlers.list)
  .openapi(routes.create, withWriteLimit("IDEA_LIMITER", handlers.create))
  .openapi(routes.get, handlers.get)
  .openapi(routes.patch, handlers.patch)
  .openapi(routes.transition, workflow.transition)
  .openapi(routes.merge, workflow.merge)
  .openapi(routes.publicLibrary, handlers.publicLibrary);
