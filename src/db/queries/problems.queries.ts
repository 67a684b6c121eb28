/**
 * The problem bank's reads and writes: problems, the complaints they stand for, the ideas that answer
 * them and the campaigns opened from them. Every write is one batch.
 */
import { and, desc, eq, inArray, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { ComplaintPlan, PlannedComplaint } from "../../domain/complaint-grouping";
import { chunk } from "../../lib/chunk";
import { as, newestId } from "../alias";
import { runBatch, runNamedBatch, type Database, type Statement } from "../client";
import { columnList } from "../raw";
import {
  auditLog,
  campaigns,
  complaints,
  criteria,
  ideas,
  problemCampaigns,
  problemIdeas,
  problems,
  units,
} from "../schema";
import type { Criterion } from "../../domain/rubric";
import type { CampaignValues } from "./campaigns.queries";
import { recordAudit } from "./audit.queries";

export type ProblemFilter = {
  q?: string | undefined;
  unitId?: number | undefined;
  category?: string | undefined;
  /** true: only problems with an idea linked; false: only those without */
  answered?: boolean | undefined;
  /** `[complaintCount, id]` of the last row of the previous page */
  after?: readonly [number, number] | undefined;
  limit: number;
};

/** The columns of an idea's link to a problem, in the order the link inserts select them. */
const IDEA_LINK = columnList(
  problemIdeas.problemId,
  problemIdeas.ideaId,
  problemIdeas.agencyId,
  problemIdeas.linkedBy,
  problemIdeas.linkedAt,
);

const ideaCount = sql<number>`(SELECT count(*) FROM ${problemIdeas} WHERE ${problemIdeas.problemId} = ${problems.id})`;
const implementedCount = sql<number>`(SELECT count(*) FROM ${problemIdeas} JOIN ${ideas} ON ${ideas.id} = ${problemIdeas.ideaId} WHERE ${problemIdeas.problemId} = ${problems.id} AND ${ideas.status} = 'implemented')`;

const summaryColumns = {
  id: problems.id,
  title: problems.title,
  category: problems.category,
  source: problems.source,
  unitId: problems.unitId,
  unitName: as(units.name, "unit_name"),
  complaintCount: problems.complaintCount,
  ideaCount: ideaCount.as("idea_count"),
  implementedCount: implementedCount.as("implemented_count"),
  createdAt: problems.createdAt,
};

/** LIKE's wildcards taken literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** The agency's problems, most complaints first. */
export function listProblems(db: Database, agencyId: number, filter: ProblemFilter) {
  const where: SQL[] = [eq(problems.agencyId, agencyId)];
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    where.push(
      or(sql`${problems.title} LIKE ${pattern} ESCAPE '\\'`, sql`${problems.description} LIKE ${pattern} ESCAPE '\\'`)!,
    );
  }
  if (filter.unitId !== undefined) where.push(eq(problems.unitId, filter.unitId));
  if (filter.category !== undefined) where.push(eq(problems.category, filter.category));
  if (filter.answered !== undefined) where.push(filter.answered ? sql`${ideaCount} > 0` : sql`${ideaCount} = 0`);
  if (filter.after) {
    const [count, id] = filter.after;
    where.push(or(lt(problems.complaintCount, count), and(eq(problems.complaintCount, count), lt(problems.id, id)))!);
  }
  return db
    .select(summaryColumns)
    .from(problems)
    .leftJoin(units, eq(units.id, problems.unitId))
    .where(and(...where))
    .orderBy(desc(problems.complaintCount), desc(problems.id))
    .limit(filter.limit + 1);
}

/** The categories the agency's problems use, for the list's filter. */
export async function listProblemCategories(db: Database, agencyId: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ category: problems.category })
    .from(problems)
    .where(and(eq(problems.agencyId, agencyId), sql`${problems.category} <> ''`))
    .orderBy(problems.category)
    .limit(200);
  return rows.map((r) => r.category);
}

export async function getProblem(db: Database, agencyId: number, id: number) {
  const [row] = await db
    .select({ ...summaryColumns, description: problems.description, updatedAt: problems.updatedAt })
    .from(problems)
    .leftJoin(units, eq(units.id, problems.unitId))
    .where(and(eq(problems.id, id), eq(problems.agencyId, agencyId)));
  return row;
}

/** The newest complaints of a problem (at most `limit`). */
export function listProblemComplaints(db: Database, problemId: number, limit = 100) {
  return db
    .select({
      id: complaints.id,
      externalId: complaints.externalId,
      receivedAt: complaints.receivedAt,
      channel: complaints.channel,
      title: complaints.title,
      text: complaints.text,
      location: complaints.location,
      status: complaints.status,
    })
    .from(complaints)
    .where(eq(complaints.problemId, problemId))
    .orderBy(desc(complaints.receivedAt), desc(complaints.id))
    .limit(limit);
}

