import { createRouter } from "../../lib/create-router";
import * as handlers from "./account.handlers";
import * as routes from "./account.routes";

export const accountRoutes = createRouter()
  .openapi(routes.checkToken, handlers.checkToken)
  .openapi(routes.activate, handlers.activate)
  .openapi(routes.forgotPassword, handlers.forgotPassword)
  .openapi(routes.resetPassword, handlers.resetPassword)
  .openapi(routes.unsubscribe, handlers.unsubscribe);
