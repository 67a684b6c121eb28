import { getDashboardInputs } from "../../db/queries/stats.queries";
import { buildDashboard } from "../../domain/dashboard";
import type { AppRouteHandler } from "../../lib/create-router";
import { notFound } from "../../lib/problem";
import { actorOf } from "../../middlewares/guard";
import type * as routes from "./stats.routes";

export const dashboard: AppRouteHandler<typeof routes.dashboard> = async (c) => {
  const actor = actorOf(c);
  const { campaignId } = c.req.valid("query");
  const inputs = await getDashboardInputs(c.var.db, actor.agencyId, campaignId ?? 0);
  if (campaignId !== undefined && !inputs.campaign) throw notFound("campaign");
  return c.json(
    {
      scope: { campaignId: campaignId ?? null, title: inputs.campaign?.title ?? null },
      ...buildDashboard(inputs.counters, inputs.unitSizes, inputs.units, { now: Date.now(), zone: actor.timeZone }),
      topReplicated: inputs.topReplicated,
    },
    200,
  );
};
