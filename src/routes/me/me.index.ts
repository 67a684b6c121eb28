import { createRouter } from "../../lib/create-router";
import { getHome } from "./home.handlers";
import * as handlers from "./me.handlers";
import * as routes from "./me.routes";

export const meRoutes = createRouter()
  .openapi(routes.getProfile, handlers.getProfile)
  .openapi(routes.exportMyData, handlers.exportMyData)
  .openapi(routes.getHome, getHome);
