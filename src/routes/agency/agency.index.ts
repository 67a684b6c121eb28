import { createRouter } from "../../lib/create-router";
import * as handlers from "./agency.handlers";
import * as routes from "./agency.routes";

export const agencyRoutes = createRouter()
  .openapi(routes.getSettings, handlers.getSettings)
  .openapi(routes.updateSettings, handlers.updateSettings)
  .openapi(routes.uploadEmblem, handlers.uploadEmblem)
  .openapi(routes.removeEmblem, handlers.removeEmblem)
  .openapi(routes.getEmblem, handlers.getEmblem)
  .openapi(routes.listSynonyms, handlers.listSynonyms)
  .openapi(routes.replaceSynonyms, handlers.replaceSynonyms);
