import { getBaselineAgency } from "../../db/queries/bench.queries";
import type { AppRouteHandler } from "../../lib/create-router";
import { notFound } from "../../lib/problem";
import { actorOf } from "../../middlewares/guard";
import type * as routes from "./bench.routes";

export const baseline: AppRouteHandler<typeof routes.baseline> = async (c) => {
  const actor = actorOf(c);
  const agency = await getBaselineAgency(c.var.db, actor.agencyId);
  if (!agency) throw notFound("agency");
  return c.json({ agencyId: agency.id, slug: agency.slug }, 200);
};
