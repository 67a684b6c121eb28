/**
 * The outbox: e-mails written in the same batch as their cause, taken and sent by the scheduler.
 * Notification e-mails follow the notifications table by watermark in every batch that writes
 * notifications, so a notification and its e-mail commit together; direct messages (activation,
 * password reset) are inserted by the request's own batch.
 */
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { DEFAULT_CHANNEL } from "../../domain/notifications";
import { DIGEST_KINDS, EMAIL_KINDS, MAX_ATTEMPTS } from "../../domain/outbox";
import type { TimeZone } from "../../domain/time-zone";
import { as } from "../alias";
import type { Database, Statement } from "../client";
import { bare, columnList, literal, literals } from "../raw";
import { agencies, notificationChannels, notifications, outbox, users } from "../schema";
import { sourceWindow } from "./watermarks";

const n = alias(notifications, "n");
const nc = alias(notificationChannels, "nc");

/** A kind's default channel (the kind names are ours, never input). */
const defaultChannel = (kind: SQLiteColumn) =>
  sql`CASE ${kind} ${sql.join(
    Object.entries(DEFAULT_CHANNEL).map(([k, channel]) => sql`WHEN ${literal(k)} THEN ${literal(channel)}`),
    sql` `,
  )} ELSE 'app' END`;

/** The channel a person chose for a kind, or the kind's default. */
const channelOf = (user: SQLiteColumn, kind: SQLiteColumn) =>
  sql`coalesce((SELECT ${nc.channel} FROM ${notificationChannels} ${nc} WHERE ${nc.userId} = ${user} AND ${nc.kind} = ${kind}), ${defaultChannel(kind)})`;

/** Followed by a `SELECT` of these columns, in this order. */
const INSERT_MAIL = sql`INSERT INTO ${outbox} (${columnList(
  outbox.agencyId,
  outbox.userId,
  outbox.kind,
  outbox.payload,
  outbox.dedupeKey,
  outbox.nextAttemptAt,
  outbox.createdAt,
  outbox.unsubscribeToken,
)})`;
const IGNORE_DUPLICATE_MAIL = sql`ON CONFLICT(${bare(outbox.dedupeKey)}) DO NOTHING`;

/** Appended to every batch that writes notifications: their e-mails, in the same transaction. */
export function mailFromNotificationsStatements(db: Database, now: number): Statement[] {
  const w = sourceWindow("outbox_mail", { table: notifications, key: notifications.id, as: n });
  return [
    db.run(sql`${INSERT_MAIL}
      SELECT ${n.agencyId}, ${n.userId}, ${n.kind}, ${n.payload}, 'mail:' || ${n.dedupeKey}, ${now}, ${now}, lower(hex(randomblob(16)))
      FROM ${notifications} ${n}
      WHERE ${w.where} AND ${n.kind} IN (${literals(EMAIL_KINDS)}) AND ${channelOf(n.userId, n.kind)} = 'email'
      ${IGNORE_DUPLICATE_MAIL}`),
    db.run(w.advance),
  ];
}

/**
 * The morning digest of one agency: per person, the votes and comments on their ideas in
 * [from, to) for the kinds they get by digest, one message a day (`digest:<user>:<day>`).
 */
export function digestStatement(
  db: Database,
  input: { agencyId: number; from: number; to: number; day: string; now: number },
): Statement {
  const { agencyId, from, to, day, now } = input;
  // the inner rows keep the notification's column names for agency, person and kind
  const [agency, user, kind] = [bare(n.agencyId), bare(n.userId), bare(n.kind)];
  return db.run(sql`${INSERT_MAIL}
    SELECT ${agency}, ${user}, 'digest', json_object('items', json_group_array(json_object('kind', ${kind}, 'title', title, 'ideaId', idea_id, 'count', cnt))),
      'digest:' || ${user} || ':' || ${day}, ${now}, ${now}, lower(hex(randomblob(16)))
    FROM (
      SELECT ${n.agencyId}, ${n.userId}, ${n.kind}, json_extract(${n.payload}, '$.title') AS title,
        json_extract(${n.payload}, '$.ideaId') AS idea_id, count(*) AS cnt
      FROM ${notifications} ${n}
      WHERE ${n.agencyId} = ${agencyId} AND ${n.createdAt} >= ${from} AND ${n.createdAt} < ${to}
        AND ${n.kind} IN (${literals(DIGEST_KINDS)}) AND ${channelOf(n.userId, n.kind)} = 'digest'
      GROUP BY ${n.userId}, ${n.kind}, idea_id
    ) WHERE true
    GROUP BY ${user}
    ${IGNORE_DUPLICATE_MAIL}`);
}

