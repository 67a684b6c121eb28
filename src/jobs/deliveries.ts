/**
 * Sends what the queue holds for push and webhooks: claims the due rows, sends each through
 * {@link sendPush} or {@link deliverWebhook}, and records every outcome in one batch — sent, retried
 * later with exponential backoff, given up after MAX_ATTEMPTS, or (a browser the push service
 * forgot) the subscription removed. A try is counted when it is claimed, so a run that dies still
 * counts it, and the lease brings the row back after LEASE_MS.
 */
import { runBatch, type Database, type Statement } from "../db/client";
import {
  claimDueDeliveries,
  forgetPushSubscriptionStatements,
  listClaimedDeliveries,
  recordDeliveryResult,
} from "../db/queries/deliveries.queries";
import { nextState, pushContent, type Outcome } from "../domain/deliveries";
import { sendPush, type PushConfig } from "../lib/web-push";
import { deliverWebhook } from "../lib/webhook-delivery";

export type DrainReport = { claimed: number; sent: number; retried: number; failed: number; gone: number };

type Claimed = Awaited<ReturnType<typeof listClaimedDeliveries>>[number];

const parse = (payload: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(payload);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** One delivery's try. */
async function attempt(env: PushConfig, d: Claimed, now: number): Promise<Outcome> {
  const data = parse(d.payload);
  const content = pushContent(d.notificationId, d.kind, data);
  if (d.channel === "push") {
    if (d.endpoint === null || d.p256dh === null || d.auth === null) return { kind: "gone", status: 410 };
    return sendPush(env, { endpoint: d.endpoint, p256dh: d.p256dh, auth: d.auth }, content, { now });
  }
  if (d.webhookUrl === null || d.webhookSecret === null || d.webhookDeletedAt !== null)
    return { kind: "reject", status: 410, error: "webhook deleted" };
  return deliverWebhook(
    env,
    { url: d.webhookUrl, secret: d.webhookSecret },
    {
      id: d.dedupeKey,
      kind: d.kind,
      createdAt: new Date(d.createdAt).toISOString(),
      agency: { id: d.agencyId, slug: d.agencySlug },
      recipient: { id: d.userId, name: d.userName, email: d.userEmail },
      data,
      url: content.url,
    },
    { now },
  );
}

/**
 * Drains up to one batch of due deliveries.
 * @param random jitter source (tests pass a fixed one)
 */
export async function drainDeliveries(
  env: PushConfig,
  db: Database,
  now: number,
  random: () => number = Math.random,
): Promise<DrainReport> {
  const claimed = await claimDueDeliveries(db, now);
  const report: DrainReport = { claimed: claimed.length, sent: 0, retried: 0, failed: 0, gone: 0 };
  if (claimed.length === 0) return report;
  const rows = await listClaimedDeliveries(
    db,
    claimed.map((c) => c.id),
  );
  const outcomes = await Promise.all(rows.map((d) => attempt(env, d, now)));
  const statements: Statement[] = [];
  const forgotten = new Set<number>();
  rows.forEach((d, i) => {
    const outcome = outcomes[i]!;
    if (outcome.kind === "gone" && d.subscriptionId !== null) {
      report.gone++;
      if (!forgotten.has(d.subscriptionId)) statements.push(...forgetPushSubscriptionStatements(db, d.subscriptionId));
      forgotten.add(d.subscriptionId);
      return;
    }
    const next = nextState(outcome, d.attempts, now, random());
    if (next.state === "sent") report.sent++;
    else if (next.state === "pending") report.retried++;
    else report.failed++;
    statements.push(
      recordDeliveryResult(
        db,
        {
          id: d.id,
          ...next,
          status: outcome.status,
          error: outcome.kind === "retry" || outcome.kind === "reject" ? outcome.error.slice(0, 500) : null,
        },
        now,
      ),
    );
  });
  // a forgotten subscription's rows are deleted: recording them after would be a no-op, before would be undone
  await runBatch(db, statements);
  return report;
}
