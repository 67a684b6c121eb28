import { searchPeople as findPeople } from "../../db/queries/people.queries";
import { handleOf } from "../../domain/mentions";
import type { AppRouteHandler } from "../../lib/create-router";
import { actorOf } from "../../middlewares/guard";
import type * as routes from "./people.routes";

export const PEOPLE_LIMIT = 10;

export const searchPeople: AppRouteHandler<typeof routes.searchPeople> = async (c) => {
  const actor = actorOf(c);
  const rows = await findPeople(c.var.db, actor.agencyId, c.req.valid("query").q, PEOPLE_LIMIT);
  return c.json(
    {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        position: r.position,
        unitName: r.unitName,
        handle: handleOf(r),
      })),
    },
    200,
  );
};
