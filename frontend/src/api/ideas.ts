import { api, signalled } from "./client";
import type { LISTED_STATUSES } from "./contract";
import { readJson } from "./read-json";

const ideas = api.api.v1.ideas;

export type IdeaSort = "new" | "votes" | "trending" | "discussed" | "score";
export type ListedStatus = (typeof LISTED_STATUSES)[number];

/** What the idea list can be narrowed to; everything optional. */
export type IdeaQuery = {
  q?: string;
  campaignId?: number;
  status?: ListedStatus;
  category?: string;
  mine?: boolean;
  sort?: IdeaSort;
};

/**
 * A page of the agency's ideas.
 * @param query filters, sort and search
 * @param cursor `nextCursor` of the page before; none for the first page
 * @param signal aborts the request (`useResource`)
 */
export async function listIdeas(query: IdeaQuery, cursor?: string, limit = 20, signal?: AbortSignal) {
  return readJson(
    await ideas.$get(
      {
        query: {
          ...(query.q ? { q: query.q } : {}),
          ...(query.campaignId ? { campaignId: String(query.campaignId) } : {}),
          ...(query.status ? { status: query.status } : {}),
          ...(query.category ? { category: query.category } : {}),
          ...(query.mine ? { mine: "true" as const } : {}),
          ...(query.sort ? { sort: query.sort } : {}),
          ...(cursor ? { cursor } : {}),
          limit: String(limit),
        },
      },
      signalled(signal),
    ),
  );
}

export type IdeaPage = Awaited<ReturnType<typeof listIdeas>>;
export type IdeaSummary = IdeaPage["items"][number];
export type IdeaStatus = IdeaSummary["status"];

/** An idea with its team, history, attachments and what the viewer may do. @throws ApiProblem 404 */
export async function getIdea(id: number, signal?: AbortSignal) {
  return readJson(await ideas[":id"].$get({ param: { id: String(id) } }, signalled(signal)));
}

export type IdeaDetail = Awaited<ReturnType<typeof getIdea>>;
export type IdeaAction = IdeaDetail["viewer"]["availableActions"][number];
export type IdeaEvent = IdeaDetail["events"][number];
export type Phase = IdeaDetail["campaign"]["phase"];

export type DraftFields = {
  title: string;
  problem: string;
  solution: string;
  benefit: string;
  targetService: string;
  category: string;
};

/**
 * Starts a draft. The title needs at least 5 characters.
 * @throws ApiProblem 422 (fields `json.*`), 404
 */
export async function createIdea(
  body: Partial<DraftFields> & { title: string; campaignId?: number; replicatesId?: number | null },
) {
  return readJson(await ideas.$post({ json: body }));
}

/** Saves changed fields of a draft. @throws ApiProblem 409 `idea.not_editable`, 422 */
export async function patchIdea(
  id: number,
  body: Partial<DraftFields> & { campaignId?: number; replicatesId?: number | null },
) {
  return readJson(await ideas[":id"].$patch({ param: { id: String(id) }, json: body }));
}

/**
 * One workflow step; answers the idea after it.
 * @throws ApiProblem 409 `idea.submission_closed`, 422 with `errors[].path` problem/solution/benefit (`idea.incomplete`)
 */
export async function transitionIdea(id: number, action: Exclude<IdeaAction, "merge">, reason?: string) {
  return readJson(
    await ideas[":id"].transitions.$post({
      param: { id: String(id) },
      json: reason ? { action, reason } : { action },
    }),
  );
}

/** Merges idea `id` (a duplicate) into `intoId`; answers the surviving idea. */
export async function mergeIdea(id: number, intoId: number, reason: string) {
  return readJson(await ideas[":id"].merge.$post({ param: { id: String(id) }, json: { intoId, reason } }));
}

/** Up to 5 ideas of the agency resembling `text` (a title and problem being typed). */
export async function listSimilarIdeas(text: string, excludeId?: number, signal?: AbortSignal) {
  const { items } = await readJson(
    await ideas.similar.$get(
      { query: { text, ...(excludeId ? { excludeId: String(excludeId) } : {}) } },
      signalled(signal),
    ),
  );
  return items;
}

export type SimilarIdea = Awaited<ReturnType<typeof listSimilarIdeas>>[number];

/** Where an attachment downloads from (the Worker answers it as `Content-Disposition: attachment`). */
export const attachmentUrl = (ideaId: number, attachmentId: number) =>
  `/api/v1/ideas/${ideaId}/attachments/${attachmentId}`;
