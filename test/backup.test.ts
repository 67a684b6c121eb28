/**
 * An agency's data exports to one JSON file and restores into an empty database with the same ids,
 * counts and totals: the way to move an agency to its own D1 database.
 */
import { applyD1Migrations, env } from "cloudflare:test";
import { getTableConfig } from "drizzle-orm/sqlite-core";
import { beforeAll, describe, expect, it } from "vitest";
import { BACKUP_TABLES, NOT_BACKED_UP, restoreStatements, type AgencyBackup } from "../src/db/backup-format";
import * as schema from "../src/db/schema";
import { DEMO_PASSWORD } from "../scripts/seed/organisation-data";
import { applyDemoSeed } from "./fixtures/demo";
import { api } from "./fixtures/http";

const SUPERADMIN = "198203152006041002";
let backup: AgencyBackup;
let agencyId: number;

async function signInAs(nip: string) {
  const res = await api("POST", "/api/v1/auth/login", { body: { identifier: nip, password: DEMO_PASSWORD } });
  return /(__Host-gagas_session=[^;]+)/.exec(res.headers.get("set-cookie") ?? "")![1]!;
}

/** Per table: the agency's rows, ordered, as JSON — in the source or the restored database. */
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
  agencyId = (await env.DB.prepare("SELECT id FROM agencies WHERE slug = 'binjai'").first<{ id: number }>())!.id;
  const res = await api("GET", `/api/v1/agencies/${agencyId}/backup`, { cookie: await signInAs(SUPERADMIN) });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-disposition")).toMatch(
    /^attachment; filename="gagas-binjai-\d{4}-\d{2}-\d{2}\.json"$/,
  );
  backup = (await res.json()) as AgencyBackup;
  await applyD1Migrations(env.RESTORE_DB, env.TEST_MIGRATIONS);
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
    const figures = (db: D1Database) =>
      db
        .prepare(
          `SELECT (SELECT coalesce(sum(vote_count), 0) FROM ideas WHERE agency_id = ?1) AS votes,
                  (SELECT coalesce(sum(comment_count), 0) FROM ideas WHERE agency_id = ?1) AS comments,
                  (SELECT coalesce(sum(points), 0) FROM point_totals WHERE agency_id = ?1 AND period = 'all' AND subject_type = 'user') AS points,
                  (SELECT count(*) FROM idea_events WHERE agency_id = ?1) AS events`,
        )
        .bind(agencyId)
        .first();
    expect(await figures(env.RESTORE_DB)).toEqual(await figures(env.DB));
  });

  it("lets the agency's people sign in and search on the restored database", async () => {
    const restoredUsers = await env.RESTORE_DB.prepare(
      "SELECT count(*) AS n FROM users WHERE password_hash LIKE '$argon2id$%'",
    ).first<{ n: number }>();
    expect(restoredUsers?.n).toBe(backup.tables.users!.length);
    const hits = await env.RESTORE_DB.prepare(
      "SELECT count(*) AS n FROM ideas_fts WHERE ideas_fts MATCH 'antrean'",
    ).first<{ n: number }>();
    expect(hits?.n).toBeGreaterThan(0);
  });

  it("sets references to another agency's rows to NULL and counts them", async () => {
    const pangkalpinang = await env.DB.prepare("SELECT id FROM agencies WHERE slug = 'pangkalpinang'").first<{
      id: number;
    }>();
    const res = await api("GET", `/api/v1/agencies/${pangkalpinang!.id}/backup`, {
      cookie: await signInAs(SUPERADMIN),
    });
    const other = (await res.json()) as AgencyBackup;
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
