/**
 * Turning recorded causes into notifications. Each source table is read from its watermark
 * (`job_watermarks`) up to at most DERIVE_BATCH new rows; the inserts and the watermark's move are
 * one batch, and every notification has a unique dedupe key — so a run that fails changes nothing,
 * two runs never notify twice, and no cause is skipped.
 */
import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { DECISION_ACTIONS, POINTS_NOTIFY_MIN } from "../../domain/notifications";
import type { Database, Statement } from "../client";
import { bare, literals } from "../raw";
import {
  awardRecipients,
  awards,
  commentMentions,
  comments,
  follows,
  ideaAuthors,
  ideaEvents,
  ideas,
  pointLedger,
  reviewAssignments,
  reviews,
  userBadges,
  users,
  votes,
} from "../schema";
import {
  IGNORE_DUPLICATE_NOTIFICATIONS as IGNORE_DUPLICATES,
  INSERT_NOTIFICATION as INSERT,
  notMuted,
} from "./notification-insert";
import { sourceWindow } from "./watermarks";

// the aliases the statements read their tables under (a comment and its parent are both `comments`)
const v = alias(votes, "v");
const i = alias(ideas, "i");
const a = alias(ideaAuthors, "a");
const c = alias(comments, "c");
const p = alias(comments, "p");
const u = alias(users, "u");
const m = alias(commentMentions, "m");
const e = alias(ideaEvents, "e");
const f = alias(follows, "f");
const r = alias(reviewAssignments, "r");
const l = alias(pointLedger, "l");
const b = alias(userBadges, "b");
const ar = alias(awardRecipients, "ar");
const aw = alias(awards, "aw");
const rv = alias(reviews, "rv");

const ACCEPTED_AUTHOR = sql`${a.acceptedAt} IS NOT NULL`;

function fromVotes(db: Database): Statement[] {
  const w = sourceWindow("votes", { table: votes, key: votes.id, as: v });
  // support is private: the authors learn that a colleague supports the idea, not who
  return [
    db.run(sql`${INSERT}
      SELECT ${v.agencyId}, ${a.userId}, 'vote_on_my_idea', json_object('ideaId', ${i.id}, 'title', ${i.title}), 'vote:' || ${v.id} || ':' || ${a.userId}, ${v.createdAt}
      FROM ${votes} ${v} JOIN ${ideas} ${i} ON ${i.id} = ${v.ideaId}
      JOIN ${ideaAuthors} ${a} ON ${a.ideaId} = ${v.ideaId} AND ${ACCEPTED_AUTHOR} AND ${a.userId} <> ${v.userId}
      WHERE ${w.where} AND ${notMuted(a.userId, "vote_on_my_idea")}
      ${IGNORE_DUPLICATES}`),
    db.run(w.advance),
  ];
}

