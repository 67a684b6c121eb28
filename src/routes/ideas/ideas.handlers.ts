import { listLibraryPage } from "../../db/queries/library.queries";
import { toLibraryItem } from "../library/library.view";
import { listIdeas, listSimilarIdeas, type IdeaFilters, type IdeaSummaryRow } from "../../db/queries/idea-list.queries";
import type { Database } from "../../db/client";
import { getPublicAgency } from "../../db/queries/agencies.queries";
import { getCampaign } from "../../db/queries/campaigns.queries";
import { createDraft, updateDraft } from "../../db/queries/idea-workflow.queries";
import { listSynonymGroups } from "../../db/queries/search-synonyms.queries";
import { parseAgencySettings } from "../../domain/agency-settings";
import { emblemPath } from "../../domain/emblem";
import { isBlindFor } from "../../domain/blind-review";
import { similarityQuery } from "../../domain/search";
import { searchTextOf } from "../../domain/search-normalise";
import { voteCountVisible } from "../../domain/voting";
import type { AppRouteHandler } from "../../lib/create-router";
import { decodeCursor, encodeCursor, pageOf } from "../../lib/cursor";
import { PUBLIC_CACHE } from "../../lib/http-cache";
import { ApiError, forbidden, notFound } from "../../lib/problem";
import { actorOf } from "../../middlewares/guard";
import { checkReferences } from "./ideas.references";
import type * as routes from "./ideas.routes";
import { searchPage } from "./ideas.search";
import { blindCampaignsOf, loadIdea, toIdeaDetail, toIdeaSummary } from "./ideas.view";

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const actor = actorOf(c);
  const { sort, q, cursor, limit, mine, ...filters } = c.req.valid("query");
  const db = c.var.db;
  const now = Date.now();
  const f: IdeaFilters = {
    agencyId: actor.agencyId,
    ...filters,
    ...(mine === "true" ? { memberId: actor.userId } : {}),
  };
  // a blind reviewer's list never tells who proposed an idea they review, not even through a filter by author or unit
  const blind = mine === "true" ? new Set<number>() : await blindCampaignsOf(db, actor);
  const byWho = f.authorId !== undefined || f.unitId !== undefined;
  const summaries = (rows: IdeaSummaryRow[]) =>
    rows.map((r) => toIdeaSummary(r, now, blind)).filter((i) => !(byWho && i.blind));
  if (q !== undefined && q !== "") {
    const at = cursor ? decodeCursor(cursor, ["number", "number"] as const) : ([0, 0] as const);
    const found = await searchPage(db, f, q, limit, at);
    if (!found) return c.json({ items: [], nextCursor: null }, 200);
    const items = summaries(found.rows.slice(0, limit));
    const next = found.next;
    return c.json({ items, nextCursor: next ? encodeCursor(next) : null }, 200);
  }
  const effectiveSort = mine === "true" ? "updated" : sort;
  if (f.campaignId !== undefined && VOTE_ORDERED_SORTS.has(effectiveSort)) {
    const campaign = await getCampaign(db, actor.agencyId, f.campaignId);
    if (campaign && !voteCountVisible(campaign, now)) {
      throw new ApiError(409, "idea.votes_hidden", "This campaign hides votes until voting closes; sort otherwise");
    }
  }
  const after = cursor ? decodeCursor(cursor, ["number", "number"] as const) : undefined;
  const rows = await listIdeas(db, f, effectiveSort, limit, after);
  const page = pageOf(rows, limit, (r) => [sortValue(r, effectiveSort), r.id]);
  return c.json({ items: summaries(page.items), nextCursor: page.nextCursor }, 200);
};

/** Sorts whose order would reveal counts a campaign hides until voting closes. */
const VOTE_ORDERED_SORTS: ReadonlySet<string> = new Set(["votes", "trending"]);

function sortValue(r: Parameters<typeof toIdeaSummary>[0], sort: string): number {
  switch (sort) {
    case "votes":
      return r.voteCount;
    case "trending":
      return r.hot;
    case "discussed":
      return r.commentCount;
    case "score":
      return r.reviewScore ?? 0;
    case "updated":
      return r.updatedAt;
    default:
      return r.submittedAt ?? 0;
  }
}

