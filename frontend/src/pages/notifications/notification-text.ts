import type { AppNotification, BadgeInfo } from "../../api/notifications";
import { IDEA_STATUSES, PHASES, RULE_KEYS } from "../../api/contract";
import { locale, t } from "../../i18n";
import { awardPath } from "../../lib/award-paths";
import { formatDateTime } from "../../lib/format";
import { ideaPath, campaignPath } from "../../lib/idea-paths";
import { isoOf } from "../../lib/relative-time";
import { MODERATION_PATH } from "../../lib/admin-paths";
import { assignmentPath, committeePath } from "../../lib/review-paths";

/** What a notification says in the person's language, and where it leads. */
export type NotificationView = { text: string; detail: string | null; href: string | null };

// the server's own values (a notification names a status, a campaign phase or a reward rule)
type Status = Exclude<(typeof IDEA_STATUSES)[number], "draft">;
/** A notification only ever names a status an idea reaches after its draft. */
const STATUSES = IDEA_STATUSES.filter((s): s is Status => s !== "draft");
type Phase = (typeof PHASES)[number];
type Rule = (typeof RULE_KEYS)[number];

const str = (value: unknown): string => (typeof value === "string" ? value : "");
const num = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const oneOf = <T extends string>(list: readonly T[], value: unknown): T | null =>
  list.includes(value as T) ? (value as T) : null;

/**
 * The sentence for one notification (e.g. "Ide Anda «Posyandu digital» mendapat dukungan baru") and
 * its link: the idea, the assignment, the committee board or the campaign. Payload fields the
 * sentence needs but the server left out read as empty, never as "undefined".
 * @param badges the badge catalogue, for badge names; empty while it loads (the key is shown)
 */
export function viewOf(n: AppNotification, badges: readonly BadgeInfo[]): NotificationView {
  const p = n.payload;
  const title = str(p.title);
  const ideaId = num(p.ideaId);
  const toIdea = ideaId === null ? null : ideaPath(ideaId);
  // in blind review a member of the idea's team is named as the proposing team, in the reader's words
  const actorName = p.proposingTeam === true ? t("idea.proposingTeam") : str(p.actorName) || t("notifications.someone");
  const assignmentId = num(p.assignmentId);
  const toAssignment = assignmentId === null ? toIdea : assignmentPath(assignmentId);
  const due = isoOf(p.dueAt);
  const date = due ? formatDateTime(due) : "—";
  const reason = str(p.reason);

  switch (n.kind) {
    case "vote_on_my_idea":
      return { text: t("notification.vote", { title }), detail: null, href: toIdea };
    case "comment_on_my_idea":
      return { text: t("notification.comment", { name: actorName, title }), detail: null, href: toIdea };
    case "reply_to_me":
      return { text: t("notification.reply", { name: actorName, title }), detail: null, href: toIdea };
    case "mention":
      return { text: t("notification.mention", { name: actorName, title }), detail: null, href: toIdea };
    case "decision_on_my_idea": {
      const status = oneOf<Status>(STATUSES, p.toStatus);
      const text = status
        ? t(`notification.decision.${status}`, { title })
        : t("notification.decisionOther", { title });
      return { text, detail: reason ? t("notification.reason", { reason }) : null, href: toIdea };
    }
    case "followed_idea_status": {
      const status = oneOf<Status>(STATUSES, p.toStatus);
      const text = t("notification.followed", { title, status: status ? t(`ideaStatus.${status}`) : "—" });
      return { text, detail: reason ? t("notification.reason", { reason }) : null, href: toIdea };
    }
    case "review_assigned":
      return {
        text: t(p.reassigned === true ? "notification.reviewReassigned" : "notification.reviewAssigned", {
          title,
          date,
        }),
        detail: null,
        href: toAssignment,
      };
    case "review_due":
      return { text: t("notification.reviewDue", { title, date }), detail: null, href: toAssignment };
    case "points_earned": {
      const rule = oneOf<Rule>(RULE_KEYS, p.ruleKey);
      const idea = str(p.subjectType) === "idea" ? num(p.subjectId) : null;
      return {
        text: t("notification.points", { points: num(p.points) ?? 0 }),
        detail: rule ? t(`notificationRule.${rule}`) : null,
        href: idea === null ? null : ideaPath(idea),
      };
    }
    case "badge_earned": {
      const key = str(p.badgeKey);
      const badge = badges.find((b) => b.key === key);
      const name = badge ? (locale.value === "en" ? badge.name.en : badge.name.id) : key;
      const description = badge ? (locale.value === "en" ? badge.description.en : badge.description.id) : null;
      return { text: t("notification.badge", { badge: name }), detail: description, href: null };
    }
    case "award_received": {
      const code = str(p.certificateCode);
      const awardId = num(p.awardId);
      return {
        text: t("notification.award", { title }),
        detail: code ? t("notification.certificate", { code }) : null,
        // the award's page, where the recipient downloads the certificate
        href: awardId === null ? null : awardPath(awardId),
      };
    }
    case "award_revoked": {
      const awardId = num(p.awardId);
      return {
        text: t("notification.awardRevoked", { title }),
        detail: reason ? t("notification.reason", { reason }) : null,
        href: awardId === null ? null : awardPath(awardId),
      };
    }
    case "report_received": {
      const isComment = str(p.subject) === "comment";
      return {
        text: t(isComment ? "notification.reportComment" : "notification.reportIdea", { title }),
        detail: reason ? t("notification.reason", { reason }) : null,
        href: MODERATION_PATH,
      };
    }
    case "moderation": {
      const subject = oneOf(["idea", "comment"] as const, p.subject) ?? "idea";
      const action = oneOf(["hide", "restore"] as const, p.action) ?? "hide";
      return {
        text: t(`notification.moderation.${subject}.${action}`, { title }),
        detail: reason ? t("notification.reason", { reason }) : null,
        href: toIdea,
      };
    }
    case "committee_removed": {
      const moved = num(p.moved) ?? 0;
      const campaignId = num(p.campaignId);
      return {
        text: t("notification.committeeRemoved", { title }),
        detail: moved > 0 ? t("notification.committeeRemovedMoved", { count: moved }) : null,
        href: campaignId === null ? null : campaignPath(campaignId),
      };
    }
    case "campaign_phase": {
      const phase = oneOf<Phase>(PHASES, p.phase);
      const campaignId = num(p.campaignId);
      const text = t("notification.phase", { title, phase: phase ? t(`phase.${phase}`) : "—" });
      const href =
        campaignId === null ? null : phase === "review" ? committeePath(campaignId) : campaignPath(campaignId);
      return { text, detail: null, href };
    }
  }
}
