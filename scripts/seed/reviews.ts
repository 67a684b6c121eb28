/**
 * The review of each pilot agency's KIPP competition (in its review phase): every idea that
 * entered review is assigned to the committee's members without a conflict of interest; decided
 * ideas have all their reviews submitted, ideas still in review one submitted and one pending or
 * in draft, so the chair's ranking and the reviewers' queues have something to show. Implemented
 * ideas get their implementation report.
 *
 * Keyed by idea title and reviewer NIP (`ON CONFLICT DO NOTHING`): a rerun adds nothing, and an
 * idea missing from the demo makes its statements insert nothing.
 */
import { sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  agencies,
  campaignMembers,
  campaigns,
  ideaAuthors,
  ideaEvents,
  ideas,
  implementationReports,
  reviewAssignments,
  reviews,
  units,
  users,
} from "../../src/db/schema.ts";
import { conflictOf } from "../../src/domain/assignment.ts";
import { DEFAULT_RUBRIC } from "../../src/domain/rubric.ts";
import { reviewScore } from "../../src/domain/scoring.ts";
import { localDaySql } from "../../src/domain/time-zone.ts";
import { CAMPAIGNS, IDEAS, type SeedIdea } from "./ideas-data.ts";
import { AGENCIES, kippCommittee, type SeedAgency } from "./organisation-data.ts";
import { agencyId, db, domainSql, insertSelect, onConflictDoNothing, sqlText, userId } from "./sql.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;

const REVIEWED = ["in_review", "shortlisted", "approved", "implemented", "rejected"] as const;
type Reviewed = (typeof REVIEWED)[number];

/** Scores per criterion by where the idea ended up (rotated per reviewer for variety). */
const PROFILES: Record<Reviewed, number[]> = {
  implemented: [5, 5, 4, 5, 4, 4],
  approved: [5, 4, 4, 5, 4, 3],
  shortlisted: [4, 4, 3, 4, 4, 3],
  in_review: [4, 3, 4, 3, 4, 3],
  rejected: [2, 3, 2, 2, 3, 1],
};
const RECOMMENDATION: Record<Reviewed, "shortlist" | "approve" | "reject"> = {
  implemented: "approve",
  approved: "approve",
  shortlisted: "shortlist",
  in_review: "shortlist",
  rejected: "reject",
};
const NOTES: Record<Reviewed, string[]> = {
  implemented: [
    "Dampak terukur: waktu layanan turun jelas. Layak direplikasi ke OPD lain.",
    "Anggaran dan SDM sudah tersedia; keberlanjutan meyakinkan.",
  ],
  approved: [
    "Solusi sederhana dan murah, manfaat langsung dirasakan warga.",
    "Perlu SOP tertulis sebelum diterapkan, tetapi layak disetujui.",
  ],
  shortlisted: [
    "Gagasan kuat; mohon data waktu layanan sebelum dan sesudah uji coba.",
    "Menarik, namun rencana pembiayaan tahun kedua belum jelas.",
  ],
  in_review: ["Menjanjikan; mohon lampirkan rencana anggaran dan jadwal uji coba.", "Sedang saya pelajari."],
  rejected: [
    "Masalahnya nyata, tetapi solusi tumpang tindih dengan aplikasi yang sudah ada.",
    "Biaya tidak sebanding dengan jumlah penerima manfaat.",
  ],
};

const committee = kippCommittee;

/** Who may review the idea: not its author, not someone of the author's unit or one above or below it. */
function eligible(agency: SeedAgency, idea: SeedIdea) {
  const unitIndex = new Map(agency.units.map((u, i) => [u.code, i]));
  const parents = new Map(
    agency.units.map((u, i) => [i, u.parent === undefined ? null : (unitIndex.get(u.parent) ?? null)]),
  );
  const userIndex = new Map(agency.users.map((u, i) => [u.nip, i]));
  const author = agency.users.find((u) => u.nip === idea.author)!;
  const info = { id: 0, teamIds: [userIndex.get(author.nip)!], unitIds: [unitIndex.get(author.unit)!] };
  return committee(agency).members.filter(
    (m) =>
      conflictOf({ id: userIndex.get(m.nip)!, unitId: unitIndex.get(m.unit)! }, info, {
        excludeSameUnit: true,
        parents,
      }) === null,
  );
}