export const similar: AppRouteHandler<typeof routes.similar> = async (c) => {
  const actor = actorOf(c);
  const { text, excludeId } = c.req.valid("query");
  const match = similarityQuery(text, await listSynonymGroups(c.var.db, actor.agencyId));
  const rows = match ? await listSimilarIdeas(c.var.db, actor.agencyId, match, excludeId, 5) : [];
  const now = Date.now();
  const blind = rows.length > 0 ? await blindCampaignsOf(c.var.db, actor) : new Set<number>();
  const items = rows.map(
    ({ id, title, status, voteCount, campaignId, campaignKind, hideVotesUntilClosed, votingEnd }) => ({
      id,
      title,
      status,
      voteCount:
        !isBlindFor({ blindReview: blind.has(campaignId), status, seat: "reviewer", isAuthor: false }) &&
        voteCountVisible({ kind: campaignKind, hideVotesUntilClosed, votingEnd }, now)
          ? voteCount
          : null,
    }),
  );
  return c.json({ items }, 200);
};

export const create: AppRouteHandler<typeof routes.create> = async (c) => {
  const actor = actorOf(c);
  const body = c.req.valid("json");
  const db = c.var.db;
  const campaign = await checkReferences(db, actor, body);
  const id = await createDraft(db, {
    agencyId: actor.agencyId,
    campaignId: campaign.id,
    unitId: body.unitId ?? actor.unitId,
    authorId: actor.userId,
    values: {
      title: body.title,
      problem: body.problem,
      solution: body.solution,
      benefit: body.benefit,
      targetService: body.targetService,
      category: body.category,
      replicatesId: body.replicatesId,
      ...searchTextOf(body),
    },
    coauthorIds: body.coauthorIds,
    now: Date.now(),
  });
  return c.json(toIdeaDetail(await loadIdea(db, actor, id), Date.now()), 201);
};

export const get: AppRouteHandler<typeof routes.get> = async (c) => {
  const actor = actorOf(c);
  return c.json(toIdeaDetail(await loadIdea(c.var.db, actor, c.req.valid("param").id), Date.now()), 200);
};

export const patch: AppRouteHandler<typeof routes.patch> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const db = c.var.db;
  const loaded = await loadIdea(db, actor, id);
  if (!loaded.isAuthor) throw forbidden("Only the idea's authors may edit it");
  if (loaded.idea.status !== "draft") throw new ApiError(409, "idea.not_editable", "Only drafts can be edited");
  await checkReferences(db, actor, body, loaded.idea);
  const now = Date.now();
  const { idea } = loaded;
  const text = {
    title: body.title ?? idea.title,
    problem: body.problem ?? idea.problem,
    solution: body.solution ?? idea.solution,
  };
  const result = await updateDraft(db, id, { ...body, ...searchTextOf(text) }, now);
  if (result.meta.changes === 0) throw new ApiError(409, "idea.not_editable", "Only drafts can be edited");
  return c.json(toIdeaDetail(await loadIdea(db, actor, id), now), 200);
};

/** A page of an agency's public library: its own implemented ideas, shared or not. */
async function libraryPage(db: Database, query: { cursor?: string | undefined; limit: number }, agencyId: number) {
  const after = query.cursor ? decodeCursor(query.cursor, ["number", "number"] as const) : undefined;
  const rows = await listLibraryPage(db, null, { agencyId }, query.limit, after);
  return pageOf(rows, query.limit, (r) => [r.decidedAt ?? 0, r.id]);
}

export const publicLibrary: AppRouteHandler<typeof routes.publicLibrary> = async (c) => {
  const db = c.var.db;
  const agency = await getPublicAgency(db, c.req.valid("param").agencySlug);
  if (!agency || !parseAgencySettings(agency.settings).libraryPublic) throw notFound("library");
  const page = await libraryPage(db, c.req.valid("query"), agency.id);
  c.header("cache-control", PUBLIC_CACHE);
  return c.json(
    {
      agency: {
        name: agency.name,
        region: agency.region,
        emblemUrl: agency.emblemKey ? emblemPath(agency.slug, agency.emblemKey) : null,
      },
      // the public sees what was implemented, not the ids that lead to its proposers
      items: page.items.map((r) => {
        const { id: _id, replicationCount: _replications, replicatesId: _original, ...item } = toLibraryItem(r);
        return item;
      }),
      nextCursor: page.nextCursor,
    },
    200,
  );
};
