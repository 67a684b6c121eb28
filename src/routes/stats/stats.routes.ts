import { createRoute } from "@hono/zod-openapi";
import { json, problems } from "../../lib/openapi";
import { DashboardQuery, DashboardSchema } from "./stats.schemas";

export const dashboard = createRoute({
  method: "get",
  path: "/stats/dashboard",
  tags: ["stats"],
  summary: "The innovation dashboard of the agency or of one campaign (leaders and admins)",
  description:
    "Figures come from counters the scheduler keeps current every minute; the reads do not grow with the number of ideas or votes.",
  request: { query: DashboardQuery },
  responses: { 200: json(DashboardSchema, "Dashboard figures"), ...problems(401, 403, 404, 422) },
});
