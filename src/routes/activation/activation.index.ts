import { createRouter } from "../../lib/create-router";
import * as handlers from "./activation.handlers";
import * as routes from "./activation.routes";

export const activationRoutes = createRouter()
  .openapi(routes.overview, handlers.overview)
  .openapi(routes.unitPeople, handlers.unitPeople)
  .openapi(routes.send, handlers.send)
  .openapi(routes.sheet, handlers.sheet);
