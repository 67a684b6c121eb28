/**
 * Turning recorded causes into notifications. Each source table is read from its watermark
 * (`job_watermarks`) up to at most DERIVE_BATCH new rows; the inserts and the watermark's move are
 * one batch, and every notification has a unique dedupe key — so a run that fails changes nothing,
 * two runs never notify twice, and no cause is skipped.
 */
import { sql } from "drizzle-orm";
import { DECISION_ACTIONS, POINTS_NOTIFY_MIN, type NotificationKind } from "../../domain/notifications";
import type { Database, Statement } from "../client";
import { watermarkWindow } from "./watermarks";

type Source =
  "votes" | "comments" | "idea_events" | "review_assignments" | "point_ledger" | "user_badges" | "award_recipients";

/** The window of a notification job: its watermark is named like its source table. */
const window = (source: Source, alias: string, idColumn = "id") => watermarkWindow(source, source, alias, idColumn);

const notMuted = (recipient: string, kind: NotificationKind) =>
  sql.raw(`NOT EXISTS (SELECT 1 FROM notification_mutes nm WHERE nm.user_id = ${recipient} AND nm.kind = '${kind}')`);

const INSERT = sql.raw("INSERT INTO notifications (agency_id, user_id, kind, payload, dedupe_key, created_at)");
const IGNORE_DUPLICATES = sql.raw("ON CONFLICT(dedupe_key) DO NOTHING");
const ACCEPTED_AUTHOR = "a.accepted_at IS NOT NULL";

function fromVotes(db: Database): Statement[] {
  const w = window("votes", "v");
  // support is private: the authors learn that a colleague supports the idea, not who
  return [
    db.run(sql`${INSERT}
      SELECT v.agency_id, a.user_id, 'vote_on_my_idea', json_object('ideaId', i.id, 'title', i.title), 'vote:' || v.id || ':' || a.user_id, v.created_at
      FROM votes v JOIN ideas i ON i.id = v.idea_id
      JOIN idea_authors a ON a.idea_id = v.idea_id AND ${sql.raw(ACCEPTED_AUTHOR)} AND a.user_id <> v.user_id
      WHERE ${w.where} AND ${notMuted("a.user_id", "vote_on_my_idea")}
      ${IGNORE_DUPLICATES}`),
    db.run(w.advance),
  ];
}

function fromComments(db: Database): Statement[] {
  const w = window("comments", "c");
  const payload = sql.raw("json_object('ideaId', i.id, 'title', i.title, 'commentId', c.id, 'actorName', u.name)");
  const visible = sql.raw("c.deleted_at IS NULL AND c.hidden_at IS NULL");
  return [
    db.run(sql`${INSERT}
      SELECT c.agency_id, p.author_id, 'reply_to_me', ${payload}, 'reply:' || c.id || ':' || p.author_id, c.created_at
      FROM comments c JOIN comments p ON p.id = c.parent_id JOIN ideas i ON i.id = c.idea_id JOIN users u ON u.id = c.author_id
      WHERE ${w.where} AND ${visible} AND p.author_id <> c.author_id AND ${notMuted("p.author_id", "reply_to_me")}
      ${IGNORE_DUPLICATES}`),
    db.run(sql`${INSERT}
      SELECT c.agency_id, m.user_id, 'mention', ${payload}, 'mention:' || c.id || ':' || m.user_id, c.created_at
      FROM comments c JOIN comment_mentions m ON m.comment_id = c.id JOIN ideas i ON i.id = c.idea_id JOIN users u ON u.id = c.author_id
      WHERE ${w.where} AND ${visible} AND m.user_id <> c.author_id AND ${notMuted("m.user_id", "mention")}
      ${IGNORE_DUPLICATES}`),
    // the authors hear of every comment, unless it is a reply to their own comment (they heard that above)
    db.run(sql`${INSERT}
      SELECT c.agency_id, a.user_id, 'comment_on_my_idea', ${payload}, 'comment:' || c.id || ':' || a.user_id, c.created_at
      FROM comments c JOIN ideas i ON i.id = c.idea_id JOIN users u ON u.id = c.author_id
      JOIN idea_authors a ON a.idea_id = c.idea_id AND ${sql.raw(ACCEPTED_AUTHOR)} AND a.user_id <> c.author_id
      WHERE ${w.where} AND ${visible}
        AND NOT EXISTS (SELECT 1 FROM comments p WHERE p.id = c.parent_id AND p.author_id = a.user_id)
        AND ${notMuted("a.user_id", "comment_on_my_idea")}
      ${IGNORE_DUPLICATES}`),
    db.run(w.advance),
  ];
}