const i = alias(ideas, "i");
const u = alias(users, "u");
const a = alias(ideaAuthors, "a");
const ra = alias(reviewAssignments, "ra");

/** `FROM` the idea of the agency and one person: no row at all if either is missing. */
const ideaAndPerson = (slug: string, title: string, nip: string) =>
  sql`FROM ${ideas} ${i}, ${users} ${u} WHERE ${i.agencyId} = ${agencyId(slug)} AND ${i.title} = ${title} AND ${u.nip} = ${nip}`;

function assignmentSql(slug: string, idea: SeedIdea, nip: string, chair: string, dueAt: number, createdAt: number) {
  return sqlText(
    insertSelect(
      reviewAssignments,
      {
        agencyId: i.agencyId,
        campaignId: i.campaignId,
        ideaId: i.id,
        reviewerId: u.id,
        dueAt,
        assignedBy: userId(chair),
        createdAt,
      },
      sql`${ideaAndPerson(slug, idea.title, nip)}
     AND NOT EXISTS (SELECT 1 FROM ${ideaAuthors} ${a} WHERE ${a.ideaId} = ${i.id} AND ${a.userId} = ${u.id})
   ${onConflictDoNothing(reviewAssignments.ideaId, reviewAssignments.reviewerId)}`,
    ),
  );
}

function reviewSql(
  slug: string,
  idea: SeedIdea,
  nip: string,
  review: { scores: Record<string, number>; note: string; submittedAt: number | null; updatedAt: number },
  status: Reviewed,
) {
  const complete = reviewScore(DEFAULT_RUBRIC, review.scores);
  const submitted = review.submittedAt !== null;
  return sqlText(
    insertSelect(
      reviews,
      {
        assignmentId: ra.id,
        agencyId: ra.agencyId,
        campaignId: ra.campaignId,
        ideaId: ra.ideaId,
        reviewerId: ra.reviewerId,
        scores: JSON.stringify(review.scores),
        score: complete,
        note: review.note,
        recommendation: submitted ? RECOMMENDATION[status] : null,
        state: submitted ? "submitted" : "draft",
        submittedAt: review.submittedAt,
        updatedAt: review.updatedAt,
      },
      sql`FROM ${reviewAssignments} ${ra}, ${ideas} ${i}, ${users} ${u}
   WHERE ${ra.ideaId} = ${i.id} AND ${ra.reviewerId} = ${u.id} AND ${i.agencyId} = ${agencyId(slug)} AND ${i.title} = ${idea.title} AND ${u.nip} = ${nip}
   ${onConflictDoNothing(reviews.assignmentId)}`,
    ),
  );
}

/** Scores on the KIPP rubric from the idea's profile, rotated by `offset`; the first `count` criteria only for a draft. */
function scoresFor(status: Reviewed, offset: number, count = DEFAULT_RUBRIC.length) {
  const profile = PROFILES[status];
  return Object.fromEntries(
    DEFAULT_RUBRIC.slice(0, count).map((c, i) => [c.key, profile[(i + offset) % profile.length]!]),
  );
}

