import { getLibraryChoices, getLibraryItem, listLibraryPage } from "../../db/queries/library.queries";
import { INNOVATION_FORMS, LIBRARY_STAGES } from "../../domain/library";
import { searchQuery } from "../../domain/search";
import type { IdeaStatus } from "../../domain/idea-status";
import type { AppRouteHandler } from "../../lib/create-router";
import { decodeCursor, pageOf } from "../../lib/cursor";
import { notFound } from "../../lib/problem";
import { iso } from "../../lib/time";
import { actorOf } from "../../middlewares/guard";
import type * as routes from "./library.routes";
import { toLibraryItem } from "./library.view";

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const actor = actorOf(c);
  const { cursor, limit, q, ...filters } = c.req.valid("query");
  const match = q ? searchQuery(q) : null;
  // words that leave nothing to search (punctuation only) find nothing rather than everything
  if (q && !match) return c.json({ items: [], nextCursor: null }, 200);
  const after = cursor ? decodeCursor(cursor, ["number", "number"] as const) : undefined;
  const rows = await listLibraryPage(c.var.db, actor.agencyId, { ...filters, match: match ?? undefined }, limit, after);
  const page = pageOf(rows, limit, (r) => [r.decidedAt ?? 0, r.id]);
  return c.json({ items: page.items.map(toLibraryItem), nextCursor: page.nextCursor }, 200);
};

export const choices: AppRouteHandler<typeof routes.choices> = async (c) => {
  const actor = actorOf(c);
  const found = await getLibraryChoices(c.var.db, actor.agencyId);
  return c.json({ ...found, forms: [...INNOVATION_FORMS], stages: [...LIBRARY_STAGES] }, 200);
};

const figuresOf = (json: string) => {
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? (parsed as { label: string; value: number; unit: string }[]) : [];
  } catch {
    return [];
  }
};

export const get: AppRouteHandler<typeof routes.get> = async (c) => {
  const actor = actorOf(c);
  const found = await getLibraryItem(c.var.db, actor.agencyId, c.req.valid("param").id);
  if (!found) throw notFound("library item");
  const { item, report, updates, ancestorIds, tree } = found;
  return c.json(
    {
      ...toLibraryItem(item),
      problem: item.problem,
      solution: item.solution,
      implementation: report,
      updates: updates.map((u) => ({ body: u.body, figures: figuresOf(u.figures), createdAt: iso(u.createdAt) })),
      lineage: {
        ancestorIds,
        nodes: tree.map((n) => ({
          id: n.id,
          parentId: n.parent_id,
          depth: n.depth,
          title: n.visible ? n.title : null,
          status: n.status as IdeaStatus,
          agencyName: n.agency_name,
          region: n.region,
          inLibrary: Boolean(n.visible && n.in_library),
        })),
      },
    },
    200,
  );
};
