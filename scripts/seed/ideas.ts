import { DEFAULT_RUBRIC } from "../../src/domain/rubric.ts";
import { searchTextOf } from "../../src/domain/search-normalise.ts";
import { hotScore } from "../../src/domain/voting.ts";
import { AGENCIES } from "./organisation-data.ts";
import { CAMPAIGNS, CATEGORIES, IDEAS, type SeedIdea } from "./ideas-data.ts";
import { agencyId, kotakIdeSql, lit, userId } from "./sql.ts";

const DAY = 86_400_000;

export const campaignId = (slug: string, title: string) =>
  `(SELECT id FROM campaigns WHERE agency_id = ${agencyId(slug)} AND title = ${lit(title)})`;
export const ideaId = (slug: string, title: string) =>
  `(SELECT id FROM ideas WHERE agency_id = ${agencyId(slug)} AND title = ${lit(title)})`;
const openCampaignId = (slug: string) =>
  `(SELECT id FROM campaigns WHERE agency_id = ${agencyId(slug)} AND kind = 'open')`;

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
      `INSERT INTO campaigns (agency_id, kind, title, description, categories, submission_start, submission_end, voting_start, voting_end,
         review_start, review_end, announcement_at, vote_budget, blind_review, reviewers_per_idea, passing_grade, created_by)
       SELECT ${agencyId(slug)}, 'competition', ${lit(c.title)}, ${lit(c.description)}, ${lit(JSON.stringify(CATEGORIES))},
         ${d(c.dates.submissionStart)}, ${d(c.dates.submissionEnd)}, ${d(c.dates.votingStart)}, ${d(c.dates.votingEnd)},
         ${d(c.dates.reviewStart)}, ${d(c.dates.reviewEnd)}, ${d(c.dates.announcementAt)}, ${c.voteBudget}, ${lit(c.blindReview)}, 2, 70, ${userId(staff(slug).admin)}
       WHERE NOT EXISTS (SELECT 1 FROM campaigns WHERE agency_id = ${agencyId(slug)} AND title = ${lit(c.title)});`,
    );
    DEFAULT_RUBRIC.forEach((r, position) =>
      out.push(
        `INSERT INTO criteria (campaign_id, key, label_id, label_en, description_id, description_en, weight, scale_max, position)
         SELECT ${campaignId(slug, c.title)}, ${lit(r.key)}, ${lit(r.labelId)}, ${lit(r.labelEn)}, ${lit(r.descriptionId)}, ${lit(r.descriptionEn)}, ${r.weight}, ${r.scaleMax}, ${position}
         WHERE 1 ON CONFLICT(campaign_id, key) DO NOTHING;`,
      ),
    );
  }
  // the KIPP committee: the first reviewer chairs, the others review
  const { chair, reviewers } = staff(slug);
  for (const nip of reviewers) {
    out.push(
      `INSERT INTO campaign_members (campaign_id, user_id, role) SELECT ${campaignId(slug, CAMPAIGNS.kipp.title)}, ${userId(nip)}, ${lit(nip === chair ? "chair" : "reviewer")}
       WHERE 1 ON CONFLICT(campaign_id, user_id) DO NOTHING;`,
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
    ? `(SELECT id FROM ideas WHERE title = ${lit(idea.replicates)} AND agency_id <> ${agencyId(slug)} AND status = 'implemented')`
    : "NULL";
  const id = ideaId(slug, idea.title);
  // the search text as the API would write it, so the demo is searchable before the scheduler runs
  const search = searchTextOf(idea);
  const out = [
    `INSERT INTO ideas (agency_id, campaign_id, unit_id, author_id, title, problem, solution, benefit, target_service, category, status, listed,
       hot, submitted_at, decided_at, decision_reason, merged_into_id, replicates_id, created_at, updated_at, search_title, search_problem, search_solution)
     SELECT ${agencyId(slug)}, ${campaign}, (SELECT unit_id FROM users WHERE nip = ${lit(author.nip)}), ${userId(author.nip)},
       ${lit(idea.title)}, ${lit(idea.problem)}, ${lit(idea.solution)}, ${lit(idea.benefit)}, ${lit(idea.targetService)}, ${lit(idea.category)},
       ${lit(idea.status)}, ${lit(listed)}, ${submittedAt === null ? 0 : hotScore(0, submittedAt)}, ${submittedAt ?? "NULL"}, ${decidedAt ?? "NULL"},
       ${idea.status === "rejected" ? lit(idea.reason) : "NULL"}, ${idea.mergedInto ? ideaId(slug, idea.mergedInto) : "NULL"}, ${original},
       ${steps[0]!.at}, ${last.at}, ${lit(search.searchTitle)}, ${lit(search.searchProblem)}, ${lit(search.searchSolution)}
     WHERE NOT EXISTS (SELECT 1 FROM ideas WHERE agency_id = ${agencyId(slug)} AND title = ${lit(idea.title)});`,
    `INSERT INTO idea_authors (idea_id, user_id, role, invited_at, accepted_at) SELECT ${id}, ${userId(author.nip)}, 'author', ${steps[0]!.at}, ${steps[0]!.at}
     WHERE 1 ON CONFLICT(idea_id, user_id) DO NOTHING;`,
    `INSERT INTO follows (idea_id, user_id, created_at) SELECT ${id}, ${userId(author.nip)}, ${steps[0]!.at} WHERE 1 ON CONFLICT(idea_id, user_id) DO NOTHING;`,
  ];
  for (const s of steps) {
    out.push(
      `INSERT INTO idea_events (agency_id, idea_id, actor_id, action, from_status, to_status, reason, at)
       SELECT ${agencyId(slug)}, ${id}, ${userId(s.actor)}, ${lit(s.action)}, ${lit(s.from)}, ${lit(s.to)}, ${lit(s.reason)}, ${s.at}
       WHERE NOT EXISTS (SELECT 1 FROM idea_events WHERE idea_id = ${id} AND action = ${lit(s.action)});`,
    );
  }
  return out;
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
  out.push(
    `UPDATE ideas SET replication_count = (SELECT count(DISTINCT r.agency_id) FROM ideas r WHERE r.replicates_id = ideas.id AND r.listed = 1 AND r.agency_id <> ideas.agency_id)
     WHERE status = 'implemented';`,
  );
  return out;
}
