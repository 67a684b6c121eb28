import { sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  campaignMembers,
  campaigns,
  criteria,
  follows,
  ideaAuthors,
  ideaEvents,
  ideas,
  users,
} from "../../src/db/schema.ts";
import { DEFAULT_RUBRIC } from "../../src/domain/rubric.ts";
import { searchTextOf } from "../../src/domain/search-normalise.ts";
import { hotScore } from "../../src/domain/voting.ts";
import { AGENCIES } from "./organisation-data.ts";
import { CAMPAIGNS, CATEGORIES, IDEAS, type SeedIdea } from "./ideas-data.ts";
import { agencyId, db, insertSelect, kotakIdeSql, onConflictDoNothing, qb, sqlText, userId } from "./sql.ts";

const DAY = 86_400_000;

export const campaignId = (slug: string, title: string) =>
  qb
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(sql`${campaigns.agencyId} = ${agencyId(slug)} AND ${campaigns.title} = ${title}`);
export const ideaId = (slug: string, title: string) =>
  qb
    .select({ id: ideas.id })
    .from(ideas)
    .where(sql`${ideas.agencyId} = ${agencyId(slug)} AND ${ideas.title} = ${title}`);
const openCampaignId = (slug: string) =>
  qb
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(sql`${campaigns.agencyId} = ${agencyId(slug)} AND ${campaigns.kind} = 'open'`);

/** The agency's people by role, from the organisation data. */
function staff(slug: string) {
  const users = AGENCIES.find((a) => a.slug === slug)!.users;
  const withRole = (role: string) => users.filter((u) => u.roles.includes(role)).map((u) => u.nip);
  return { admin: withRole("admin")[0]!, chair: withRole("reviewer")[0]!, reviewers: withRole("reviewer") };
}

function campaignsSql(slug: string, base: number): string[] {
  const out = [kotakIdeSql(slug)];
  for (const c of Object.values(CAMPAIGNS)) {
    const d = (days: number) => base + days * DAY;
    out.push(
      sqlText(
        insertSelect(
          campaigns,
          {
            agencyId: agencyId(slug),
            kind: "competition",
            title: c.title,
            description: c.description,
            categories: JSON.stringify(CATEGORIES),
            submissionStart: d(c.dates.submissionStart),
            submissionEnd: d(c.dates.submissionEnd),
            votingStart: d(c.dates.votingStart),
            votingEnd: d(c.dates.votingEnd),
            reviewStart: d(c.dates.reviewStart),
            reviewEnd: d(c.dates.reviewEnd),
            announcementAt: d(c.dates.announcementAt),
            voteBudget: c.voteBudget,
            blindReview: c.blindReview,
            reviewersPerIdea: 2,
            passingGrade: 70,
            createdBy: userId(staff(slug).admin),
          },
          sql`WHERE NOT EXISTS (SELECT 1 FROM ${campaigns} WHERE ${campaigns.agencyId} = ${agencyId(slug)} AND ${campaigns.title} = ${c.title})`,
        ),
      ),
    );
    DEFAULT_RUBRIC.forEach((r, position) =>
      out.push(
        sqlText(
          insertSelect(
            criteria,
            {
              campaignId: campaignId(slug, c.title),
              key: r.key,
              labelId: r.labelId,
              labelEn: r.labelEn,
              descriptionId: r.descriptionId,
              descriptionEn: r.descriptionEn,
              weight: r.weight,
              scaleMax: r.scaleMax,
              position,
            },
            sql`WHERE 1 ${onConflictDoNothing(criteria.campaignId, criteria.key)}`,
          ),
        ),
      ),
    );
  }
  // the KIPP committee: the first reviewer chairs, the others review
  const { chair, reviewers } = staff(slug);
  for (const nip of reviewers) {
    out.push(
      sqlText(
        insertSelect(
          campaignMembers,
          {
            campaignId: campaignId(slug, CAMPAIGNS.kipp.title),
            userId: userId(nip),
            role: nip === chair ? "chair" : "reviewer",
          },
          sql`WHERE 1 ${onConflictDoNothing(campaignMembers.campaignId, campaignMembers.userId)}`,
        ),
      ),
    );
  }
  return out;
}

type Step = { action: string; from: string | null; to: string; actor: string; at: number; reason?: string };

/** The workflow history that leads to the idea's status. */
function history(idea: SeedIdea, slug: string, base: number): Step[] {
  const { admin, chair } = staff(slug);
  const created = base - idea.daysAgo * DAY;
  const submitted = created + DAY;
  const steps: Step[] = [{ action: "create", from: null, to: "draft", actor: idea.author, at: created }];
  if (idea.status === "draft") return steps;
  steps.push({ action: "submit", from: "draft", to: "submitted", actor: idea.author, at: submitted });
  const reviewStart = base + CAMPAIGNS.kipp.dates.reviewStart * DAY;
  switch (idea.status) {
    case "withdrawn":
      steps.push({
        action: "withdraw",
        from: "submitted",
        to: "withdrawn",
        actor: idea.author,
        at: submitted + 3 * DAY,
        reason: idea.reason!,
      });
      break;
    case "merged":
      steps.push({
        action: "merge",
        from: "submitted",
        to: "merged",
        actor: admin,
        at: submitted + 5 * DAY,
        reason: idea.reason!,
      });
      break;
    case "in_review":
    case "shortlisted":
    case "approved":
    case "implemented":
    case "rejected": {
      steps.push({ action: "start_review", from: "submitted", to: "in_review", actor: admin, at: reviewStart });
      if (idea.status === "rejected") {
        steps.push({
          action: "reject",
          from: "in_review",
          to: "rejected",
          actor: chair,
          at: base - 10 * DAY,
          reason: idea.reason!,
        });
      }
      if (["shortlisted", "approved", "implemented"].includes(idea.status)) {
        steps.push({ action: "shortlist", from: "in_review", to: "shortlisted", actor: chair, at: base - 12 * DAY });
      }
      if (["approved", "implemented"].includes(idea.status)) {
        steps.push({ action: "approve", from: "shortlisted", to: "approved", actor: chair, at: base - 8 * DAY });
      }
      if (idea.status === "implemented") {
        steps.push({ action: "implement", from: "approved", to: "implemented", actor: admin, at: base - 3 * DAY });
      }
    }
  }
  return steps;
}

