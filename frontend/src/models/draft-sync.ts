import { createIdea, patchIdea, type IdeaDetail } from "../api/ideas";
import { toApiProblem } from "../api/problem";
import {
  claimDeviceDraft,
  draftSyncResults,
  dropDeviceDraft,
  listDeviceDrafts,
  releaseDeviceDraft,
  type DeviceDraft,
  type DraftSyncResult,
} from "./device-drafts";
import { createBodyOf, isTransient, patchBodyOf, TITLE_MIN, type DraftValues } from "./idea-draft";
import { ideaList } from "./idea-list";

/** The server could not be reached (or was busy): stop, the next connection tries again. */
class StillOffline extends Error {}

let running: Promise<void> | null = null;

/**
 * Sends the person's drafts kept on this device (typed offline, or left when a save failed) to the
 * server, one at a time, and reports each in {@link draftSyncResults}. A draft an open form is
 * writing is left to that form. Runs once at a time; stops at the first sign of no connection.
 * @example await syncDeviceDrafts(user.id)
 */
export function syncDeviceDrafts(userId: number): Promise<void> {
  running ??= sendAll(userId).finally(() => {
    running = null;
  });
  return running;
}

async function sendAll(userId: number): Promise<void> {
  for (const draft of listDeviceDrafts(userId)) {
    if (!claimDeviceDraft(draft.key)) continue;
    try {
      const result = await send(userId, draft);
      if (result) report(result);
    } catch (error) {
      if (error instanceof StillOffline) return;
      throw error;
    } finally {
      releaseDeviceDraft(draft.key);
    }
  }
}

/** @returns what the person is told, or null for a draft too short for the server to keep yet */
async function send(userId: number, draft: DeviceDraft): Promise<DraftSyncResult | null> {
  const title = draft.values.title.trim();
  try {
    const idea =
      (draft.ideaId !== null ? await update(draft.ideaId, draft.values) : null) ?? (await create(draft.values));
    if (!idea) return null;
    dropDeviceDraft(userId, draft.key);
    ideaList.invalidate();
    return { kind: "saved", key: draft.key, ideaId: idea.id, title: idea.title };
  } catch (error) {
    const problem = toApiProblem(error);
    if (isTransient(problem)) throw new StillOffline(problem.message, { cause: error });
    return { kind: "failed", key: draft.key, title, code: problem.code };
  }
}

/** The text fields of a kept draft; the title only once the server would take it. */
function textOf(values: DraftValues) {
  const { title, problem, solution, benefit, targetService } = values;
  return { ...(title.trim().length >= TITLE_MIN ? { title } : {}), problem, solution, benefit, targetService };
}

/**
 * Writes every field of the kept draft over the server's. When the idea cannot take edits any more
 * (submitted meanwhile, removed) the text becomes a new draft instead, so nothing typed is lost.
 * @returns null when a new draft is needed
 */
async function update(id: number, values: DraftValues): Promise<IdeaDetail | null> {
  const { category, campaignId, replicatesId } = values;
  try {
    return await patchIdea(id, patchBodyOf({ ...textOf(values), category, campaignId, replicatesId }));
  } catch (error) {
    const problem = toApiProblem(error);
    if (problem.code === "idea.not_editable" || problem.status === 403 || problem.status === 404) return null;
    if (isTransient(problem)) throw error;
    // a campaign or category no longer offered: the text still goes in
    return await patchIdea(id, textOf(values));
  }
}

/** A new draft; if its campaign stopped taking ideas meanwhile, the agency's Kotak Ide takes it. */
async function create(values: DraftValues): Promise<IdeaDetail | null> {
  if (values.title.trim().length < TITLE_MIN) return null;
  try {
    return await createIdea(createBodyOf(values));
  } catch (error) {
    const problem = toApiProblem(error);
    if (isTransient(problem) || (values.campaignId === null && values.replicatesId === null && !values.category)) {
      throw error;
    }
    return await createIdea(createBodyOf({ ...values, campaignId: null, category: "", replicatesId: null }));
  }
}

function report(result: DraftSyncResult): void {
  draftSyncResults.value = [...draftSyncResults.peek().filter((r) => r.key !== result.key), result];
}
