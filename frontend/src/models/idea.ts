import { signal } from "@preact/signals";
import { getIdea, mergeIdea, transitionIdea, type IdeaAction, type IdeaDetail } from "../api/ideas";
import { toApiProblem, type ApiProblem } from "../api/problem";
import { ideaList } from "./idea-list";
import { withCopy } from "./offline-copies";

export type IdeaState =
  | { kind: "loading"; id: number }
  | { kind: "ready"; idea: IdeaDetail }
  | { kind: "problem"; id: number; problem: ApiProblem };

/** The idea on `/ide/:id`, as the server last answered it. */
export const ideaState = signal<IdeaState | null>(null);

/**
 * What the idea page confirms once, after the person acted: submitted (from the form), or the new
 * status after a workflow step.
 */
export type IdeaNotice = { ideaId: number; kind: "submitted" | "moved" };
export const ideaNotice = signal<IdeaNotice | null>(null);

let sequence = 0;

/**
 * Shows idea `id`: at once when it is the one already here (coming back), then fresh from the server.
 * @param force ask even when it is already shown
 */
export async function loadIdea(id: number, force = false): Promise<void> {
  const current = ideaState.value;
  const shown = current?.kind === "ready" && current.idea.id === id;
  if (shown && !force) return;
  const mine = ++sequence;
  if (!shown) ideaState.value = { kind: "loading", id };
  try {
    // read offline from the copy kept when it was last opened (savedAtOf tells)
    const idea = await withCopy(`idea:${id}`, () => getIdea(id));
    if (mine === sequence) ideaState.value = { kind: "ready", idea };
  } catch (error) {
    if (mine === sequence) ideaState.value = { kind: "problem", id, problem: toApiProblem(error) };
  }
}

/** Puts an idea the server just answered (after a write elsewhere) in place, so its page opens at once. */
export function showIdea(idea: IdeaDetail): void {
  sequence++;
  ideaState.value = { kind: "ready", idea };
}

/**
 * Takes a workflow step. The page changes only once the server confirmed it.
 * @throws ApiProblem as the server refused (409 `idea.submission_closed`, 422 `idea.incomplete`, …)
 */
export async function takeAction(
  id: number,
  action: Exclude<IdeaAction, "merge">,
  reason?: string,
): Promise<IdeaDetail> {
  const idea = await transitionIdea(id, action, reason);
  showIdea(idea);
  ideaList.invalidate();
  ideaNotice.value = { ideaId: id, kind: action === "submit" ? "submitted" : "moved" };
  return idea;
}

/**
 * Merges idea `id` into `intoId`, then shows the merged idea as it is now (pointing at the survivor).
 * @throws ApiProblem 409 `idea.merge_target_invalid`, 422, 404
 */
export async function mergeInto(id: number, intoId: number, reason: string): Promise<void> {
  await mergeIdea(id, intoId, reason);
  ideaList.invalidate();
  ideaNotice.value = { ideaId: id, kind: "moved" };
  await loadIdea(id, true);
}

/**
 * Changes the idea shown as the server just confirmed (a vote, a follow): the header, the vote box
 * and the sidebar all read {@link ideaState}, so they show the same numbers after every action.
 */
export function patchIdea(id: number, change: (idea: IdeaDetail) => IdeaDetail): void {
  const current = ideaState.value;
  if (current?.kind !== "ready" || current.idea.id !== id) return;
  ideaState.value = { kind: "ready", idea: change(current.idea) };
  // the list shows the count too: it asks again when the person goes back
  ideaList.invalidate();
}
