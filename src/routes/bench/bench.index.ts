import { createRouter } from "../../lib/create-router";
import { guard } from "../../middlewares/guard";
import * as handlers from "./bench.handlers";
import * as routes from "./bench.routes";

export const benchRouter = createRouter();
benchRouter.use("/bench/*", guard());

export const benchRoutes = benchRouter.openapi(routes.baseline, handlers.baseline);