function fromComments(db: Database): Statement[] {
  const w = sourceWindow("comments", { table: comments, key: comments.id, as: c });
  const payload = sql`json_object('ideaId', ${i.id}, 'title', ${i.title}, 'commentId', ${c.id}, 'actorName', ${u.name})`;
  const visible = sql`${c.deletedAt} IS NULL AND ${c.hiddenAt} IS NULL`;
  const withIdeaAndActor = sql`JOIN ${ideas} ${i} ON ${i.id} = ${c.ideaId} JOIN ${users} ${u} ON ${u.id} = ${c.authorId}`;
  return [
    db.run(sql`${INSERT}
      SELECT ${c.agencyId}, ${p.authorId}, 'reply_to_me', ${payload}, 'reply:' || ${c.id} || ':' || ${p.authorId}, ${c.createdAt}
      FROM ${comments} ${c} JOIN ${comments} ${p} ON ${p.id} = ${c.parentId} ${withIdeaAndActor}
      WHERE ${w.where} AND ${visible} AND ${p.authorId} <> ${c.authorId} AND ${notMuted(p.authorId, "reply_to_me")}
      ${IGNORE_DUPLICATES}`),
    db.run(sql`${INSERT}
      SELECT ${c.agencyId}, ${m.userId}, 'mention', ${payload}, 'mention:' || ${c.id} || ':' || ${m.userId}, ${c.createdAt}
      FROM ${comments} ${c} JOIN ${commentMentions} ${m} ON ${m.commentId} = ${c.id} ${withIdeaAndActor}
      WHERE ${w.where} AND ${visible} AND ${m.userId} <> ${c.authorId} AND ${notMuted(m.userId, "mention")}
      ${IGNORE_DUPLICATES}`),
    // the authors hear of every comment, unless it is a reply to their own comment (they heard that above)
    db.run(sql`${INSERT}
      SELECT ${c.agencyId}, ${a.userId}, 'comment_on_my_idea', ${payload}, 'comment:' || ${c.id} || ':' || ${a.userId}, ${c.createdAt}
      FROM ${comments} ${c} ${withIdeaAndActor}
      JOIN ${ideaAuthors} ${a} ON ${a.ideaId} = ${c.ideaId} AND ${ACCEPTED_AUTHOR} AND ${a.userId} <> ${c.authorId}
      WHERE ${w.where} AND ${visible}
        AND NOT EXISTS (SELECT 1 FROM ${comments} ${p} WHERE ${p.id} = ${c.parentId} AND ${p.authorId} = ${a.userId})
        AND ${notMuted(a.userId, "comment_on_my_idea")}
      ${IGNORE_DUPLICATES}`),
    db.run(w.advance),
  ];
}

function fromIdeaEvents(db: Database): Statement[] {
  const w = sourceWindow("idea_events", { table: ideaEvents, key: ideaEvents.id, as: e });
  const payload = sql`json_object('ideaId', ${i.id}, 'title', ${i.title}, 'action', ${e.action}, 'toStatus', ${e.toStatus}, 'reason', ${e.reason})`;
  return [
    db.run(sql`${INSERT}
      SELECT ${e.agencyId}, ${a.userId}, 'decision_on_my_idea', ${payload}, 'event:' || ${e.id} || ':' || ${a.userId}, ${e.at}
      FROM ${ideaEvents} ${e} JOIN ${ideas} ${i} ON ${i.id} = ${e.ideaId}
      JOIN ${ideaAuthors} ${a} ON ${a.ideaId} = ${e.ideaId} AND ${ACCEPTED_AUTHOR} AND ${a.userId} IS NOT ${e.actorId}
      WHERE ${w.where} AND ${e.action} IN (${literals(DECISION_ACTIONS)}) AND ${notMuted(a.userId, "decision_on_my_idea")}
      ${IGNORE_DUPLICATES}`),
    db.run(sql`${INSERT}
      SELECT ${e.agencyId}, ${f.userId}, 'followed_idea_status', ${payload}, 'event:' || ${e.id} || ':' || ${f.userId}, ${e.at}
      FROM ${ideaEvents} ${e} JOIN ${ideas} ${i} ON ${i.id} = ${e.ideaId} JOIN ${follows} ${f} ON ${f.ideaId} = ${e.ideaId} AND ${f.userId} IS NOT ${e.actorId}
      WHERE ${w.where} AND ${e.fromStatus} IS NOT NULL AND ${e.fromStatus} <> ${e.toStatus}
        AND NOT EXISTS (SELECT 1 FROM ${ideaAuthors} ${a} WHERE ${a.ideaId} = ${e.ideaId} AND ${a.userId} = ${f.userId} AND ${ACCEPTED_AUTHOR})
        AND ${notMuted(f.userId, "followed_idea_status")}
      ${IGNORE_DUPLICATES}`),
    db.run(w.advance),
  ];
}

