import { createRoute } from "@hono/zod-openapi";
import { json, problems } from "../../lib/openapi";
import { BaselineSchema } from "./bench.schemas";

export const baseline = createRoute({
  method: "get",
  path: "/bench/baseline",
  tags: ["system"],
  // not part of the contract: served only to the bench (BENCH_ROUTES)
  hide: true,
  summary: "The lightest signed-in request: one indexed point read (the caller's agency)",
  description:
    "The yardstick of `npm run bench`: every journey's throughput is reported as a ratio to this route on the same Worker, so results compare across machines. Costs the session lookup and one primary-key read.",
  responses: { 200: json(BaselineSchema, "The caller's agency"), ...problems(401, 404) },
});
