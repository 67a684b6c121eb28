import { api, signalled } from "./client";
import { readJson } from "./read-json";

const v1 = api.api.v1;
const idea = (id: number) => ({ param: { id: String(id) } });

/** Support an idea (idempotent). @throws ApiProblem 409 `vote.own_idea` | `vote.budget_exhausted` | `vote.phase_closed` */
export async function vote(ideaId: number) {
  return readJson(await v1.ideas[":id"].vote.$put(idea(ideaId)));
}

/** Take support back while voting is open. @throws ApiProblem 409 `vote.phase_closed` */
export async function unvote(ideaId: number) {
  return readJson(await v1.ideas[":id"].vote.$delete(idea(ideaId)));
}
export type VoteState = Awaited<ReturnType<typeof vote>>;

/** My votes in a campaign: the budget, what I used and what is left. @throws ApiProblem 404 */
export async function myVotes(campaignId: number, signal?: AbortSignal) {
  return readJson(await v1.campaigns[":id"]["my-votes"].$get({ param: { id: String(campaignId) } }, signalled(signal)));
}

/**
 * Where an idea's votes came from, per unit, and whether they arrived in a burst (the agency admin,
 * the campaign's chair). @throws ApiProblem 403, 404
 */
export async function getVoteSources(ideaId: number, signal?: AbortSignal) {
  return readJson(await v1.ideas[":id"]["vote-sources"].$get(idea(ideaId), signalled(signal)));
}
export type VoteSources = Awaited<ReturnType<typeof getVoteSources>>;

export async function follow(ideaId: number, on: boolean) {
  return readJson(
    await (on ? v1.ideas[":id"].follow.$put(idea(ideaId)) : v1.ideas[":id"].follow.$delete(idea(ideaId))),
  );
}

/** A page of the discussion: top-level comments newest first, each with its replies. */
export async function listComments(ideaId: number, cursor?: string) {
  return readJson(await v1.ideas[":id"].comments.$get({ ...idea(ideaId), query: cursor ? { cursor } : {} }));
}
export type Thread = Awaited<ReturnType<typeof listComments>>["items"][number];
export type Comment = Thread["replies"][number];

/** @throws ApiProblem 422 (empty, too long, reply to a reply) */
export async function postComment(ideaId: number, body: string, parentId?: number) {
  return readJson(
    await v1.ideas[":id"].comments.$post({ ...idea(ideaId), json: { body, ...(parentId ? { parentId } : {}) } }),
  );
}

/** @throws ApiProblem 409 `comment.edit_window_closed` */
export async function editComment(id: number, body: string) {
  return readJson(await v1.comments[":id"].$patch({ param: { id: String(id) }, json: { body } }));
}

export async function deleteComment(id: number) {
  const res = await v1.comments[":id"].$delete({ param: { id: String(id) } });
  if (!res.ok) await readJson(res as never);
}

export async function reportComment(id: number, reason: string) {
  return readJson(await v1.comments[":id"].report.$post({ param: { id: String(id) }, json: { reason } }));
}

export async function hideComment(id: number, reason: string) {
  return readJson(await v1.comments[":id"].hide.$post({ param: { id: String(id) }, json: { reason } }));
}

/**
 * Colleagues to mention, by part of their name (no NIP or e-mail).
 * @param signal aborts the request (a newer search started)
 */
export async function findPeople(q: string, signal?: AbortSignal) {
  return (await readJson(await v1.people.$get({ query: { q } }, signalled(signal)))).items;
}
