import { createRouter } from "../../lib/create-router";
import * as handlers from "./me.handlers";
import * as routes from "./me.routes";

export const meRoutes = createRouter()
  .openapi(routes.getProfile, handlers.getProfile)
  .openapi(routes.exportMyData, handlers.exportMyData);