function fromIdeaEvents(db: Database): Statement[] {
  const w = window("idea_events", "e");
  const payload = sql.raw(
    "json_object('ideaId', i.id, 'title', i.title, 'action', e.action, 'toStatus', e.to_status, 'reason', e.reason)",
  );
  const decisions = sql.raw(DECISION_ACTIONS.map((a) => `'${a}'`).join(", "));
  return [
    db.run(sql`${INSERT}
      SELECT e.agency_id, a.user_id, 'decision_on_my_idea', ${payload}, 'event:' || e.id || ':' || a.user_id, e.at
      FROM idea_events e JOIN ideas i ON i.id = e.idea_id
      JOIN idea_authors a ON a.idea_id = e.idea_id AND ${sql.raw(ACCEPTED_AUTHOR)} AND a.user_id IS NOT e.actor_id
      WHERE ${w.where} AND e.action IN (${decisions}) AND ${notMuted("a.user_id", "decision_on_my_idea")}
      ${IGNORE_DUPLICATES}`),
    db.run(sql`${INSERT}
      SELECT e.agency_id, f.user_id, 'followed_idea_status', ${payload}, 'event:' || e.id || ':' || f.user_id, e.at
      FROM idea_events e JOIN ideas i ON i.id = e.idea_id JOIN follows f ON f.idea_id = e.idea_id AND f.user_id IS NOT e.actor_id
      WHERE ${w.where} AND e.from_status IS NOT NULL AND e.from_status <> e.to_status
        AND NOT EXISTS (SELECT 1 FROM idea_authors a WHERE a.idea_id = e.idea_id AND a.user_id = f.user_id AND ${sql.raw(ACCEPTED_AUTHOR)})
        AND ${notMuted("f.user_id", "followed_idea_status")}
      ${IGNORE_DUPLICATES}`),
    db.run(w.advance),
  ];
}

function fromReviewAssignments(db: Database): Statement[] {
  const w = window("review_assignments", "r");
  return [
    db.run(sql`${INSERT}
      SELECT r.agency_id, r.reviewer_id, 'review_assigned',
        json_object('ideaId', i.id, 'title', i.title, 'assignmentId', r.id, 'campaignId', r.campaign_id, 'dueAt', r.due_at),
        'assigned:' || r.id, r.created_at
      FROM review_assignments r JOIN ideas i ON i.id = r.idea_id
      WHERE ${w.where} AND ${notMuted("r.reviewer_id", "review_assigned")}
      ${IGNORE_DUPLICATES}`),
    db.run(w.advance),
  ];
}

function fromRewards(db: Database): Statement[] {
  const ledger = window("point_ledger", "l");
  const badges = window("user_badges", "b", "rowid");
  const awards = window("award_recipients", "ar");
  return [
    db.run(sql`${INSERT}
      SELECT l.agency_id, l.user_id, 'points_earned',
        json_object('points', l.points, 'ruleKey', l.rule_key, 'subjectType', l.subject_type, 'subjectId', l.subject_id),
        'points:' || l.id, l.at
      FROM point_ledger l
      WHERE ${ledger.where} AND l.points >= ${POINTS_NOTIFY_MIN} AND ${notMuted("l.user_id", "points_earned")}
      ${IGNORE_DUPLICATES}`),
    db.run(ledger.advance),
    db.run(sql`${INSERT}
      SELECT b.agency_id, b.user_id, 'badge_earned', json_object('badgeKey', b.badge_key), 'badge:' || b.user_id || ':' || b.badge_key, b.at
      FROM user_badges b
      WHERE ${badges.where} AND ${notMuted("b.user_id", "badge_earned")}
      ${IGNORE_DUPLICATES}`),
    db.run(badges.advance),
    db.run(sql`${INSERT}
      SELECT aw.agency_id, ar.user_id, 'award_received',
        json_object('awardId', aw.id, 'title', aw.title, 'certificateCode', ar.certificate_code), 'award:' || ar.id, aw.announced_at
      FROM award_recipients ar JOIN awards aw ON aw.id = ar.award_id
      WHERE ${awards.where} AND ar.user_id IS NOT NULL AND aw.revoked_at IS NULL AND ${notMuted("ar.user_id", "award_received")}
      ${IGNORE_DUPLICATES}`),
    db.run(awards.advance),
  ];
}

/** One batch per source: a failing source does not hold back the others. */
export function deriveNotificationBatches(db: Database): Statement[][] {
  return [fromVotes(db), fromComments(db), fromIdeaEvents(db), fromReviewAssignments(db), fromRewards(db)];
}

/**
 * Reminds reviewers once of assignments due within `reminderMs` and not yet reviewed.
 * @param now the scheduler's clock
 */
export function reviewReminderStatements(db: Database, now: number, reminderMs: number): Statement[] {
  const due = sql`r.reminded_at IS NULL AND r.due_at > ${now} AND r.due_at <= ${now + reminderMs}
    AND NOT EXISTS (SELECT 1 FROM reviews rv WHERE rv.assignment_id = r.id AND rv.state = 'submitted')`;
  return [
    db.run(sql`${INSERT}
      SELECT r.agency_id, r.reviewer_id, 'review_due',
        json_object('ideaId', i.id, 'title', i.title, 'assignmentId', r.id, 'dueAt', r.due_at), 'due:' || r.id || ':' || r.due_at, ${now}
      FROM review_assignments r JOIN ideas i ON i.id = r.idea_id
      WHERE ${due} AND ${notMuted("r.reviewer_id", "review_due")}
      ${IGNORE_DUPLICATES}`),
    db.run(sql`UPDATE review_assignments AS r SET reminded_at = ${now} WHERE ${due}`),
  ];
}