/** The listed ideas that answer a problem (drafts and hidden ideas stay with their teams). */
export function listProblemIdeas(db: Database, problemId: number) {
  return db
    .select({ id: ideas.id, title: ideas.title, status: ideas.status })
    .from(problemIdeas)
    .innerJoin(ideas, eq(ideas.id, problemIdeas.ideaId))
    .where(and(eq(problemIdeas.problemId, problemId), eq(ideas.listed, true), sql`${ideas.hiddenAt} IS NULL`))
    .orderBy(desc(problemIdeas.linkedAt))
    .limit(100);
}

export function listProblemCampaignIds(db: Database, problemId: number) {
  return db
    .select({ campaignId: problemCampaigns.campaignId })
    .from(problemCampaigns)
    .where(eq(problemCampaigns.problemId, problemId));
}

/** Every problem of the agency as the grouping compares complaints with. */
export function listGroupCandidates(db: Database, agencyId: number) {
  return db
    .select({
      id: problems.id,
      title: problems.title,
      unitId: problems.unitId,
      category: problems.category,
      signature: problems.signature,
    })
    .from(problems)
    .where(eq(problems.agencyId, agencyId));
}

/** Which of these complaint ids the agency has imported before (≤ 100 bound parameters a statement, read side by side). */
export async function listKnownComplaintIds(db: Database, agencyId: number, ids: readonly string[]) {
  const slices = await Promise.all(
    chunk([...new Set(ids)], 90).map((slice) =>
      db
        .select({ externalId: complaints.externalId })
        .from(complaints)
        .where(and(eq(complaints.agencyId, agencyId), inArray(complaints.externalId, slice))),
    ),
  );
  return new Set(slices.flat().map((r) => r.externalId));
}

/** Complaints of a problem by id, to check a split. */
export function listComplaintsOf(db: Database, problemId: number, ids: readonly number[]) {
  return db
    .select({ id: complaints.id, title: complaints.title, text: complaints.text })
    .from(complaints)
    .where(and(eq(complaints.problemId, problemId), inArray(complaints.id, [...ids])));
}

/** 15 bound values per complaint: 6 rows stay under D1's 100 per statement. */
const COMPLAINTS_PER_INSERT = 6;

function insertComplaints(
  db: Database,
  input: { agencyId: number; actorId: number; now: number; problemId: number | SQL<number> },
  list: readonly PlannedComplaint[],
): Statement[] {
  return chunk(list, COMPLAINTS_PER_INSERT).map((slice) =>
    db.insert(complaints).values(
      slice.map((c) => ({
        agencyId: input.agencyId,
        problemId: input.problemId,
        externalId: c.externalId,
        receivedAt: c.receivedAt,
        channel: c.channel,
        category: c.category,
        title: c.title,
        text: c.text,
        location: c.location,
        unitId: c.unitId,
        status: c.status,
        importedBy: input.actorId,
        importedAt: input.now,
      })),
    ),
  );
}

/** The exact number of complaints of a problem, recounted in the batch that moved them. */
const recount = (db: Database, problemId: number | SQL<number>, now: number) =>
  db
    .update(problems)
    .set({
      complaintCount: sql`(SELECT count(*) FROM ${complaints} WHERE ${complaints.problemId} = ${problemId})`,
      updatedAt: now,
    })
    .where(eq(problems.id, problemId));

const newestProblem = newestId(problems);

/**
 * A planned import in one transaction: each new problem and then its complaints (which name it as
 * the newest problem, D1 running a batch serially), the complaints joining existing problems, the
 * recounts and the audit row. A complaint id imported meanwhile by someone else fails the unique
 * key and with it the whole batch.
 */
export async function importComplaints(
  db: Database,
  input: { agencyId: number; actorId: number; now: number; plan: ComplaintPlan; detail: Record<string, unknown> },
) {
  const { agencyId, actorId, now, plan } = input;
  const statements: Statement[] = [];
  for (const p of plan.newProblems) {
    statements.push(
      db.insert(problems).values({
        agencyId,
        unitId: p.unitId,
        category: p.category,
        title: p.title,
        source: "complaints",
        signature: p.signature,
        complaintCount: p.complaints.length,
        createdBy: actorId,
        createdAt: now,
        updatedAt: now,
      }),
      ...insertComplaints(db, { agencyId, actorId, now, problemId: newestProblem }, p.complaints),
    );
  }
  for (const j of plan.joined) {
    statements.push(...insertComplaints(db, { agencyId, actorId, now, problemId: j.problemId }, j.complaints));
    statements.push(recount(db, j.problemId, now));
  }
  statements.push(
    recordAudit(db, {
      agencyId,
      actorId,
      action: "problem.import",
      subjectType: "problem",
      subjectId: null,
      detail: input.detail,
      at: now,
    }),
  );
  await runBatch(db, statements);
}

