import { createRouter } from "../../lib/create-router";
import * as handlers from "./api-tokens.handlers";
import * as routes from "./api-tokens.routes";

export const apiTokensRoutes = createRouter()
  .openapi(routes.listPersonalTokens, handlers.listPersonalTokens)
  .openapi(routes.createPersonalToken, handlers.createPersonalToken)
  .openapi(routes.revokePersonalToken, handlers.revokePersonalToken)
  .openapi(routes.listServiceTokens, handlers.listServiceTokens)
  .openapi(routes.createServiceToken, handlers.createServiceToken)
  .openapi(routes.revokeServiceToken, handlers.revokeServiceToken);
