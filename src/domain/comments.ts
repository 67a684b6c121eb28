/**
 * Discussion rules: one level of replies, a short edit window, tombstones instead of deletion,
 * reports once per person, moderation by the agency admin. Pure; the caller guards the same
 * conditions again inside the batch that writes.
 */

import { isOpenToAll } from "./moderation.ts";

/** An author may correct a comment for this long after posting it; it is then marked edited. */
export const EDIT_WINDOW_MS = 15 * 60_000;

/** What the rules need to know about a comment. */
export type CommentFacts = {
  ideaId: number;
  authorId: number;
  parentId: number | null;
  createdAt: number;
  deletedAt: number | null;
  hiddenAt: number | null;
};

/** Only ideas that are out in the open take comments (not drafts, withdrawn, merged or hidden ideas). */
export const isDiscussable = (idea: { listed: boolean; hiddenAt: number | null }) => isOpenToAll(idea);

export type ReplyRefusal = "comment.parent_unknown" | "comment.reply_depth" | "comment.parent_closed";

/** A reply goes under a visible top-level comment of the same idea. */
export function replyRefusal(parent: CommentFacts | undefined, ideaId: number): ReplyRefusal | null {
  if (!parent || parent.ideaId !== ideaId) return "comment.parent_unknown";
  if (parent.parentId !== null) return "comment.reply_depth";
  if (parent.deletedAt !== null || parent.hiddenAt !== null) return "comment.parent_closed";
  return null;
}

export type EditRefusal = "comment.gone" | "comment.edit_window_closed";

/**
 * A visible comment can be edited within {@link EDIT_WINDOW_MS} of posting it (by its author: see
 * the `comment.write_own` rule of the policy).
 */
export function editRefusal(c: CommentFacts, now: number): EditRefusal | null {
  if (c.deletedAt !== null || c.hiddenAt !== null) return "comment.gone";
  if (now - c.createdAt >= EDIT_WINDOW_MS) return "comment.edit_window_closed";
  return null;
}

export type ReportRefusal = "comment.report_own" | "comment.gone";

/** Anyone but the author reports a visible comment, once. */
export function reportRefusal(c: CommentFacts, actorId: number): ReportRefusal | null {
  if (c.authorId === actorId) return "comment.report_own";
  if (c.deletedAt !== null || c.hiddenAt !== null) return "comment.gone";
  return null;
}

export type HideRefusal = "comment.already_hidden" | "comment.gone";

export function hideRefusal(c: CommentFacts): HideRefusal | null {
  if (c.hiddenAt !== null) return "comment.already_hidden";
  if (c.deletedAt !== null) return "comment.gone";
  return null;
}

/**
 * What a viewer reads of a comment: a deleted one is a tombstone for everyone; a hidden one shows
 * its reason, and its words only to the admin who moderates.
 */
export function visibleBody(c: CommentFacts & { body: string }, viewerIsAdmin: boolean): string | null {
  if (c.deletedAt !== null) return null;
  if (c.hiddenAt !== null && !viewerIsAdmin) return null;
  return c.body;
}

/** The author may still edit it (the UI offers the button until then). */
export const editableUntil = (c: CommentFacts) => c.createdAt + EDIT_WINDOW_MS;
