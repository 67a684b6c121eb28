/**
 * Blind review is blind on every surface: a crawler walks every GET operation of
 * `/api/openapi.json` as a committee reviewer of a blind campaign, filling each parameter that
 * names an idea, comment, assignment, attachment or campaign with the rows of an idea under review
 * (and, in a second request, each parameter that names a person or a unit with its proposers), and
 * holds every answer — body and headers, whatever the status — to three rules:
 *
 * 1. an answer about the idea never names its proposers (name, NIP, e-mail, unit);
 * 2. an answer that shows the idea (its title) never names its proposers;
 * 3. an answer to a question about a proposer (their id, unit or name) never shows the idea.
 *
 * New operations are crawled as soon as the contract declares them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { blindReviewScenario, type BlindReviewScenario } from "./fixtures/blind-review";
import { bodyOf, byId, client } from "./fixtures/client";
import { api } from "./fixtures/http";
import { answerText, fillerFor, fillPath, getOperations, queryParams, takesText, withQuery } from "./fixtures/crawler";
import type { OpenApiDoc } from "./fixtures/json-schema";
import { loadContract, type ContractOperation } from "./fixtures/openapi";
import type { IdKind } from "./fixtures/tenant-rows";

let s: BlindReviewScenario;
let doc: OpenApiDoc;

beforeAll(async () => {
  [s, doc] = await Promise.all([blindReviewScenario(), loadContract()]);
});

/** Path values that point at the idea under review, by the kind of row they name. */
const ideaKinds = () => ({
  idea: String(s.idea.id),
  comment: String(s.comments.authorComment.id),
  assignment: String(s.assignment.id),
  attachment: String(s.attachment.id),
  campaign: String(s.campaign.id),
  agencySlug: s.agency.slug,
});
const ABOUT_IDEA: readonly IdKind[] = ["idea", "comment", "assignment", "attachment", "campaign"];

/** Query parameters about the idea, and those about a person or unit (the proposers'). */
const IDEA_QUERY: Record<string, "idea" | "comment" | "assignment" | "campaign"> = {
  campaignId: "campaign",
  ideaId: "idea",
  excludeId: "idea",
  commentId: "comment",
  assignmentId: "assignment",
};
const personQuery = (): Record<string, string> => ({
  authorId: String(s.author.user.id),
  userId: String(s.author.user.id),
  unitId: String(s.units.proposersUnit.id),
});

type Probe = { route: string; path: string; aboutIdea: boolean; aboutProposer: boolean };

/**
 * The requests to make for one operation: one about the idea; one more naming a proposer where the
 * operation takes a person, a unit or free text. Operations whose path names a user or a unit are
 * asked about the author and the author's unit.
 */
function probesOf(op: ContractOperation): Probe[] {
  const kinds = ideaKinds();
  const filled = fillPath(op.template, {
    ...kinds,
    user: String(s.author.user.id),
    unit: String(s.units.proposersUnit.id),
  });
  if (!filled) return [];
  const query = queryParams(op);
  const about: string[] = [];
  for (const p of query) {
    const kind = IDEA_QUERY[p.name];
    if (kind) about.push(`${p.name}=${kinds[kind]}`);
    else if (p.required) about.push(`${p.name}=${encodeURIComponent(fillerFor(doc, p, s.idea.title))}`);
  }
  const first = {
    route: op.route,
    path: withQuery(filled.path, about),
    aboutIdea: filled.kinds.some((k) => ABOUT_IDEA.includes(k)) || query.some((p) => p.name in IDEA_QUERY),
    aboutProposer: filled.kinds.some((k) => k === "user" || k === "unit"),
  };
  const naming = query.flatMap((p) => {
    const id = personQuery()[p.name];
    if (id) return [`${p.name}=${id}`];
    return takesText(doc, p) ? [`${p.name}=${encodeURIComponent(s.author.user.name)}`] : [];
  });
  if (naming.length === 0) return [first];
  const kept = about.filter((a) => !naming.some((n) => n.split("=")[0] === a.split("=")[0]));
  return [first, { ...first, path: withQuery(filled.path, [...kept, ...naming]), aboutProposer: true }];
}

type Finding = { request: string; status: number; problem: string };

