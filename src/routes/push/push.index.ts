import { createRouter } from "../../lib/create-router";
import { guard } from "../../middlewares/guard";
import * as handlers from "./push.handlers";
import * as routes from "./push.routes";

export const pushRouter = createRouter();
pushRouter.use("/push/*", guard());

export const pushRoutes = pushRouter
  .openapi(routes.getConfig, handlers.getConfig)
  .openapi(routes.listSubscriptions, handlers.listSubscriptions)
  .openapi(routes.saveSubscription, handlers.saveSubscription)
  .openapi(routes.deleteSubscription, handlers.deleteSubscription);
