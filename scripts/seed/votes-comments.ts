/**
 * Votes and discussions on the demo ideas. Keyed naturally (idea title, people's NIPs, a comment's
 * idea + author + words), so a rerun adds nothing; a missing idea or person selects no row instead
 * of failing. Votes keep the rules the API enforces (budget, not on one's own team) inside their
 * `INSERT … SELECT`; times fall inside the campaign's voting window and never in the future. The
 * last statements recompute `vote_count`, `comment_count` and `hot` from the rows, so the
 * invariants hold whatever ran before.
 */
import { parseMentions } from "../../src/domain/mentions.ts";
import { AGENCIES } from "./organisation-data.ts";
import { agencyId, HOT_SQL, lit, userId } from "./sql.ts";
import { DISCUSSIONS, type SeedComment } from "./votes-comments-data.ts";

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** The clock of the run, in SQL (epoch ms). */
const NOW = "CAST(unixepoch('subsec') * 1000 AS INTEGER)";

const ideaRef = (slug: string, title: string) =>
  `(SELECT id FROM ideas WHERE agency_id = ${agencyId(slug)} AND title = ${lit(title)})`;

function votesSql(slug: string, title: string, voters: string[]): string[] {
  return voters.map(
    (nip, k) => `INSERT INTO votes (agency_id, campaign_id, idea_id, user_id, unit_id, created_at)
     SELECT i.agency_id, i.campaign_id, i.id, u.id, u.unit_id,
       min(max(i.submitted_at, coalesce(c.voting_start, i.submitted_at)) + ${(k * 7 + 2) * HOUR}, coalesce(c.voting_end, ${NOW}) - ${MINUTE}, ${NOW} - ${(voters.length - k) * 20 * MINUTE})
     FROM ideas i JOIN campaigns c ON c.id = i.campaign_id, users u
     WHERE i.agency_id = ${agencyId(slug)} AND i.title = ${lit(title)} AND i.submitted_at IS NOT NULL
       AND u.nip = ${lit(nip)} AND u.agency_id = i.agency_id
       AND NOT EXISTS (SELECT 1 FROM idea_authors a WHERE a.idea_id = i.id AND a.user_id = u.id AND a.accepted_at IS NOT NULL)
       AND (SELECT count(*) FROM votes v WHERE v.user_id = u.id AND v.campaign_id = i.campaign_id) < c.vote_budget
     ON CONFLICT(idea_id, user_id) DO NOTHING;`,
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

function commentSql(slug: string, title: string, comments: SeedComment[]): string[] {
  const idea = ideaRef(slug, title);
  const find = (c: SeedComment) =>
    `(SELECT id FROM comments WHERE idea_id = ${idea} AND author_id = ${userId(c.author)} AND body = ${lit(c.body)})`;
  const flat = flatten(comments);
  const out: string[] = [];
  flat.forEach(({ comment: c, parent }, s) => {
    // in thread order, a few hours apart after submission, never later than a few minutes ago
    const at = `min(i.submitted_at + ${(s + 1) * 5 * HOUR}, ${NOW} - ${(flat.length - s) * 10 * MINUTE})`;
    out.push(
      `INSERT INTO comments (agency_id, idea_id, author_id, parent_id, body, created_at)
       SELECT i.agency_id, i.id, u.id, ${parent ? find(parent) : "NULL"}, ${lit(c.body)}, ${at}
       FROM ideas i, users u
       WHERE i.id = ${idea} AND u.nip = ${lit(c.author)} AND u.agency_id = i.agency_id
         AND NOT EXISTS (SELECT 1 FROM comments x WHERE x.idea_id = i.id AND x.author_id = u.id AND x.body = ${lit(c.body)});`,
      // a person who comments follows the idea
      `INSERT INTO follows (idea_id, user_id, created_at) SELECT idea_id, author_id, created_at FROM comments WHERE id = ${find(c)}
       ON CONFLICT(idea_id, user_id) DO NOTHING;`,
    );
    for (const nip of mentionedNips(slug, c.body)) {
      out.push(
        `INSERT INTO comment_mentions (comment_id, user_id) SELECT ${find(c)}, ${userId(nip)} WHERE ${find(c)} IS NOT NULL
         ON CONFLICT(comment_id, user_id) DO NOTHING;`,
      );
    }
    for (const r of c.reports ?? []) {
      out.push(
        `INSERT INTO comment_reports (comment_id, user_id, reason, created_at)
         SELECT id, ${userId(r.by)}, ${lit(r.reason)}, min(created_at + ${HOUR}, ${NOW}) FROM comments WHERE id = ${find(c)}
         ON CONFLICT(comment_id, user_id) DO NOTHING;`,
      );
    }
    if (c.hidden) {
      out.push(
        `UPDATE comments SET hidden_at = min(created_at + ${2 * HOUR}, ${NOW}), hidden_reason = ${lit(c.hidden.reason)}, hidden_by = ${userId(c.hidden.by)}
         WHERE id = ${find(c)} AND hidden_at IS NULL;`,
      );
    }
    if (c.deleted) {
      out.push(
        `UPDATE comments SET deleted_at = min(created_at + ${5 * MINUTE}, ${NOW}) WHERE id = ${find(c)} AND deleted_at IS NULL;`,
      );
    }
  });
  return out;
}

/** Counts and trending scores from the rows, for the demo agencies' ideas. */
function recountSql(): string[] {
  const demo = `agency_id IN (SELECT id FROM agencies WHERE slug IN (${Object.keys(DISCUSSIONS).map(lit).join(", ")}))`;
  return [
    `UPDATE comments SET report_count = (SELECT count(*) FROM comment_reports r WHERE r.comment_id = comments.id) WHERE ${demo};`,
    `UPDATE ideas SET
       vote_count = (SELECT count(*) FROM votes v WHERE v.idea_id = ideas.id),
       comment_count = (SELECT count(*) FROM comments c WHERE c.idea_id = ideas.id AND c.deleted_at IS NULL AND c.hidden_at IS NULL)
     WHERE ${demo};`,
    // a separate statement: the right-hand sides of one SET see the row as it was
    `UPDATE ideas SET hot = ${HOT_SQL} WHERE ${demo};`,
  ];
}

export function votesCommentsSql(): string[] {
  const out: string[] = [];
  for (const [slug, d] of Object.entries(DISCUSSIONS)) {
    for (const [title, voters] of Object.entries(d.votes)) out.push(...votesSql(slug, title, voters));
    for (const [title, comments] of Object.entries(d.comments)) out.push(...commentSql(slug, title, comments));
  }
  return [...out, ...recountSql()];
}
