import { createRouter } from "../../lib/create-router";
import { withWriteLimit } from "../../middlewares/rate-limit";
import * as handlers from "./attachments.handlers";
import * as routes from "./attachments.routes";

export const attachmentsRoutes = createRouter()
  .openapi(routes.upload, withWriteLimit("UPLOAD_LIMITER", handlers.upload))
  .openapi(routes.download, handlers.download)
  .openapi(routes.remove, handlers.remove);
