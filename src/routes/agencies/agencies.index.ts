import { createRouter } from "../../lib/create-router";
import * as handlers from "./agencies.handlers";
import * as routes from "./agencies.routes";

export const agenciesRoutes = createRouter()
  .openapi(routes.listAgencies, handlers.listAgencies)
  .openapi(routes.createAgency, handlers.createAgency)
  .openapi(routes.setAgencyState, handlers.setAgencyState);