/** A message caused by a request (activation, password reset): put it in the request's batch. */
export function enqueueMail(
  db: Database,
  row: { agencyId: number; userId: number; kind: string; payload: object; dedupeKey: string; now: number },
) {
  return db
    .insert(outbox)
    .values({
      agencyId: row.agencyId,
      userId: row.userId,
      kind: row.kind,
      payload: JSON.stringify(row.payload),
      dedupeKey: row.dedupeKey,
      nextAttemptAt: row.now,
      createdAt: row.now,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey });
}

export type DueMail = {
  id: number;
  kind: string;
  payload: string;
  dedupeKey: string;
  attempts: number;
  unsubscribeToken: string | null;
  email: string;
  name: string;
  userActive: boolean;
  agencyName: string;
  timeZone: TimeZone;
};

/**
 * Takes up to `limit` due messages for this run: reads them, then leases them with a conditional
 * update, and keeps only those the lease caught (another run may have taken some meanwhile).
 */
export async function takeDueMail(db: Database, now: number, leaseUntil: number, limit: number): Promise<DueMail[]> {
  const due = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.state, "pending"), lte(outbox.nextAttemptAt, now), lte(outbox.leaseUntil, now)))
    .orderBy(outbox.nextAttemptAt, outbox.id)
    .limit(limit);
  if (due.length === 0) return [];
  const taken = await db
    .update(outbox)
    .set({ leaseUntil })
    .where(
      and(
        inArray(
          outbox.id,
          due.map((d) => d.id),
        ),
        eq(outbox.state, "pending"),
        lte(outbox.leaseUntil, now),
      ),
    )
    .returning({ id: outbox.id });
  if (taken.length === 0) return [];
  return db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      payload: outbox.payload,
      dedupeKey: outbox.dedupeKey,
      attempts: outbox.attempts,
      unsubscribeToken: outbox.unsubscribeToken,
      email: users.email,
      name: users.name,
      userActive: users.active,
      agencyName: as(agencies.name, "agency_name"),
      timeZone: agencies.timeZone,
    })
    .from(outbox)
    .innerJoin(users, eq(users.id, outbox.userId))
    .innerJoin(agencies, eq(agencies.id, outbox.agencyId))
    .where(
      inArray(
        outbox.id,
        taken.map((t) => t.id),
      ),
    )
    .orderBy(outbox.id);
}

/** Accepted by the server: never sent again; a secret payload (a sign-in link) is emptied. */
export function markMailSent(db: Database, id: number, now: number, secret: boolean) {
  return db
    .update(outbox)
    .set({
      state: "sent",
      sentAt: now,
      attempts: sql`${outbox.attempts} + 1`,
      leaseUntil: 0,
      lastError: null,
      ...(secret ? { payload: "{}" } : {}),
    })
    .where(eq(outbox.id, id));
}

/** A failed attempt: tried again at `retryAt`, or given up after MAX_ATTEMPTS or a permanent refusal. */
export function markMailFailed(
  db: Database,
  mail: { id: number; attempts: number },
  input: { error: string; retryAt: number; permanent: boolean },
) {
  const giveUp = input.permanent || mail.attempts + 1 >= MAX_ATTEMPTS;
  return db
    .update(outbox)
    .set({
      state: giveUp ? "failed" : "pending",
      attempts: sql`${outbox.attempts} + 1`,
      nextAttemptAt: input.retryAt,
      leaseUntil: 0,
      lastError: input.error.slice(0, 500),
    })
    .where(eq(outbox.id, mail.id));
}

/** The message an unsubscribe link names: whose, and of which kind. */
export async function getMailByUnsubscribeToken(db: Database, token: string) {
  const [row] = await db
    .select({ userId: outbox.userId, kind: outbox.kind })
    .from(outbox)
    .where(eq(outbox.unsubscribeToken, token))
    .limit(1);
  return row;
}

/** Sets how a person gets some kinds (upsert). */
export function setChannels(
  db: Database,
  userId: number,
  choices: { kind: string; channel: "email" | "digest" | "app" }[],
) {
  return db
    .insert(notificationChannels)
    .values(choices.map((c) => ({ userId, ...c })))
    .onConflictDoUpdate({
      target: [notificationChannels.userId, notificationChannels.kind],
      set: { channel: sql`excluded.${bare(notificationChannels.channel)}` },
    });
}

export async function listChannels(db: Database, userId: number) {
  return db
    .select({ kind: notificationChannels.kind, channel: notificationChannels.channel })
    .from(notificationChannels)
    .where(eq(notificationChannels.userId, userId));
}