function fromReviewAssignments(db: Database): Statement[] {
  const w = sourceWindow("review_assignments", { table: reviewAssignments, key: reviewAssignments.id, as: r });
  return [
    db.run(sql`${INSERT}
      SELECT ${r.agencyId}, ${r.reviewerId}, 'review_assigned',
        json_object('ideaId', ${i.id}, 'title', ${i.title}, 'assignmentId', ${r.id}, 'campaignId', ${r.campaignId}, 'dueAt', ${r.dueAt}),
        'assigned:' || ${r.id}, ${r.createdAt}
      FROM ${reviewAssignments} ${r} JOIN ${ideas} ${i} ON ${i.id} = ${r.ideaId}
      WHERE ${w.where} AND ${notMuted(r.reviewerId, "review_assigned")}
      ${IGNORE_DUPLICATES}`),
    db.run(w.advance),
  ];
}

function fromRewards(db: Database): Statement[] {
  const ledger = sourceWindow("point_ledger", { table: pointLedger, key: pointLedger.id, as: l });
  const badges = sourceWindow("user_badges", { table: userBadges, key: "rowid", as: b });
  const recipients = sourceWindow("award_recipients", { table: awardRecipients, key: awardRecipients.id, as: ar });
  return [
    db.run(sql`${INSERT}
      SELECT ${l.agencyId}, ${l.userId}, 'points_earned',
        json_object('points', ${l.points}, 'ruleKey', ${l.ruleKey}, 'subjectType', ${l.subjectType}, 'subjectId', ${l.subjectId}),
        'points:' || ${l.id}, ${l.at}
      FROM ${pointLedger} ${l}
      WHERE ${ledger.where} AND ${l.points} >= ${POINTS_NOTIFY_MIN} AND ${notMuted(l.userId, "points_earned")}
      ${IGNORE_DUPLICATES}`),
    db.run(ledger.advance),
    db.run(sql`${INSERT}
      SELECT ${b.agencyId}, ${b.userId}, 'badge_earned', json_object('badgeKey', ${b.badgeKey}), 'badge:' || ${b.userId} || ':' || ${b.badgeKey}, ${b.at}
      FROM ${userBadges} ${b}
      WHERE ${badges.where} AND ${notMuted(b.userId, "badge_earned")}
      ${IGNORE_DUPLICATES}`),
    db.run(badges.advance),
    db.run(sql`${INSERT}
      SELECT ${aw.agencyId}, ${ar.userId}, 'award_received',
        json_object('awardId', ${aw.id}, 'title', ${aw.title}, 'certificateCode', ${ar.certificateCode}), 'award:' || ${ar.id}, ${aw.announcedAt}
      FROM ${awardRecipients} ${ar} JOIN ${awards} ${aw} ON ${aw.id} = ${ar.awardId}
      WHERE ${recipients.where} AND ${ar.userId} IS NOT NULL AND ${aw.revokedAt} IS NULL AND ${notMuted(ar.userId, "award_received")}
      ${IGNORE_DUPLICATES}`),
    db.run(recipients.advance),
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
  const due: SQL = sql`${r.remindedAt} IS NULL AND ${r.dueAt} > ${now} AND ${r.dueAt} <= ${now + reminderMs}
    AND NOT EXISTS (SELECT 1 FROM ${reviews} ${rv} WHERE ${rv.assignmentId} = ${r.id} AND ${rv.state} = 'submitted')`;
  return [
    db.run(sql`${INSERT}
      SELECT ${r.agencyId}, ${r.reviewerId}, 'review_due',
        json_object('ideaId', ${i.id}, 'title', ${i.title}, 'assignmentId', ${r.id}, 'dueAt', ${r.dueAt}), 'due:' || ${r.id} || ':' || ${r.dueAt}, ${now}
      FROM ${reviewAssignments} ${r} JOIN ${ideas} ${i} ON ${i.id} = ${r.ideaId}
      WHERE ${due} AND ${notMuted(r.reviewerId, "review_due")}
      ${IGNORE_DUPLICATES}`),
    db.run(sql`UPDATE ${reviewAssignments} AS ${r} SET ${bare(reviewAssignments.remindedAt)} = ${now} WHERE ${due}`),
  ];
}