export type ProblemFields = { title: string; description: string; category: string; unitId: number | null };

/** A challenge an admin wrote. @returns its id */
export async function createChallenge(
  db: Database,
  input: { agencyId: number; actorId: number; now: number; fields: ProblemFields; signature: string },
): Promise<number> {
  const { agencyId, actorId, now } = input;
  const { created } = await runNamedBatch(db, {
    problem: db.insert(problems).values({
      ...input.fields,
      agencyId,
      source: "challenge",
      signature: input.signature,
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
    }),
    audit: recordAudit(db, {
      agencyId,
      actorId,
      action: "problem.create",
      subjectType: "problem",
      subjectId: newestProblem,
      detail: { title: input.fields.title },
      at: now,
    }),
    created: db.select({ id: newestProblem }).from(problems).limit(1),
  });
  return created[0]!.id;
}

export async function updateProblem(
  db: Database,
  input: { agencyId: number; actorId: number; now: number; id: number; fields: Partial<ProblemFields> },
) {
  const { agencyId, actorId, now, id, fields } = input;
  await db.batch([
    db
      .update(problems)
      .set({ ...fields, updatedAt: now })
      .where(and(eq(problems.id, id), eq(problems.agencyId, agencyId))),
    recordAudit(db, {
      agencyId,
      actorId,
      action: "problem.update",
      subjectType: "problem",
      subjectId: id,
      detail: { fields },
      at: now,
    }),
  ]);
}

/** `sourceId` into `targetId`: its complaints, idea links and campaigns move over, then it is gone. */
export async function mergeProblems(
  db: Database,
  input: { agencyId: number; actorId: number; now: number; sourceId: number; targetId: number },
) {
  const { agencyId, actorId, now, sourceId, targetId } = input;
  await runBatch(db, [
    db.update(complaints).set({ problemId: targetId }).where(eq(complaints.problemId, sourceId)),
    db.run(sql`INSERT OR IGNORE INTO ${problemIdeas} (${IDEA_LINK})
      SELECT ${targetId}, ${problemIdeas.ideaId}, ${problemIdeas.agencyId}, ${problemIdeas.linkedBy}, ${problemIdeas.linkedAt}
      FROM ${problemIdeas} WHERE ${problemIdeas.problemId} = ${sourceId}`),
    db.delete(problemIdeas).where(eq(problemIdeas.problemId, sourceId)),
    db.run(sql`INSERT OR IGNORE INTO ${problemCampaigns} (${columnList(
      problemCampaigns.problemId,
      problemCampaigns.campaignId,
      problemCampaigns.agencyId,
      problemCampaigns.createdAt,
    )})
      SELECT ${targetId}, ${problemCampaigns.campaignId}, ${problemCampaigns.agencyId}, ${problemCampaigns.createdAt}
      FROM ${problemCampaigns} WHERE ${problemCampaigns.problemId} = ${sourceId}`),
    db.delete(problemCampaigns).where(eq(problemCampaigns.problemId, sourceId)),
    db.delete(problems).where(and(eq(problems.id, sourceId), eq(problems.agencyId, agencyId))),
    recount(db, targetId, now),
    recordAudit(db, {
      agencyId,
      actorId,
      action: "problem.merge",
      subjectType: "problem",
      subjectId: targetId,
      detail: { merged: sourceId },
      at: now,
    }),
  ]);
}

/** Some complaints of `sourceId` out into a new problem of the same unit and category. @returns its id */
export async function splitProblem(
  db: Database,
  input: {
    agencyId: number;
    actorId: number;
    now: number;
    source: { id: number; unitId: number | null; category: string };
    complaintIds: readonly number[];
    title: string;
    signature: string;
  },
): Promise<number> {
  const { agencyId, actorId, now, source } = input;
  const { created } = await runNamedBatch(db, {
    problem: db.insert(problems).values({
      agencyId,
      unitId: source.unitId,
      category: source.category,
      title: input.title,
      source: "complaints",
      signature: input.signature,
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
    }),
    moved: db
      .update(complaints)
      .set({ problemId: newestProblem })
      .where(and(eq(complaints.problemId, source.id), inArray(complaints.id, [...input.complaintIds]))),
    recounts: [recount(db, newestProblem, now), recount(db, source.id, now)],
    audit: recordAudit(db, {
      agencyId,
      actorId,
      action: "problem.split",
      subjectType: "problem",
      subjectId: source.id,
      detail: { into: input.title, complaints: input.complaintIds.length },
      at: now,
    }),
    created: db.select({ id: newestProblem }).from(problems).limit(1),
  });
  return created[0]!.id;
}

