import { createRouter } from "../../lib/create-router";
import * as importHandlers from "./user-import.handlers";
import * as handlers from "./users.handlers";
import * as routes from "./users.routes";

export const usersRoutes = createRouter()
  .openapi(routes.listUsers, handlers.listUsers)
  .openapi(routes.importUsers, importHandlers.importUsers)
  .openapi(routes.getUser, handlers.getUser)
  .openapi(routes.createUser, handlers.createUser)
  .openapi(routes.updateUser, handlers.updateUser)
  .openapi(routes.resetPassword, handlers.resetPassword);