async function crawl(cookie: string): Promise<{ visited: string[]; findings: Finding[] }> {
  const visited: string[] = [];
  const findings: Finding[] = [];
  for (const op of getOperations(doc)) {
    for (const probe of probesOf(op)) {
      const res = await api("GET", probe.path, { cookie });
      const text = await answerText(res);
      visited.push(`${probe.route} ${res.status}`);
      const request = `GET ${probe.path}`;
      const named = s.secrets.filter((secret) => text.includes(secret));
      const showsIdea = text.includes(s.idea.title);
      if (named.length && (probe.aboutIdea || showsIdea))
        findings.push({ request, status: res.status, problem: `names the team: ${named.join(", ")}` });
      if (probe.aboutProposer && showsIdea)
        findings.push({ request, status: res.status, problem: "a question about a proposer shows the idea" });
    }
  }
  return { visited, findings };
}

describe("blind review on every surface (a crawler over /api/openapi.json)", () => {
  it("lets a blind reviewer learn nothing of the proposing team from any GET operation", async () => {
    const { visited, findings } = await crawl(s.reviewer.cookie);
    const operations = new Set(visited.map((v) => v.split(" ").slice(0, 2).join(" ")));
    console.log(`blind crawler: ${visited.length} requests over ${operations.size} GET operations`);
    // the crawl reached the surfaces where the team shows up for everyone else
    for (const route of [
      "GET /api/v1/ideas/{id} 200",
      "GET /api/v1/ideas/{id}/comments 200",
      "GET /api/v1/assignments/{id} 200",
      "GET /api/v1/ideas/{id}/dossier 200",
      "GET /api/v1/notifications 200",
      "GET /api/v1/ideas 200",
    ])
      expect(visited).toContain(route);
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  });

  it("finds the team on the same surfaces for a colleague who does not review blind", async () => {
    // the control: the crawler and its secrets would see a leak if there were one
    const { findings } = await crawl(s.colleague.cookie);
    const leaking = new Set(findings.map((f) => f.request.split("?")[0]));
    expect(leaking).toContain(`GET /api/v1/ideas/${s.idea.id}/comments`);
    expect(leaking).toContain(`GET /api/v1/ideas/${s.idea.id}`);
  });
});

describe("GET /api/v1/ideas/{id}/comments for a blind reviewer", () => {
  it("shows the team's comments as the proposing team and takes their names out of every comment", async () => {
    const res = await client(s.reviewer.cookie).api.v1.ideas[":id"].comments.$get({ ...byId(s.idea.id), query: {} });
    const { items } = await bodyOf(res, 200);
    const all = items.flatMap((c) => [c, ...c.replies]);
    const byTeam = all.filter((c) => c.author.proposingTeam);
    expect(byTeam.map((c) => c.author)).toEqual(
      byTeam.map(() => ({ id: null, name: "Tim pengusul", unitName: null, proposingTeam: true })),
    );
    expect(byTeam).toHaveLength(4);
    expect(all.map((c) => c.body)).toContain("Setuju dengan @[Tim pengusul] dan @[Tim pengusul].");
    expect(all.map((c) => c.body)).toContain("Ide Tim pengusul dari unit pengusul ini bagus.");
    const colleague = all.find((c) => c.body?.startsWith("Setuju"))!;
    expect(colleague.author).toMatchObject({ name: s.colleague.user.name, unitName: null });
    expect(colleague.mentions).toEqual([{ id: null, name: "Tim pengusul", proposingTeam: true }]);
  });
});

describe("GET /api/v1/assignments/{id} in a blind campaign", () => {
  it("shows the chair's own scoring form blind: no team, unit or votes", async () => {
    const res = await client(s.chair.cookie).api.v1.assignments[":id"].$get(byId(s.chairAssignment.id));
    const text = await res.clone().text();
    const body = await bodyOf(res, 200);
    expect(body.blind).toBe(true);
    expect(body.idea).toMatchObject({ author: null, team: null, unit: null, voteCount: null });
    expect(s.secrets.filter((secret) => text.includes(secret))).toEqual([]);
  });

  it("shows the chair the team on another reviewer's assignment they oversee", async () => {
    const res = await client(s.chair.cookie).api.v1.assignments[":id"].$get(byId(s.assignment.id));
    const body = await bodyOf(res, 200);
    expect(body.blind).toBe(false);
    expect(body.idea.author?.name).toBe(s.author.user.name);
  });
});
