/**
 * The outbox's rules: which notification kinds may leave by e-mail (and which by the digest), when a
 * failed message is tried again, and when it is given up.
 */
import type { NotificationChannel, NotificationKind } from "./notifications";

/** Kinds that can be e-mailed at once (they have a template); the others stay in the bell. */
export const EMAIL_KINDS = ["review_due", "decision_on_my_idea", "mention", "award_received"] as const;
/** Kinds the morning digest gathers. */
export const DIGEST_KINDS = ["vote_on_my_idea", "comment_on_my_idea"] as const;

/** Messages whose payload holds a secret (a sign-in link): emptied once sent. */
export const SECRET_MAIL_KINDS = ["activation", "password_reset", "guest_invitation"] as const;

/** The channels a person may choose for a kind; a kind outside both lists is in-app only. */
export function channelsOf(kind: NotificationKind): NotificationChannel[] {
  if ((EMAIL_KINDS as readonly string[]).includes(kind)) return ["email", "app"];
  if ((DIGEST_KINDS as readonly string[]).includes(kind)) return ["digest", "app"];
  return ["app"];
}

export const MAX_ATTEMPTS = 8;

/**
 * How long to wait after the `attempts`-th failure: 1, 2, 4, … minutes, at most 6 hours.
 * @example retryDelayMs(1) // 60_000
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(attempts - 1, 0), 6 * 60 * 60 * 1000);
}

/** A sender holds the messages it took this long; a run that died gives them back after it. */
export const SEND_LEASE_MS = 5 * 60 * 1000;

/** Messages one scheduler run sends (one SMTP connection). */
export const SEND_BATCH = 50;