function ideaReviewsSql(agency: SeedAgency, idea: SeedIdea, index: number, base: number): string[] {
  const status = idea.status as Reviewed;
  const reviewStart = base + CAMPAIGNS.kipp.dates.reviewStart * DAY;
  const decided = status !== "in_review";
  const dueAt = decided ? reviewStart + 14 * DAY : base + 7 * DAY;
  const { chair } = committee(agency);
  const out: string[] = [];
  eligible(agency, idea).forEach((member, m) => {
    out.push(assignmentSql(agency.slug, idea, member.nip, chair.nip, dueAt, reviewStart + HOUR));
    const note = NOTES[status][m % NOTES[status].length]!;
    if (decided || m === 0) {
      const submittedAt = decided ? reviewStart + (3 + m) * DAY : base - (2 + m) * DAY;
      out.push(
        reviewSql(
          agency.slug,
          idea,
          member.nip,
          { scores: scoresFor(status, index + m), note, submittedAt, updatedAt: submittedAt },
          status,
        ),
      );
    } else if (index % 2 === 1) {
      // the second reviewer of every other idea in review has a draft half done; the others have not started
      out.push(
        reviewSql(
          agency.slug,
          idea,
          member.nip,
          { scores: scoresFor(status, index + m, 3), note, submittedAt: null, updatedAt: base - DAY },
          status,
        ),
      );
    }
  });
  return out;
}

/**
 * @param base the clock of the first run, as ideas.ts places the campaign's phases around it
 */
export function reviewsSql(base = Date.now()): string[] {
  const out: string[] = [];
  const slugs = Object.keys(IDEAS);
  for (const slug of slugs) {
    const agency = AGENCIES.find((a) => a.slug === slug);
    if (!agency) continue;
    const { chair, members } = committee(agency);
    const c = alias(campaigns, "c");
    for (const member of members)
      out.push(
        sqlText(
          insertSelect(
            campaignMembers,
            { campaignId: c.id, userId: userId(member.nip), role: member === chair ? "chair" : "reviewer" },
            sql`FROM ${campaigns} ${c} WHERE ${c.agencyId} = ${agencyId(slug)} AND ${c.title} = ${CAMPAIGNS.kipp.title}
         ${onConflictDoNothing(campaignMembers.campaignId, campaignMembers.userId)}`,
          ),
        ),
      );
    const reviewed = IDEAS[slug]!.filter(
      (i) => i.campaign === "kipp" && (REVIEWED as readonly string[]).includes(i.status),
    );
    reviewed.forEach((idea, index) => out.push(...ideaReviewsSql(agency, idea, index, base)));
  }
  const demo = sql`(SELECT ${agencies.id} FROM ${agencies} WHERE ${agencies.slug} IN (${sql.join(
    slugs.map((slug) => sql`${slug}`),
    sql`, `,
  )}))`;
  const r = alias(reviews, "r");
  const e = alias(ideaEvents, "e");
  const un = alias(units, "un");
  const zone = sql`(SELECT ${agencies.timeZone} FROM ${agencies} WHERE ${agencies.id} = ${i.agencyId})`;
  out.push(
    // an idea's score is the mean of its submitted reviews, as the review routes keep it
    sqlText(
      db
        .update(ideas)
        .set({
          reviewScore: sql`(SELECT avg(${r.score}) FROM ${reviews} ${r} WHERE ${r.ideaId} = ${ideas.id} AND ${r.state} = 'submitted')`,
        })
        .where(
          sql`${ideas.agencyId} IN ${demo} AND EXISTS (SELECT 1 FROM ${reviews} ${r} WHERE ${r.ideaId} = ${ideas.id} AND ${r.state} = 'submitted')`,
        ),
    ),
    // what was implemented, where and when (on the agency's calendar), reported by whoever took the step
    sqlText(
      insertSelect(
        implementationReports,
        {
          ideaId: i.id,
          agencyId: i.agencyId,
          implementedOn: domainSql(localDaySql, e.at, zone),
          unitId: i.unitId,
          summary: sql`'Sudah berjalan di ' || ${un.name} || '. ' || ${i.benefit}`,
          evidenceAttachmentId: null,
          reportedBy: e.actorId,
          createdAt: e.at,
        },
        sql`FROM ${ideas} ${i}, ${ideaEvents} ${e}, ${units} ${un}
     WHERE ${e.ideaId} = ${i.id} AND ${e.action} = 'implement' AND ${e.actorId} IS NOT NULL AND ${un.id} = ${i.unitId}
       AND ${i.status} = 'implemented' AND ${i.agencyId} IN ${demo}
     ${onConflictDoNothing(implementationReports.ideaId)}`,
      ),
    ),
  );
  return out;
}
