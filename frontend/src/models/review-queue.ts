import { signal } from "@preact/signals";
import { toApiProblem, type ApiProblem } from "../api/problem";
import { listMyReviews, type QueueItem, type ReviewQueue } from "../api/reviews";

export type QueueState =
  | { kind: "loading" }
  | {
      kind: "ready";
      counts: ReviewQueue["counts"];
      items: QueueItem[];
      nextCursor: string | null;
      more: "idle" | "loading" | ApiProblem;
    }
  | { kind: "problem"; problem: ApiProblem };

/** My review queue on `/penilaian`; kept here so coming back from a review shows it at once. */
export const reviewQueue = signal<QueueState>({ kind: "loading" });

let sequence = 0;

/** Asks for the queue again (on every visit: a review just sent changes it). */
export async function loadReviewQueue(): Promise<void> {
  const mine = ++sequence;
  if (reviewQueue.value.kind === "problem") reviewQueue.value = { kind: "loading" };
  try {
    const page = await listMyReviews(undefined, undefined, 50);
    if (mine !== sequence) return;
    reviewQueue.value = {
      kind: "ready",
      counts: page.counts,
      items: page.items,
      nextCursor: page.nextCursor,
      more: "idle",
    };
  } catch (error) {
    if (mine === sequence) reviewQueue.value = { kind: "problem", problem: toApiProblem(error) };
  }
}

/** Appends the next page of a long queue. */
export async function loadMoreReviews(): Promise<void> {
  const current = reviewQueue.value;
  if (current.kind !== "ready" || !current.nextCursor || current.more === "loading") return;
  const mine = sequence;
  reviewQueue.value = { ...current, more: "loading" };
  try {
    const page = await listMyReviews(undefined, current.nextCursor, 50);
    if (mine !== sequence) return;
    reviewQueue.value = {
      ...current,
      items: [...current.items, ...page.items],
      nextCursor: page.nextCursor,
      more: "idle",
    };
  } catch (error) {
    if (mine === sequence) reviewQueue.value = { ...current, more: toApiProblem(error) };
  }
}

/** Assignments still to do first (soonest due first, as the server sorts them), then the submitted ones. */
export function splitQueue(items: readonly QueueItem[]) {
  return {
    open: items.filter((item) => item.state !== "submitted"),
    submitted: items.filter((item) => item.state === "submitted"),
  };
}
