/**
 * Messages that leave the app — Web Push to a person's phone, signed webhooks to an agency's other
 * channels — are queued in the notification's own batch and sent by the scheduler. These are the
 * rules of that queue: when to try again, when to give up, what an answer of the far end means.
 */
import type { NotificationKind } from "./notifications";

export type Channel = "push" | "webhook";

/** Tries before a delivery is given up (`failed`): about a day and a half of backoff. */
export const MAX_ATTEMPTS = 8;
/** The first retry waits this long; each further one twice as long, up to RETRY_MAX_MS. */
export const RETRY_BASE_MS = 60_000;
export const RETRY_MAX_MS = 6 * 60 * 60 * 1000;
/** A try in progress holds its row this long, so an overlapping scheduler run does not send it too. */
export const LEASE_MS = 2 * 60 * 1000;
/** Deliveries sent per scheduler run (bounds the run's time and subrequests). */
export const DRAIN_BATCH = 40;
/** How long the far end has to answer. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * When to try again after the `attempts`-th try failed: exponential, capped, with a little jitter
 * so that many rows that failed together do not come back together.
 * @param random a number in [0, 1)
 * @example retryDelay(1, 0) // 60_000
 */
export function retryDelay(attempts: number, random: number): number {
  const exponential = Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_MAX_MS);
  return Math.round(exponential * (1 + 0.2 * random));
}

/** What to do with a delivery after one try. */
export type Outcome =
  | { kind: "sent"; status: number }
  /** the push service forgot the browser (404/410): drop the subscription */
  | { kind: "gone"; status: number }
  | { kind: "retry"; status: number | null; error: string; retryAfterMs?: number }
  /** the far end refused the message itself: trying again would not help */
  | { kind: "reject"; status: number; error: string };

/**
 * Classifies an HTTP answer (or a network failure, `status` null) of a push service or a webhook.
 * 2xx is sent; 404/410 from a push service means the subscription expired; 408, 425, 429 and 5xx
 * are worth another try; any other 4xx is the message's fault.
 */
export function outcomeOf(
  channel: Channel,
  status: number | null,
  error = "",
  retryAfterSeconds: number | null = null,
): Outcome {
  if (status === null) return { kind: "retry", status: null, error: error || "network error" };
  if (status >= 200 && status < 300) return { kind: "sent", status };
  if (channel === "push" && (status === 404 || status === 410)) return { kind: "gone", status };
  const message = error || `HTTP ${status}`;
  if (status === 408 || status === 425 || status === 429 || status >= 500)
    return {
      kind: "retry",
      status,
      error: message,
      ...(retryAfterSeconds !== null ? { retryAfterMs: retryAfterSeconds * 1000 } : {}),
    };
  return { kind: "reject", status, error: message };
}

/** The row's next state after `outcome`, on its `attempts`-th try (counted when the try began). */
export function nextState(
  outcome: Outcome,
  attempts: number,
  now: number,
  random: number,
): { state: "sent" | "pending" | "failed"; nextAttemptAt: number } {
  if (outcome.kind === "sent") return { state: "sent", nextAttemptAt: now };
  if (outcome.kind === "retry" && attempts < MAX_ATTEMPTS) {
    const wait = Math.max(retryDelay(attempts, random), outcome.retryAfterMs ?? 0);
    return { state: "pending", nextAttemptAt: now + Math.min(wait, RETRY_MAX_MS) };
  }
  return { state: "failed", nextAttemptAt: now };
}

/**
 * A webhook URL an admin may register: HTTPS, or plain HTTP to this machine only (development and
 * tests); no credentials in it. Returns the problem's code, or null when the URL is fine.
 */
export function webhookUrlProblem(text: string): "webhook.url_invalid" | "webhook.url_not_https" | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "webhook.url_invalid";
  }
  if (url.username || url.password) return "webhook.url_invalid";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && isLoopback(url.hostname)) return null;
  return url.protocol === "http:" ? "webhook.url_not_https" : "webhook.url_invalid";
}

