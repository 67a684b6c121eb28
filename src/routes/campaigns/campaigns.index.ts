import { createRouter } from "../../lib/create-router";
import { guard } from "../../middlewares/guard";
import * as handlers from "./campaigns.handlers";
import * as routes from "./campaigns.routes";

export const campaignsRouter = createRouter();
campaignsRouter.use("/campaigns", guard());
campaignsRouter.use("/campaigns/*", guard());

export const campaignsRoutes = campaignsRouter
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.create, handlers.create)
  .openapi(routes.patch, handlers.patch);