/** The problems an idea answers. */
export function listIdeaProblems(db: Database, agencyId: number, ideaId: number) {
  return db
    .select({
      id: problems.id,
      title: problems.title,
      category: problems.category,
      unitName: as(units.name, "unit_name"),
      complaintCount: problems.complaintCount,
    })
    .from(problemIdeas)
    .innerJoin(problems, eq(problems.id, problemIdeas.problemId))
    .leftJoin(units, eq(units.id, problems.unitId))
    .where(and(eq(problemIdeas.ideaId, ideaId), eq(problemIdeas.agencyId, agencyId)))
    .orderBy(desc(problems.complaintCount), desc(problems.id));
}

/** Which of these ids are problems of the agency. */
export async function listAgencyProblemIds(db: Database, agencyId: number, ids: readonly number[]) {
  if (ids.length === 0) return new Set<number>();
  const rows = await db
    .select({ id: problems.id })
    .from(problems)
    .where(and(eq(problems.agencyId, agencyId), inArray(problems.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}

/**
 * An idea's problems become exactly `problemIds`; a link only to a problem of the agency (the
 * insert re-checks it, so a problem merged away meanwhile is skipped rather than half-linked).
 */
export async function setIdeaProblems(
  db: Database,
  input: { agencyId: number; actorId: number; now: number; ideaId: number; problemIds: readonly number[] },
) {
  const { agencyId, actorId, now, ideaId, problemIds } = input;
  await runBatch(db, [
    problemIds.length > 0
      ? db
          .delete(problemIdeas)
          .where(and(eq(problemIdeas.ideaId, ideaId), notInArray(problemIdeas.problemId, [...problemIds])))
      : db.delete(problemIdeas).where(eq(problemIdeas.ideaId, ideaId)),
    ...problemIds.map((problemId) =>
      db.run(sql`INSERT OR IGNORE INTO ${problemIdeas} (${IDEA_LINK})
        SELECT ${problems.id}, ${ideaId}, ${agencyId}, ${actorId}, ${now} FROM ${problems}
        WHERE ${problems.id} = ${problemId} AND ${problems.agencyId} = ${agencyId}`),
    ),
  ]);
}

/**
 * The dashboard's figures: complaints and problems in the bank, and those answered by an implemented
 * idea (a complaint counts once, however many implemented ideas answer its problem).
 */
export async function getProblemSummary(db: Database, agencyId: number) {
  const answered = sql`${complaints.problemId} IN (SELECT ${problemIdeas.problemId} FROM ${problemIdeas} JOIN ${ideas} ON ${ideas.id} = ${problemIdeas.ideaId} WHERE ${problemIdeas.agencyId} = ${agencyId} AND ${ideas.status} = 'implemented')`;
  const [[complaintRow], [problemRow]] = await db.batch([
    db
      .select({
        complaints: sql<number>`count(*)`,
        answered: sql<number>`coalesce(sum(CASE WHEN ${answered} THEN 1 ELSE 0 END), 0)`,
      })
      .from(complaints)
      .where(eq(complaints.agencyId, agencyId)),
    db
      .select({
        problems: sql<number>`count(*)`,
        answered: sql<number>`coalesce(sum(CASE WHEN ${implementedCount} > 0 THEN 1 ELSE 0 END), 0)`,
      })
      .from(problems)
      .where(eq(problems.agencyId, agencyId)),
  ]);
  return {
    complaints: complaintRow?.complaints ?? 0,
    complaintsAnswered: complaintRow?.answered ?? 0,
    problems: problemRow?.problems ?? 0,
    problemsAnswered: problemRow?.answered ?? 0,
  };
}

/**
 * A competition opened from a problem: the campaign, its rubric, the link to the problem and the
 * audit row in one batch. @returns the campaign's id
 */
export async function openProblemCampaign(
  db: Database,
  input: {
    agencyId: number;
    actorId: number;
    now: number;
    problemId: number;
    values: CampaignValues;
    rubric: readonly Criterion[];
  },
): Promise<number> {
  const { agencyId, actorId, now, problemId, values, rubric } = input;
  const campaignId = newestId(campaigns);
  const { created } = await runNamedBatch(db, {
    campaign: db.insert(campaigns).values({ ...values, agencyId, createdBy: actorId, createdAt: now, updatedAt: now }),
    rubric: db.insert(criteria).values(rubric.map((c, position) => ({ ...c, campaignId, position }))),
    link: db.insert(problemCampaigns).values({ problemId, campaignId, agencyId, createdAt: now }),
    audit: db.insert(auditLog).values({
      agencyId,
      actorId,
      action: "campaign.create",
      subjectType: "campaign",
      subjectId: campaignId,
      detail: JSON.stringify({ title: values.title, problem: problemId }),
      at: now,
    }),
    created: db.select({ id: campaignId }).from(campaigns).limit(1),
  });
  return created[0]!.id;
}
