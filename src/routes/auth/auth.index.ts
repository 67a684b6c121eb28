import { createRouter } from "../../lib/create-router";
import { guard } from "../../middlewares/guard";
import * as handlers from "./auth.handlers";
import * as routes from "./auth.routes";

export const authRouter = createRouter();
authRouter.use("/auth/me", guard());
authRouter.use("/auth/logout-all", guard());
authRouter.use("/auth/password", guard());

export const authRoutes = authRouter
  .openapi(routes.login, handlers.login)
  .openapi(routes.logout, handlers.logout)
  .openapi(routes.logoutAll, handlers.logoutAll)
  .openapi(routes.me, handlers.me)
  .openapi(routes.changePassword, handlers.changePassword);
