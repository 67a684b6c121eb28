import { createRouter } from "../../lib/create-router";
import { guard } from "../../middlewares/guard";
import * as handlers from "./notifications.handlers";
import * as routes from "./notifications.routes";

export const notificationsRouter = createRouter();
notificationsRouter.use("/notifications", guard());
notificationsRouter.use("/notifications/*", guard());

export const notificationsRoutes = notificationsRouter
  .openapi(routes.unreadCount, handlers.unreadCount)
  .openapi(routes.getPreferences, handlers.getPreferences)
  .openapi(routes.putPreferences, handlers.putPreferences)
  .openapi(routes.markRead, handlers.markRead)
  .openapi(routes.list, handlers.list);
