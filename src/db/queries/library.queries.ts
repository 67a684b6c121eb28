/**
 * The shared innovation library (issue 21.3): implemented ideas of every active agency that shares
 * them, searchable and filtered, one by id, and each one's lineage tree of replications.
 */
import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { InnovationForm, LibraryStage } from "../../domain/library";
import { MAX_LINEAGE_DEPTH } from "../../domain/library";
import { alias } from "drizzle-orm/sqlite-core";
import { as } from "../alias";
import type { Database } from "../client";
import { ideasFts } from "../fts";
import { agencies, implementationReports, implementationUpdates, ideas, units } from "../schema";

export type LibraryFilters = {
  /** an FTS5 expression (`domain/search.ts`) */
  match?: string | undefined;
  category?: string | undefined;
  form?: InnovationForm | undefined;
  region?: string | undefined;
  agencyId?: number | undefined;
  stage?: LibraryStage | undefined;
};

/**
 * Whether an idea's agency lets other agencies see it: an agency that turned sharing off
 * (`libraryShared: false` in its settings) still sees its own.
 */
export const sharedWith = (viewerAgencyId: number | null): SQL =>
  viewerAgencyId === null
    ? sql`1`
    : sql`(${ideas.agencyId} = ${viewerAgencyId} OR coalesce(json_extract(${agencies.settings}, '$.libraryShared'), 1) <> 0)`;

const inLibrary = (viewerAgencyId: number | null) =>
  and(eq(ideas.status, "implemented"), isNull(ideas.hiddenAt), eq(agencies.active, true), sharedWith(viewerAgencyId));

const STAGE: Record<LibraryStage, SQL> = {
  original: sql`${ideas.replicatesId} IS NULL AND ${ideas.replicationCount} = 0`,
  replicated: sql`${ideas.replicationCount} > 0`,
  replica: sql`${ideas.replicatesId} IS NOT NULL`,
};

const itemColumns = {
  id: ideas.id,
  title: ideas.title,
  problem: sql<string>`substr(${ideas.problem}, 1, 240)`.as("problem_excerpt"),
  solution: sql<string>`substr(${ideas.solution}, 1, 240)`.as("solution_excerpt"),
  benefit: ideas.benefit,
  targetService: ideas.targetService,
  category: ideas.category,
  decidedAt: ideas.decidedAt,
  replicationCount: ideas.replicationCount,
  replicatesId: ideas.replicatesId,
  agencyId: ideas.agencyId,
  agencyName: as(agencies.name, "agency_name"),
  region: agencies.region,
  unitName: as(units.name, "unit_name"),
  form: implementationReports.form,
};

/**
 * A page of the library, newest implementation first; keyset on (decided_at, id).
 * @param viewerAgencyId the reader's agency (null: an agency's public page, `filters.agencyId` set)
 */
export function listLibraryPage(
  db: Database,
  viewerAgencyId: number | null,
  filters: LibraryFilters,
  limit: number,
  after?: readonly [number, number],
) {
  return db
    .select(itemColumns)
    .from(ideas)
    .innerJoin(agencies, eq(agencies.id, ideas.agencyId))
    .innerJoin(units, eq(units.id, ideas.unitId))
    .leftJoin(implementationReports, eq(implementationReports.ideaId, ideas.id))
    .where(
      and(
        inLibrary(viewerAgencyId),
        filters.match
          ? sql`${ideas.id} IN (SELECT rowid FROM ${ideasFts} WHERE ${ideasFts} MATCH ${filters.match})`
          : undefined,
        filters.category ? eq(ideas.category, filters.category) : undefined,
        filters.form ? eq(implementationReports.form, filters.form) : undefined,
        filters.region ? eq(agencies.region, filters.region) : undefined,
        filters.agencyId ? eq(ideas.agencyId, filters.agencyId) : undefined,
        filters.stage ? STAGE[filters.stage] : undefined,
        after ? sql`(${ideas.decidedAt}, ${ideas.id}) < (${after[0]}, ${after[1]})` : undefined,
      ),
    )
    .orderBy(desc(ideas.decidedAt), desc(ideas.id))
    .limit(limit + 1);
}

