import { createRouter } from "../../lib/create-router";
import { withWriteLimit } from "../../middlewares/rate-limit";
import * as dossier from "./dossier.handlers";
import * as handlers from "./innovation-profile.handlers";
import * as routes from "./innovation-profile.routes";

export const innovationProfileRoutes = createRouter()
  .openapi(routes.getProfile, handlers.get)
  .openapi(routes.putProfile, handlers.put)
  .openapi(routes.addEvidenceLink, handlers.addLink)
  .openapi(routes.addEvidenceFile, withWriteLimit("UPLOAD_LIMITER", handlers.addFile))
  .openapi(routes.downloadEvidence, handlers.download)
  .openapi(routes.removeEvidence, handlers.remove)
  .openapi(routes.dossierPdf, dossier.pdf)
  .openapi(routes.dossierZip, dossier.zip);
