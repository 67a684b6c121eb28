import { api, signalled } from "./client";
import { readJson } from "./read-json";

const ideas = api.api.v1.ideas;
const idea = (id: number) => ({ param: { id: String(id) } });

export type ImplementationBody = Parameters<(typeof ideas)[":id"]["implementation"]["$post"]>[0]["json"];
export type UpdateBody = Parameters<(typeof ideas)[":id"]["implementation"]["updates"]["$post"]>[0]["json"];

/**
 * Marks an approved idea implemented with its report: one write, both or neither.
 * @throws ApiProblem 422 with `errors[]` on the fields, 409 `transition.invalid_from_status`, 403
 */
export async function reportImplementation(ideaId: number, body: ImplementationBody) {
  return readJson(await ideas[":id"].implementation.$post({ ...idea(ideaId), json: body }));
}

/** An implemented idea's report. @throws ApiProblem 404 when it has none */
export async function getImplementation(ideaId: number, signal?: AbortSignal) {
  return readJson(await ideas[":id"].implementation.$get(idea(ideaId), signalled(signal)));
}
export type ImplementationReport = Awaited<ReturnType<typeof getImplementation>>;

/** A page of the team's follow-up updates, newest first. */
export async function listUpdates(ideaId: number, cursor?: string, signal?: AbortSignal) {
  return readJson(
    await ideas[":id"].implementation.updates.$get(
      { ...idea(ideaId), query: cursor ? { cursor } : {} },
      signalled(signal),
    ),
  );
}
export type ImplementationUpdate = Awaited<ReturnType<typeof listUpdates>>["items"][number];

/** @throws ApiProblem 403 `implementation.update_not_permitted`, 409 `implementation.not_implemented`, 422 */
export async function addUpdate(ideaId: number, body: UpdateBody) {
  return readJson(await ideas[":id"].implementation.updates.$post({ ...idea(ideaId), json: body }));
}

/** A file proving the implementation (an attachment of kind `evidence`). @throws ApiProblem 413, 415, 409 */
export async function uploadEvidence(ideaId: number, file: File) {
  return readJson(await ideas[":id"].attachments.$post({ ...idea(ideaId), form: { file, kind: "evidence" } }));
}

/** Everything stored about me, as a JSON download (UU PDP). */
export const personalDataPath = "/api/v1/me/export";
