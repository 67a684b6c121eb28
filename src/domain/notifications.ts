/**
 * In-app notifications: the kinds a person can receive (and mute), and when a reviewer is reminded.
 * Notifications are derived from the tables that record their causes (votes, comments, idea events,
 * review assignments, the point ledger, badges, awards), so no feature can forget to send one and a
 * retried cause never sends two: each has a unique dedupe key.
 */
export const NOTIFICATION_KINDS = [
  "vote_on_my_idea",
  "comment_on_my_idea",
  "reply_to_me",
  "mention",
  "decision_on_my_idea",
  "followed_idea_status",
  "review_assigned",
  "review_due",
  "points_earned",
  "badge_earned",
  "award_received",
  "award_revoked",
  "campaign_phase",
  "report_received",
  "moderation",
  "committee_removed",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Workflow steps an idea's authors hear about as a decision on their idea. */
export const DECISION_ACTIONS = ["start_review", "shortlist", "approve", "reject", "implement", "merge"] as const;

/** A reviewer is reminded once, this long before an assignment is due. */
export const REVIEW_REMINDER_MS = 48 * 60 * 60 * 1000;

/** Small rewards (a vote cast, a comment) would drown the bell; only these earn a notification. */
export const POINTS_NOTIFY_MIN = 10;

/** Rows of a source table turned into notifications per scheduler run (bounds the cost of one run). */
export const DERIVE_BATCH = 500;

/** Where a kind reaches a person besides the bell: an e-mail at once, the morning digest, or the bell only. */
export const NOTIFICATION_CHANNELS = ["email", "digest", "app"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Each kind's channel until the person chooses another (`notification_channels`). */
export const DEFAULT_CHANNEL: Record<NotificationKind, NotificationChannel> = {
  vote_on_my_idea: "digest",
  comment_on_my_idea: "digest",
  reply_to_me: "app",
  mention: "email",
  decision_on_my_idea: "email",
  followed_idea_status: "app",
  review_assigned: "app",
  review_due: "email",
  points_earned: "app",
  badge_earned: "app",
  award_received: "email",
  award_revoked: "app",
  campaign_phase: "app",
  report_received: "app",
  moderation: "app",
  committee_removed: "app",
};

/** The daily digest leaves at this hour of the agency's clock. */
export const DIGEST_HOUR = 7;
