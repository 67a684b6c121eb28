/** Shaping a comment for the person reading it: tombstones, hidden words, blind review, what they may do. */
import type { CommentRow } from "../../db/queries/comments.queries";
import { OPEN_EYES, PROPOSING_TEAM, type Blindfold } from "../../domain/blind-review";
import { editableUntil, editRefusal, visibleBody } from "../../domain/comments";
import { iso, isoOrNull } from "../../lib/time";

export type Mention = { commentId: number; id: number; name: string };

export type CommentViewer = { userId: number; isAdmin: boolean; now: number };

const proposingTeam = { id: null, name: PROPOSING_TEAM, proposingTeam: true } as const;

/** The people a comment mentions as its reader may see them: the proposing team once, as a team. */
function mentionsOf(row: CommentRow, mentions: readonly Mention[], fold: Blindfold) {
  const people = mentions
    .filter((m) => m.commentId === row.id)
    .map(({ id, name }) => (fold.hides({ id }) ? proposingTeam : { id, name, proposingTeam: false }));
  return people.filter((p, i) => p.id !== null || people.findIndex((q) => q.id === null) === i);
}

/**
 * @param fold the reader's blindfold for the comment's idea: in blind review the team's comments
 * read as "Tim pengusul", and their names, handles and units are taken out of the words
 */
export function toComment(row: CommentRow, mentions: readonly Mention[], viewer: CommentViewer, fold = OPEN_EYES) {
  const body = visibleBody(row, viewer.isAdmin);
  const isAuthor = row.authorId === viewer.userId;
  const canEdit = isAuthor && editRefusal(row, viewer.now) === null;
  return {
    id: row.id,
    ideaId: row.ideaId,
    parentId: row.parentId,
    // a blind reader sees no writer's unit: a colleague of the team's unit would point at it
    author: fold.hides({ id: row.authorId })
      ? { ...proposingTeam, unitName: null }
      : {
          id: row.authorId,
          name: row.authorName,
          unitName: fold.blind ? null : row.authorUnitName,
          proposingTeam: false,
        },
    body: body === null ? null : fold.text(body),
    mentions: body === null ? [] : mentionsOf(row, mentions, fold),
    createdAt: iso(row.createdAt),
    edited: row.editedAt !== null,
    editedAt: isoOrNull(row.editedAt),
    deleted: row.deletedAt !== null,
    hidden: row.hiddenAt !== null,
    hiddenReason: row.hiddenReason === null ? null : fold.text(row.hiddenReason),
    reportCount: viewer.isAdmin ? row.reportCount : null,
    viewer: { isAuthor, canEdit, editableUntil: canEdit ? iso(editableUntil(row)) : null },
  };
}
