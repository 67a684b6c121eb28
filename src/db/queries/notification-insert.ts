/**
 * The parts of an `INSERT INTO notifications … SELECT … ON CONFLICT DO NOTHING`, the statement every
 * cause of a notification writes in the batch of the cause (drizzle's `insert().select()` would need
 * every column of the table, the id and the read time included).
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { NotificationKind } from "../../domain/notifications";
import { columnList, bare, literal } from "../raw";
import { notificationMutes, notifications } from "../schema";

/** Followed by a `SELECT` of agency id, user id, kind, payload, dedupe key and time, in that order. */
export const INSERT_NOTIFICATION = sql`INSERT INTO ${notifications} (${columnList(
  notifications.agencyId,
  notifications.userId,
  notifications.kind,
  notifications.payload,
  notifications.dedupeKey,
  notifications.createdAt,
)})`;

/** A retried cause notifies nobody twice: the dedupe key is unique. */
export const IGNORE_DUPLICATE_NOTIFICATIONS = sql`ON CONFLICT(${bare(notifications.dedupeKey)}) DO NOTHING`;

/** The recipient has not turned this kind off. */
export const notMuted = (recipient: SQLWrapper, kind: NotificationKind): SQL =>
  sql`NOT EXISTS (SELECT 1 FROM ${notificationMutes} WHERE ${notificationMutes.userId} = ${recipient} AND ${notificationMutes.kind} = ${literal(kind)})`;
