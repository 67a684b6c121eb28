import { createRouter } from "../../lib/create-router";
import * as handlers from "./awards.handlers";
import * as routes from "./awards.routes";

const router = createRouter();
// the certificate as the OpenAPI document names it (Hono serves it through `routes.certificate`);
// like `openapi()`, the document gets the route without its middleware
const { middleware: _middleware, ...certificateDocument } = routes.certificateDocument;
router.openAPIRegistry.registerPath(certificateDocument);

/** Awards of the agency (signed in), the public Hall of Fame and the public certificate verification. */
export const awardsRoutes = router
  .openapi(routes.announce, handlers.announce)
  .openapi(routes.list, handlers.list)
  .openapi(routes.get, handlers.get)
  .openapi(routes.revoke, handlers.revoke)
  .openapi(routes.certificate, handlers.certificate)
  .openapi(routes.hallOfFame, handlers.hallOfFame)
  .openapi(routes.verify, handlers.verify);