/** What the library's filters can choose from: the areas, regions and agencies it holds. */
export async function getLibraryChoices(db: Database, viewerAgencyId: number) {
  const [categories, regions, owners] = await db.batch([
    db
      .selectDistinct({ value: ideas.category })
      .from(ideas)
      .innerJoin(agencies, eq(agencies.id, ideas.agencyId))
      .where(and(inLibrary(viewerAgencyId), sql`${ideas.category} <> ''`))
      .orderBy(asc(ideas.category))
      .limit(200),
    db
      .selectDistinct({ value: agencies.region })
      .from(ideas)
      .innerJoin(agencies, eq(agencies.id, ideas.agencyId))
      .where(inLibrary(viewerAgencyId))
      .orderBy(asc(agencies.region))
      .limit(200),
    db
      .selectDistinct({ id: agencies.id, name: agencies.name })
      .from(ideas)
      .innerJoin(agencies, eq(agencies.id, ideas.agencyId))
      .where(inLibrary(viewerAgencyId))
      .orderBy(asc(agencies.name))
      .limit(200),
  ]);
  return {
    categories: categories.map((c) => c.value),
    regions: regions.map((r) => r.value),
    agencies: owners,
  };
}

/** One library item with its full texts and implementation, its newest updates and its lineage. */
export async function getLibraryItem(db: Database, viewerAgencyId: number, id: number) {
  const [[rows, reportRows, updates], tree] = await Promise.all([
    db.batch([
      db
        .select({ ...itemColumns, problem: ideas.problem, solution: ideas.solution })
        .from(ideas)
        .innerJoin(agencies, eq(agencies.id, ideas.agencyId))
        .innerJoin(units, eq(units.id, ideas.unitId))
        .leftJoin(implementationReports, eq(implementationReports.ideaId, ideas.id))
        .where(and(eq(ideas.id, id), inLibrary(viewerAgencyId))),
      db
        .select({
          implementedOn: implementationReports.implementedOn,
          summary: implementationReports.summary,
          results: implementationReports.results,
        })
        .from(implementationReports)
        .where(eq(implementationReports.ideaId, id)),
      db
        .select({
          body: implementationUpdates.body,
          figures: implementationUpdates.figures,
          createdAt: implementationUpdates.createdAt,
        })
        .from(implementationUpdates)
        .where(eq(implementationUpdates.ideaId, id))
        .orderBy(desc(implementationUpdates.id))
        .limit(5),
    ]),
    listLineageTree(db, viewerAgencyId, id),
  ]);
  const item = rows[0];
  if (!item) return undefined;
  const ancestorIds = JSON.parse(tree[0]?.ancestors ?? "[]") as number[];
  return { item, report: reportRows[0] ?? null, updates, ancestorIds, tree };
}

/** At most this many ideas of one family are listed. */
const TREE_LIMIT = 200;

/**
 * The family of an idea, any number of hops: up its lineage to the root, then the root and every
 * listed idea replicating a member, each with its parent and depth (the root 0), and on every row
 * the idea's ancestors, its parent first (`ancestors`, JSON). An idea of an agency that does not
 * share is returned without its title (`visible` 0), so the tree keeps its shape.
 */
export function listLineageTree(db: Database, viewerAgencyId: number, id: number) {
  const i = alias(ideas, "i");
  return db.all<{
    id: number;
    parent_id: number | null;
    depth: number;
    title: string;
    status: string;
    agency_name: string;
    region: string;
    visible: number;
    in_library: number;
    ancestors: string;
  }>(sql`WITH RECURSIVE up(id, depth) AS (
      SELECT ${ideas.replicatesId}, 1 FROM ${ideas} WHERE ${ideas.id} = ${id} AND ${ideas.replicatesId} IS NOT NULL
      UNION
      SELECT ${i.replicatesId}, u.depth + 1 FROM up u JOIN ${ideas} ${i} ON ${i.id} = u.id
        WHERE ${i.replicatesId} IS NOT NULL AND u.depth < ${MAX_LINEAGE_DEPTH}),
    tree(id, parent_id, depth) AS (
      SELECT coalesce((SELECT id FROM up ORDER BY depth DESC LIMIT 1), ${id}), NULL, 0
      UNION
      SELECT ${i.id}, ${i.replicatesId}, t.depth + 1 FROM tree t JOIN ${ideas} ${i} ON ${i.replicatesId} = t.id
        WHERE ${i.listed} = 1 AND t.depth < ${MAX_LINEAGE_DEPTH})
    SELECT t.id, t.parent_id, t.depth, ${ideas.title} AS title, ${ideas.status} AS status,
      ${agencies.name} AS agency_name, ${agencies.region} AS region,
      (${sharedWith(viewerAgencyId)} AND ${ideas.hiddenAt} IS NULL) AS visible,
      (${ideas.status} = 'implemented' AND ${ideas.hiddenAt} IS NULL AND ${agencies.active} = 1) AS in_library,
      (SELECT json_group_array(id) FROM (SELECT id FROM up ORDER BY depth)) AS ancestors
    FROM tree t JOIN ${ideas} ON ${ideas.id} = t.id JOIN ${agencies} ON ${agencies.id} = ${ideas.agencyId}
    ORDER BY t.depth, t.id LIMIT ${TREE_LIMIT}`);
}
