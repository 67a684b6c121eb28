/**
 * Votes and discussions on the demo ideas. Keyed naturally (idea title, people's NIPs, a comment's
 * idea + author + words), so a rerun adds nothing; a missing idea or person selects no row instead
 * of failing. Votes keep the rules the API enforces (budget, not on one's own team) inside their
 * `INSERT … SELECT`; times fall inside the campaign's voting window and never in the future. The
 * last statements recompute `vote_count`, `comment_count` and `hot` from the rows, so the
 * invariants hold whatever ran before.
 */
import { sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  agencies,
  campaigns,
  commentMentions,
  commentReports,
  comments,
  follows,
  ideaAuthors,
  ideas,
  users,
  votes,
} from "../../src/db/schema.ts";
import { parseMentions } from "../../src/domain/mentions.ts";
import { AGENCIES } from "./organisation-data.ts";
import { agencyId, db, HOT, insertSelect, onConflictDoNothing, qb, sqlText, userId } from "./sql.ts";
import { DISCUSSIONS, type SeedComment } from "./votes-comments-data.ts";

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** The clock of the run, in SQL (epoch ms). */
const NOW = sql.raw("CAST(unixepoch('subsec') * 1000 AS INTEGER)");

const i = alias(ideas, "i");
const c = alias(campaigns, "c");
const u = alias(users, "u");
const a = alias(ideaAuthors, "a");
const v = alias(votes, "v");
const x = alias(comments, "x");

const ideaRef = (slug: string, title: string) =>
  qb
    .select({ id: ideas.id })
    .from(ideas)
    .where(sql`${ideas.agencyId} = ${agencyId(slug)} AND ${ideas.title} = ${title}`);

function votesSql(slug: string, title: string, voters: string[]): string[] {
  return voters.map((nip, k) =>
    sqlText(
      insertSelect(
        votes,
        {
          agencyId: i.agencyId,
          campaignId: i.campaignId,
          ideaId: i.id,
          userId: u.id,
          unitId: u.unitId,
          createdAt: sql`min(max(${i.submittedAt}, coalesce(${c.votingStart}, ${i.submittedAt})) + ${(k * 7 + 2) * HOUR}, coalesce(${c.votingEnd}, ${NOW}) - ${MINUTE}, ${NOW} - ${(voters.length - k) * 20 * MINUTE})`,
        },
        sql`FROM ${ideas} ${i} JOIN ${campaigns} ${c} ON ${c.id} = ${i.campaignId}, ${users} ${u}
     WHERE ${i.agencyId} = ${agencyId(slug)} AND ${i.title} = ${title} AND ${i.submittedAt} IS NOT NULL
       AND ${u.nip} = ${nip} AND ${u.agencyId} = ${i.agencyId}
       AND NOT EXISTS (SELECT 1 FROM ${ideaAuthors} ${a} WHERE ${a.ideaId} = ${i.id} AND ${a.userId} = ${u.id} AND ${a.acceptedAt} IS NOT NULL)
       AND (SELECT count(*) FROM ${votes} ${v} WHERE ${v.userId} = ${u.id} AND ${v.campaignId} = ${i.campaignId}) < ${c.voteBudget}
     ${onConflictDoNothing(votes.ideaId, votes.userId)}`,
      ),
    ),
  );
}

/** The NIPs a body mentions by handle, among the agency's people (exact, unique names only). */
function mentionedNips(slug: string, body: string): string[] {
  const people = AGENCIES.find((a) => a.slug === slug)!.users;
  return parseMentions(body).flatMap((t) => {
    if (t.kind === "nip") return [t.nip];
    const named = people.filter((p) => p.name === t.text);
    return named.length === 1 ? [named[0]!.nip] : [];
  });
}

type Flat = { comment: SeedComment; parent: SeedComment | null };

/** A thread in the order it was written: each top-level comment, then its replies. */
const flatten = (comments: SeedComment[]): Flat[] =>
  comments.flatMap((c) => [{ comment: c, parent: null }, ...(c.replies ?? []).map((r) => ({ comment: r, parent: c }))]);