const isLoopback = (host: string) => host === "localhost" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);

/**
 * The push services of the browsers people use (Chrome, Edge, Firefox, Safari, Samsung Internet, Opera):
 * a subscription elsewhere would make the Worker POST wherever a signed-in person pointed it.
 */
export const PUSH_SERVICE_HOSTS = [
  "fcm.googleapis.com",
  "android.googleapis.com",
  ".push.services.mozilla.com",
  ".notify.windows.com",
  ".push.apple.com",
] as const;

/** At most this many browsers per person receive push; subscribing another drops the oldest. */
export const MAX_PUSH_SUBSCRIPTIONS = 10;

/**
 * A push endpoint the Worker may POST to: HTTPS at a known push service, or (development and tests)
 * a push service on this machine.
 */
export function pushEndpointAllowed(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (isLoopback(url.hostname)) return url.protocol === "http:" || url.protocol === "https:";
  return (
    url.protocol === "https:" &&
    PUSH_SERVICE_HOSTS.some((host) => (host.startsWith(".") ? url.hostname.endsWith(host) : url.hostname === host))
  );
}

/** What the phone shows: a title and a line in Bahasa Indonesia, and the page a tap opens. */
export type PushContent = { title: string; body: string; url: string; tag: string };

const TITLES: Record<NotificationKind, string> = {
  vote_on_my_idea: "Ide Anda mendapat dukungan",
  comment_on_my_idea: "Komentar baru pada ide Anda",
  reply_to_me: "Balasan untuk komentar Anda",
  mention: "Anda disebut dalam komentar",
  decision_on_my_idea: "Keputusan atas ide Anda",
  followed_idea_status: "Ide yang Anda ikuti berubah status",
  review_assigned: "Tugas penilaian baru",
  review_due: "Penilaian segera jatuh tempo",
  points_earned: "Anda mendapat poin",
  badge_earned: "Lencana baru",
  award_received: "Anda menerima penghargaan",
  award_revoked: "Penghargaan Anda dicabut",
  campaign_phase: "Kompetisi memasuki tahap baru",
  report_received: "Laporan konten baru",
  moderation: "Keputusan moderasi",
  committee_removed: "Anda tidak lagi di tim penilai",
};

/**
 * The push message of a notification: short (a lock screen shows a line), no more than the in-app
 * notification says, and the app's page for it.
 */
export function pushContent(notificationId: number, kind: string, payload: Record<string, unknown>): PushContent {
  const title = (TITLES as Record<string, string>)[kind] ?? "Gagas";
  const str = (key: string) => (typeof payload[key] === "string" ? (payload[key] as string) : "");
  const num = (key: string) => (typeof payload[key] === "number" ? (payload[key] as number) : null);
  const body =
    str("title") || (num("points") !== null ? `+${num("points")} poin` : "") || "Buka Gagas untuk melihatnya";
  return { title, body: body.slice(0, 180), url: pageOf(kind, payload), tag: `n${notificationId}` };
}

/** The SPA page a notification opens (the same targets as the in-app list). */
function pageOf(kind: string, payload: Record<string, unknown>): string {
  const id = (key: string) => (typeof payload[key] === "number" ? (payload[key] as number) : null);
  if ((kind === "review_assigned" || kind === "review_due") && id("assignmentId") !== null)
    return `/penilaian/${id("assignmentId")}`;
  if (id("ideaId") !== null) return `/ide/${id("ideaId")}`;
  if (kind === "award_received" && id("awardId") !== null) return `/penghargaan/${id("awardId")}`;
  if (kind === "campaign_phase" && id("campaignId") !== null) return `/kampanye/${id("campaignId")}`;
  if (kind === "points_earned" || kind === "badge_earned") return "/poin";
  return "/notifikasi";
}