function ideaSql(slug: string, idea: SeedIdea, base: number): string[] {
  const steps = history(idea, slug, base);
  const submittedAt = steps.find((s) => s.action === "submit")?.at ?? null;
  // like the workflow: each decision (approve, reject, implement) stamps decided_at
  const decidedAt = steps.findLast((s) => ["approve", "reject", "implement"].includes(s.action))?.at ?? null;
  const last = steps.at(-1)!;
  const listed = !["draft", "withdrawn", "merged"].includes(idea.status);
  const campaign = idea.campaign === "kotak" ? openCampaignId(slug) : campaignId(slug, CAMPAIGNS[idea.campaign].title);
  const author = AGENCIES.find((a) => a.slug === slug)!.users.find((u) => u.nip === idea.author)!;
  const original = idea.replicates
    ? qb
        .select({ id: ideas.id })
        .from(ideas)
        .where(
          sql`${ideas.title} = ${idea.replicates} AND ${ideas.agencyId} <> ${agencyId(slug)} AND ${ideas.status} = 'implemented'`,
        )
    : null;
  const id = ideaId(slug, idea.title);
  // the search text as the API would write it, so the demo is searchable before the scheduler runs
  const search = searchTextOf(idea);
  const out = [
    insertSelect(
      ideas,
      {
        agencyId: agencyId(slug),
        campaignId: campaign,
        unitId: qb
          .select({ unitId: users.unitId })
          .from(users)
          .where(sql`${users.nip} = ${author.nip}`),
        authorId: userId(author.nip),
        title: idea.title,
        problem: idea.problem,
        solution: idea.solution,
        benefit: idea.benefit,
        targetService: idea.targetService,
        category: idea.category,
        status: idea.status,
        listed,
        hot: submittedAt === null ? 0 : hotScore(0, submittedAt),
        submittedAt,
        decidedAt,
        decisionReason: idea.status === "rejected" ? idea.reason : null,
        mergedIntoId: idea.mergedInto ? ideaId(slug, idea.mergedInto) : null,
        replicatesId: original,
        createdAt: steps[0]!.at,
        updatedAt: last.at,
        searchTitle: search.searchTitle,
        searchProblem: search.searchProblem,
        searchSolution: search.searchSolution,
      },
      sql`WHERE NOT EXISTS (SELECT 1 FROM ${ideas} WHERE ${ideas.agencyId} = ${agencyId(slug)} AND ${ideas.title} = ${idea.title})`,
    ),
    insertSelect(
      ideaAuthors,
      { ideaId: id, userId: userId(author.nip), role: "author", invitedAt: steps[0]!.at, acceptedAt: steps[0]!.at },
      sql`WHERE 1 ${onConflictDoNothing(ideaAuthors.ideaId, ideaAuthors.userId)}`,
    ),
    insertSelect(
      follows,
      { ideaId: id, userId: userId(author.nip), createdAt: steps[0]!.at },
      sql`WHERE 1 ${onConflictDoNothing(follows.ideaId, follows.userId)}`,
    ),
  ];
  for (const s of steps) {
    out.push(
      insertSelect(
        ideaEvents,
        {
          agencyId: agencyId(slug),
          ideaId: id,
          actorId: userId(s.actor),
          action: s.action,
          fromStatus: s.from,
          toStatus: s.to,
          reason: s.reason,
          at: s.at,
        },
        sql`WHERE NOT EXISTS (SELECT 1 FROM ${ideaEvents} WHERE ${ideaEvents.ideaId} = ${id} AND ${ideaEvents.action} = ${s.action})`,
      ),
    );
  }
  return out.map(sqlText);
}

/**
 * Campaigns (Kotak Ide, KIPP 2026 in review, Inovasi Digital 2027 open), the KIPP committee, and
 * ideas in every status with their history. Keyed by titles: a rerun adds nothing.
 * @param base the clock of the first run; phases are placed around it
 */
export function ideasSql(base = Date.now()): string[] {
  const out: string[] = [];
  // agencies in order, so that Pangkalpinang's replication finds Binjai's implemented original
  for (const slug of Object.keys(IDEAS)) out.push(...campaignsSql(slug, base));
  for (const [slug, ideas] of Object.entries(IDEAS)) for (const idea of ideas) out.push(...ideaSql(slug, idea, base));
  const r = alias(ideas, "r");
  out.push(
    sqlText(
      db
        .update(ideas)
        .set({
          replicationCount: sql`(SELECT count(DISTINCT ${r.agencyId}) FROM ${ideas} ${r} WHERE ${r.replicatesId} = ${ideas.id} AND ${r.listed} = 1 AND ${r.agencyId} <> ${ideas.agencyId})`,
        })
        .where(sql`${ideas.status} = 'implemented'`),
    ),
  );
  return out;
}
