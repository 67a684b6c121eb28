import { createRouter } from "../../lib/create-router";
import * as handlers from "./webhooks.handlers";
import * as routes from "./webhooks.routes";

export const webhooksRoutes = createRouter()
  .openapi(routes.listWebhooks, handlers.listWebhooks)
  .openapi(routes.createWebhook, handlers.createWebhook)
  .openapi(routes.deleteWebhook, handlers.deleteWebhook)
  .openapi(routes.listDeliveries, handlers.listDeliveries);
