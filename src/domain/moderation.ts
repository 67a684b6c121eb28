/**
 * Moderation by the agency admin: anyone but its authors reports an idea or a comment once, with a
 * reason; the admin hides what breaks the rules (with a reason its author is told), restores what
 * was hidden, or dismisses reports that were unfounded. Pure; the caller guards the same conditions
 * again inside the batch that writes.
 *
 * A hidden idea leaves every list, search, the library and the public pages, takes no votes or
 * comments, and answers 404 to everyone but its team and the admins, who see it with the reason.
 */

/** What the rules need to know about an idea. */
export type ModeratedIdea = { status: string; listed: boolean; hiddenAt: number | null };

/** A hidden idea is seen by its team and by the agency's admins only. */
export const isHiddenFrom = (idea: { hiddenAt: number | null }, viewer: { isTeam: boolean; isAdmin: boolean }) =>
  idea.hiddenAt !== null && !viewer.isTeam && !viewer.isAdmin;

/** An idea that is out and shown takes votes and comments (and reports). */
export const isOpenToAll = (idea: { listed: boolean; hiddenAt: number | null }) =>
  idea.listed && idea.hiddenAt === null;

export type IdeaReportRefusal = "idea.report_own" | "idea.not_reportable";

/** Anyone but its team reports an idea that is out in the open, once (the database keeps "once"). */
export function ideaReportRefusal(idea: ModeratedIdea, reporterIsTeam: boolean): IdeaReportRefusal | null {
  if (reporterIsTeam) return "idea.report_own";
  if (!isOpenToAll(idea)) return "idea.not_reportable";
  return null;
}

export type HideRefusal = "moderation.already_hidden" | "moderation.not_listed";
export type RestoreRefusal = "moderation.not_hidden";

/** The admin hides an idea that is out in the open (a draft is nobody's but its team's). */
export function ideaHideRefusal(idea: ModeratedIdea): HideRefusal | null {
  if (idea.hiddenAt !== null) return "moderation.already_hidden";
  if (!idea.listed) return "moderation.not_listed";
  return null;
}

/** Ideas and comments alike: only what is hidden can be restored. */
export const restoreRefusal = (item: { hiddenAt: number | null }): RestoreRefusal | null =>
  item.hiddenAt === null ? "moderation.not_hidden" : null;

/** Reports are dismissed only while there are any. */
export const dismissRefusal = (item: { reportCount: number }): "moderation.no_reports" | null =>
  item.reportCount === 0 ? "moderation.no_reports" : null;
