/**
 * The Cron Trigger's work, every minute: record campaigns entering a phase (and tell their chairs),
 * remind reviewers of assignments due soon, turn newly recorded causes into notifications, and keep
 * the dashboards' counters and the point totals of people and units current, and normalise the search text of ideas that lack it; then send the
 * e-mail that is due, and what is due to phones (Web Push) and webhooks.
 * Every step is idempotent, so two runs in the same minute change nothing twice.
 */
import { createDb, runBatch, type Statement } from "../db/client";
import { enqueueDeliveryStatements } from "../db/queries/deliveries.queries";
import { deriveNotificationBatches, reviewReminderStatements } from "../db/queries/notification-derive.queries";
import { listSchedules, recordPhaseStatements } from "../db/queries/notifications.queries";
import { listIdeasPendingSearchText, setSearchTextStatement } from "../db/queries/search-synonyms.queries";
import { deriveStatsBatches } from "../db/queries/stats-derive.queries";
import { foldTotalsStatements } from "../db/queries/reward-fold.queries";
import { currentPhase } from "../domain/campaign-phase";
import { REVIEW_REMINDER_MS } from "../domain/notifications";
import { searchTextOf } from "../domain/search-normalise";
import { createD1Stats, instrumentD1, logTrace, serverTiming } from "../lib/d1-stats";
import { mailFromNotificationsStatements } from "../db/queries/outbox.queries";
import { mailConfigOf } from "../outbound/mail-config";
import { digestBatches } from "./digest";
import { sendDueMail, type SendReport } from "./send-mail";
import type { PushConfig } from "../lib/web-push";
import { drainDeliveries, type DrainReport } from "./deliveries";

/** Ideas normalised for search per run: a migrated or restored agency of 100,000 ideas takes a few hours, searchable by its raw text meanwhile. */
const SEARCH_TEXT_PER_RUN = 200;

export type SchedulerReport = {
  phasesRecorded: number;
  batches: number;
  failed: number;
  mail: SendReport;
  deliveries: DrainReport | null;
  cost: string;
};

export async function runScheduledJobs(env: Env, now: number): Promise<SchedulerReport> {
  const stats = createD1Stats();
  // D1_TRACE=1: the bench's capture server logs each statement (see lib/d1-stats)
  const trace = (env as { D1_TRACE?: string }).D1_TRACE === "1" ? { trace: logTrace("scheduler") } : {};
  const db = createDb(instrumentD1(env.DB, stats, trace));
  const { campaigns, recorded } = await listSchedules(db, now);
  const unindexed = await listIdeasPendingSearchText(db, SEARCH_TEXT_PER_RUN);
  const entering = campaigns
    .map((c) => ({ c, phase: currentPhase(c, now) }))
    .filter(({ c, phase }) => phase !== "upcoming" && !recorded.has(`${c.id}:${phase}`));
  // every batch that writes notifications also writes their e-mails and queues their push and webhook
  // deliveries (same transaction)
  const notifying = (statements: Statement[]) => [
    ...statements,
    ...mailFromNotificationsStatements(db, now),
    ...enqueueDeliveryStatements(db),
  ];
  const batches = [
    ...entering.map(({ c, phase }) => notifying(recordPhaseStatements(db, c, phase, now))),
    notifying(reviewReminderStatements(db, now, REVIEW_REMINDER_MS)),
    ...deriveNotificationBatches(db).map(notifying),
    ...deriveStatsBatches(db, now),
    foldTotalsStatements(db),
    ...(unindexed.length > 0 ? [unindexed.map((i) => setSearchTextStatement(db, i, searchTextOf(i)))] : []),
    ...(await digestBatches(db, now)),
  ];
  // one batch per concern: a failing source is logged and retried next minute, the others go on
  const results = await Promise.allSettled(batches.map((statements) => runBatch(db, statements)));
  const failed = results.filter((r) => r.status === "rejected");
  for (const f of failed)
    console.error(
      JSON.stringify({ msg: "scheduler batch failed", error: String((f as PromiseRejectedResult).reason) }),
    );
  // e-mail and the push/webhook queue leave side by side: a slow mail server never holds up the others
  const config = mailConfigOf(env);
  const [mail, deliveries] = await Promise.all([
    config
      ? sendDueMail(db, config, now).catch((error: unknown) => {
          console.error(JSON.stringify({ msg: "sending mail failed", error: String(error) }));
          return { sent: 0, failed: 0 };
        })
      : { sent: 0, failed: 0 },
    // the VAPID settings are optional vars and a secret, not part of the generated Env
    drainDeliveries(env as Env & PushConfig, db, now).catch((error: unknown) => {
      console.error(JSON.stringify({ msg: "delivery drain failed", error: String(error) }));
      return null;
    }),
  ]);
  return {
    phasesRecorded: entering.length,
    batches: batches.length,
    failed: failed.length + (deliveries ? 0 : 1),
    mail,
    deliveries,
    cost: serverTiming(stats),
  };
}
