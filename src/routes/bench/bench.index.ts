import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env";
import { createRouter } from "../../lib/create-router";
import { noSuchEndpoint } from "../../lib/errors";
import { guard } from "../../middlewares/guard";
import * as handlers from "./bench.handlers";
import * as routes from "./bench.routes";

/** The bench's routes exist only in a Worker the bench started (`--var BENCH_ROUTES:1`); elsewhere, as any unknown path. */
const benchOnly = createMiddleware<AppEnv>(async function benchOnly(c, next) {
  if (c.env.BENCH_ROUTES !== "1") throw noSuchEndpoint();
  return next();
});

export const benchRouter = createRouter();
benchRouter.use("/bench/*", benchOnly, guard());

export const benchRoutes = benchRouter.openapi(routes.baseline, handlers.baseline);
