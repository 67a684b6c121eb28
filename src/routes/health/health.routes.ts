import { createRoute, z } from "@hono/zod-openapi";
import { json } from "../../lib/openapi";

export const HealthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    version: z.string(),
    db: z.enum(["ok", "unavailable"]),
  })
  .openapi("Health");

export const getHealth = createRoute({
  method: "get",
  path: "/health",
  tags: ["system"],
  summary: "Is the service up, and does D1 answer?",
  responses: {
    200: json(HealthSchema, "Service and database are up"),
    503: json(HealthSchema, "The database does not answer"),
  },
});
