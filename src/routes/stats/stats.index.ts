import { createRouter } from "../../lib/create-router";
import { guard } from "../../middlewares/guard";
import * as handlers from "./stats.handlers";
import * as routes from "./stats.routes";

export const statsRouter = createRouter();
statsRouter.use("/stats/*", guard("stats.read"));

export const statsRoutes = statsRouter.openapi(routes.dashboard, handlers.dashboard);
