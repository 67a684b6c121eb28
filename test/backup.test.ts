/**
 * An agency's data exports to one JSON file and restores into an empty database with the same ids,
 * counts and totals: the way to move an agency to its own D1 database.
 */
import { applyD1Migrations, env } from "cloudflare:test";
import { and, eq, like, sum } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/sqlite-core";
import { createDb } from "../src/db/client";
import { beforeAll, describe, expect, it } from "vitest";
import { BACKUP_TABLES, NOT_BACKED_UP, restoreStatements, type AgencyBackup } from "../src/db/backup-format";
import * as schema from "../src/db/schema";
import { DEMO_PASSWORD } from "../scripts/seed/organisation-data";
import { testDb } from "./fixtures/db";
import { applyDemoSeed } from "./fixtures/demo";
import { bodyOf, byId, client } from "./fixtures/client";
import { api } from "./fixtures/http";

const SUPERADMIN = "198203152006041002";
let backup: AgencyBackup;
let agencyId: number;

async function signInAs(nip: string) {
  const res = await api("POST", "/api/v1/auth/login", { body: { identifier: nip, password: DEMO_PASSWORD } });
  return /(__Host-gagas_session=[^;]+)/.exec(res.headers.get("set-cookie") ?? "")![1]!;
}

const agencyBySlug = (slug: string) =>
  testDb.select({ id: schema.agencies.id }).from(schema.agencies).where(eq(schema.agencies.slug, slug)).get();

/**
 * Per table: the agency's rows, ordered, as JSON — in the source or the restored database. Raw D1
 * on purpose: the rows as stored, every column, whatever the schema's mapping makes of them.
 */
async function snapshot(db: D1Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const { table, where } of BACKUP_TABLES) {
    const name = getTableConfig(table).name;
    const rows = await db.prepare(`SELECT * FROM ${name} WHERE ${where} ORDER BY rowid`).bind(agencyId).all();
    out[name] = JSON.stringify(rows.results);
  }
  return out;
}

beforeAll(async () => {
  await applyDemoSeed();
  agencyId = (await agencyBySlug("binjai"))!.id;
  const res = await client(await signInAs(SUPERADMIN)).api.v1.agencies[":id"].backup.$get(byId(agencyId));
  expect(res.headers.get("content-disposition")).toMatch(
    /^attachment; filename="gagas-binjai-\d{4}-\d{2}-\d{2}\.json"$/,
  );
  backup = await bodyOf(res, 200);
  await applyD1Migrations(env.RESTORE_DB, env.TEST_MIGRATIONS);
  // raw D1 on purpose: a restore is SQL text, replayed as an operator would
  const statements = restoreStatements(backup);
  await env.RESTORE_DB.batch(statements.map((sql) => env.RESTORE_DB.prepare(sql)));
});

describe("agency backup and restore", () => {
  it("covers every table of the schema, or says why not", () => {
    const tables = Object.values(schema)
      .filter((v) => typeof v === "object" && v !== null && Symbol.for("drizzle:IsDrizzleTable") in v)
      .map((t) => getTableConfig(t as never).name)
      .sort();
    const covered = [...BACKUP_TABLES.map((t) => getTableConfig(t.table).name), ...Object.keys(NOT_BACKED_UP)].sort();
    expect(covered).toEqual(tables);
  });

  it("restores every row of the backup with identical ids and values", async () => {
    const restored = await snapshot(env.RESTORE_DB);
    for (const [name, rows] of Object.entries(backup.tables)) expect(restored[name], name).toBe(JSON.stringify(rows));
    expect(backup.tables.ideas!.length).toBeGreaterThan(5);
    expect(backup.tables.users!.length).toBeGreaterThan(5);
  });

  it("carries the database's rows unchanged, but for the counted references to other agencies", async () => {
    const original = await snapshot(env.DB);
    const differences: Record<string, number> = {};
    for (const [name, rows] of Object.entries(backup.tables)) {
      const source = JSON.parse(original[name]!) as Record<string, unknown>[];
      expect(rows.length, name).toBe(source.length);
      rows.forEach((row, i) => {
        for (const [column, value] of Object.entries(source[i]!)) {
          if (row[column] === value) continue;
          expect(row[column], `${name}.${column}`).toBeNull();
          differences[`${name}.${column}`] = (differences[`${name}.${column}`] ?? 0) + 1;
        }
      });
    }
    expect(differences).toEqual(backup.nullified);
  });

  it("keeps the figures people see: vote counts, comment counts, point totals", async () => {
    const { ideas, ideaEvents, pointTotals } = schema;
    const figures = async (d1: D1Database) => {
      const db = createDb(d1);
      const [[counts], [points]] = await db.batch([
        db
          .select({ votes: sum(ideas.voteCount), comments: sum(ideas.commentCount) })
          .from(ideas)
          .where(eq(ideas.agencyId, agencyId)),
        db
          .select({ points: sum(pointTotals.allPoints), month: sum(pointTotals.monthPoints) })
          .from(pointTotals)
          .where(and(eq(pointTotals.agencyId, agencyId), eq(pointTotals.subjectType, "user"))),
      ]);
      return { ...counts, ...points, events: await db.$count(ideaEvents, eq(ideaEvents.agencyId, agencyId)) };
    };
    expect(await figures(env.RESTORE_DB)).toEqual(await figures(env.DB));
  });

  it("lets the agency's people sign in and search on the restored database", async () => {
    const restoredUsers = await createDb(env.RESTORE_DB).$count(
      schema.users,
      like(schema.users.passwordHash, "$argon2id$%"),
    );
    expect(restoredUsers).toBe(backup.tables.users!.length);
    // raw D1 on purpose: the full-text index is a virtual table, outside the drizzle schema
    const hits = await env.RESTORE_DB.prepare(
      "SELECT count(*) AS n FROM ideas_fts WHERE ideas_fts MATCH 'antrean'",
    ).first<{ n: number }>();
    expect(hits?.n).toBeGreaterThan(0);
  });

  it("sets references to another agency's rows to NULL and counts them", async () => {
    const pangkalpinang = await agencyBySlug("pangkalpinang");
    const other = await bodyOf(
      await client(await signInAs(SUPERADMIN)).api.v1.agencies[":id"].backup.$get(byId(pangkalpinang!.id)),
      200,
    );
    // its implemented idea replicates Binjai's: the link cannot survive a move to another database
    expect(other.nullified).toMatchObject({ "ideas.replicates_id": 1 });
    expect(other.tables.ideas!.every((i) => i.replicates_id === null)).toBe(true);
  });

  it("answers 403 to an agency admin and 404 for an unknown agency", async () => {
    const admin = await signInAs("198507222010012003");
    expect((await api("GET", `/api/v1/agencies/${agencyId}/backup`, { cookie: admin })).status).toBe(403);
    expect((await api("GET", "/api/v1/agencies/999999/backup", { cookie: await signInAs(SUPERADMIN) })).status).toBe(
      404,
    );
  });
});
