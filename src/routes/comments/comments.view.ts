/** Shaping a comment for the person reading it: tombstones, hidden words, what they may do. */
import type { CommentRow } from "../../db/queries/comments.queries";
import { editableUntil, editRefusal, visibleBody } from "../../domain/comments";
import { iso, isoOrNull } from "../../lib/time";

export type Mention = { commentId: number; id: number; name: string };

export type CommentViewer = { userId: number; isAdmin: boolean; now: number };

export function toComment(row: CommentRow, mentions: readonly Mention[], viewer: CommentViewer) {
  const body = visibleBody(row, viewer.isAdmin);
  const isAuthor = row.authorId === viewer.userId;
  const canEdit = isAuthor && editRefusal(row, viewer.now) === null;
  return {
    id: row.id,
    ideaId: row.ideaId,
    parentId: row.parentId,
    author: { id: row.authorId, name: row.authorName, unitName: row.authorUnitName },
    body,
    mentions: body === null ? [] : mentions.filter((m) => m.commentId === row.id).map(({ id, name }) => ({ id, name })),
    createdAt: iso(row.createdAt),
    edited: row.editedAt !== null,
    editedAt: isoOrNull(row.editedAt),
    deleted: row.deletedAt !== null,
    hidden: row.hiddenAt !== null,
    hiddenReason: row.hiddenReason,
    reportCount: viewer.isAdmin ? row.reportCount : null,
    viewer: { isAuthor, canEdit, editableUntil: canEdit ? iso(editableUntil(row)) : null },
  };
}
