import { createRouter } from "../../lib/create-router";
import * as handlers from "./units.handlers";
import * as routes from "./units.routes";

export const unitsRoutes = createRouter()
  .openapi(routes.listUnits, handlers.listUnits)
  .openapi(routes.createUnit, handlers.createUnit)
  .openapi(routes.updateUnit, handlers.updateUnit);