function commentSql(slug: string, title: string, thread: SeedComment[]): string[] {
  const idea = ideaRef(slug, title);
  const find = (c: SeedComment) =>
    qb
      .select({ id: comments.id })
      .from(comments)
      .where(
        sql`${comments.ideaId} = ${idea} AND ${comments.authorId} = ${userId(c.author)} AND ${comments.body} = ${c.body}`,
      );
  const flat = flatten(thread);
  const out = flat.flatMap(({ comment: c, parent }, s) => {
    // in thread order, a few hours apart after submission, never later than a few minutes ago
    const at = sql`min(${i.submittedAt} + ${(s + 1) * 5 * HOUR}, ${NOW} - ${(flat.length - s) * 10 * MINUTE})`;
    const statements = [
      insertSelect(
        comments,
        {
          agencyId: i.agencyId,
          ideaId: i.id,
          authorId: u.id,
          parentId: parent ? find(parent) : null,
          body: c.body,
          createdAt: at,
        },
        sql`FROM ${ideas} ${i}, ${users} ${u}
       WHERE ${i.id} = ${idea} AND ${u.nip} = ${c.author} AND ${u.agencyId} = ${i.agencyId}
         AND NOT EXISTS (SELECT 1 FROM ${comments} ${x} WHERE ${x.ideaId} = ${i.id} AND ${x.authorId} = ${u.id} AND ${x.body} = ${c.body})`,
      ),
      // a person who comments follows the idea
      insertSelect(
        follows,
        { ideaId: comments.ideaId, userId: comments.authorId, createdAt: comments.createdAt },
        sql`FROM ${comments} WHERE ${comments.id} = ${find(c)}
       ${onConflictDoNothing(follows.ideaId, follows.userId)}`,
      ),
    ];
    for (const nip of mentionedNips(slug, c.body)) {
      statements.push(
        insertSelect(
          commentMentions,
          { commentId: find(c), userId: userId(nip) },
          sql`WHERE ${find(c)} IS NOT NULL
         ${onConflictDoNothing(commentMentions.commentId, commentMentions.userId)}`,
        ),
      );
    }
    for (const r of c.reports ?? []) {
      statements.push(
        insertSelect(
          commentReports,
          {
            commentId: comments.id,
            userId: userId(r.by),
            reason: r.reason,
            createdAt: sql`min(${comments.createdAt} + ${HOUR}, ${NOW})`,
          },
          sql`FROM ${comments} WHERE ${comments.id} = ${find(c)}
         ${onConflictDoNothing(commentReports.commentId, commentReports.userId)}`,
        ),
      );
    }
    if (c.hidden) {
      statements.push(
        db
          .update(comments)
          .set({
            hiddenAt: sql`min(${comments.createdAt} + ${2 * HOUR}, ${NOW})`,
            hiddenReason: c.hidden.reason,
            hiddenBy: sql`${userId(c.hidden.by)}`,
          })
          .where(sql`${comments.id} = ${find(c)} AND ${comments.hiddenAt} IS NULL`)
          .getSQL(),
      );
    }
    if (c.deleted) {
      statements.push(
        db
          .update(comments)
          .set({ deletedAt: sql`min(${comments.createdAt} + ${5 * MINUTE}, ${NOW})` })
          .where(sql`${comments.id} = ${find(c)} AND ${comments.deletedAt} IS NULL`)
          .getSQL(),
      );
    }
    return statements;
  });
  return out.map(sqlText);
}

/** Counts and trending scores from the rows, for the demo agencies' ideas. */
function recountSql(): string[] {
  const slugs = Object.keys(DISCUSSIONS).map((slug) => sql`${slug}`);
  const demo = (agencyIdColumn: typeof ideas.agencyId | typeof comments.agencyId) =>
    sql`${agencyIdColumn} IN (SELECT ${agencies.id} FROM ${agencies} WHERE ${agencies.slug} IN (${sql.join(slugs, sql`, `)}))`;
  const r = alias(commentReports, "r");
  const cc = alias(comments, "c");
  return [
    db
      .update(comments)
      .set({ reportCount: sql`(SELECT count(*) FROM ${commentReports} ${r} WHERE ${r.commentId} = ${comments.id})` })
      .where(demo(comments.agencyId)),
    db
      .update(ideas)
      .set({
        voteCount: sql`(SELECT count(*) FROM ${votes} ${v} WHERE ${v.ideaId} = ${ideas.id})`,
        commentCount: sql`(SELECT count(*) FROM ${comments} ${cc} WHERE ${cc.ideaId} = ${ideas.id} AND ${cc.deletedAt} IS NULL AND ${cc.hiddenAt} IS NULL)`,
      })
      .where(demo(ideas.agencyId)),
    // a separate statement: the right-hand sides of one SET see the row as it was
    db.update(ideas).set({ hot: HOT }).where(demo(ideas.agencyId)),
  ].map(sqlText);
}

export function votesCommentsSql(): string[] {
  const out: string[] = [];
  for (const [slug, d] of Object.entries(DISCUSSIONS)) {
    for (const [title, voters] of Object.entries(d.votes)) out.push(...votesSql(slug, title, voters));
    for (const [title, thread] of Object.entries(d.comments)) out.push(...commentSql(slug, title, thread));
  }
  return [...out, ...recountSql()];
}
