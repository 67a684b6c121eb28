import { env } from "cloudflare:test";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { alias, SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { AUTO_ID } from "../src/db/alias";
import { changesOf, createDb, runNamedBatch } from "../src/db/client";
import { bare, columnList, excluded, insertFields, literal, literals, qualified, rowOf } from "../src/db/raw";
import { auditLog, ideaEvents, ideas, units } from "../src/db/schema";
import { createAgency } from "./fixtures/builders";

const render = (query: SQL) => {
  const { sql: text, params } = new SQLiteSyncDialect().sqlToQuery(query);
  return { sql: text, params };
};

describe("the pieces of raw statements (src/db/raw.ts)", () => {
  it("name a column bare where SQLite takes no table prefix, and with its table or alias elsewhere", () => {
    const i = alias(ideas, "i");
    expect(render(sql`SET ${bare(ideas.voteCount)} = 1`).sql).toBe('SET "vote_count" = 1');
    expect(render(columnList(ideas.agencyId, ideas.voteCount)).sql).toBe('"agency_id", "vote_count"');
    expect(render(sql`${qualified(ideas.voteCount)} = ${qualified(i.voteCount)}`).sql).toBe(
      '"ideas"."vote_count" = "i"."vote_count"',
    );
    expect(render(excluded(ideas.voteCount)).sql).toBe('excluded."vote_count"');
    expect(render(sql`FROM ${ideas} ${i} WHERE ${i.id} = 1`).sql).toBe('FROM "ideas" "i" WHERE "i"."id" = 1');
  });

  it("write constants of the code as SQL literals, quotes doubled", () => {
    expect(render(sql`kind = ${literal("it's")}`)).toEqual({ sql: "kind = 'it''s'", params: [] });
    expect(render(literals(["a", "b"])).sql).toBe("'a', 'b'");
  });

  it("put a row's values named by column into the table's column order", () => {
    const row = rowOf(auditLog, {
      at: 9,
      detail: "{}",
      subjectId: 5,
      subjectType: "unit",
      action: "unit.update",
      actorId: 2,
      agencyId: 1,
      id: AUTO_ID,
    });
    expect(render(row)).toEqual({
      sql: "NULL, ?, ?, ?, ?, ?, ?, ?",
      params: [1, 2, "unit.update", "unit", 5, "{}", 9],
    });
  });

  it("alias each inserted expression with its column's name and pass columns as they are", () => {
    const fields = insertFields(ideaEvents, {
      id: AUTO_ID,
      agencyId: ideas.agencyId,
      ideaId: ideas.id,
      actorId: sql`${3}`,
      action: sql`'absorb'`,
      fromStatus: ideas.status,
      toStatus: ideas.status,
      reason: sql`NULL`,
      at: sql`${7}`,
    });
    expect(fields.agencyId).toBe(ideas.agencyId);
    expect(fields.actorId.fieldAlias).toBe("actor_id");
    expect(fields.id.fieldAlias).toBe("id");
  });
});

describe("runNamedBatch (src/db/client.ts)", () => {
  it("runs a record of statements as one batch in its order and answers each result under its name", async () => {
    const agency = await createAgency();
    const db = createDb(env.DB);
    const { added, renamed, both, listed } = await runNamedBatch(db, {
      added: db.insert(units).values({ agencyId: agency.id, code: "NB1", name: "Unit Satu" }),
      renamed: db
        .update(units)
        .set({ name: "Unit Pertama" })
        .where(and(eq(units.agencyId, agency.id), eq(units.code, "NB1"))),
      both: [
        db.insert(units).values({ agencyId: agency.id, code: "NB2", name: "Unit Dua" }),
        db.insert(units).values({ agencyId: agency.id, code: "NB3", name: "Unit Tiga" }),
      ],
      listed: db
        .select({ code: units.code, name: units.name })
        .from(units)
        .where(eq(units.agencyId, agency.id))
        .orderBy(units.code),
    });
    expect(changesOf(added)).toBe(1);
    expect(changesOf(renamed)).toBe(1);
    expect(both.map(changesOf)).toEqual([1, 1]);
    expect(listed.filter((u) => u.code.startsWith("NB"))).toEqual([
      { code: "NB1", name: "Unit Pertama" },
      { code: "NB2", name: "Unit Dua" },
      { code: "NB3", name: "Unit Tiga" },
    ]);
  });

  it("answers a list of named groups as a list of records, each statement's result under its name", async () => {
    const agency = await createAgency();
    const db = createDb(env.DB);
    const codes = ["NG1", "NG2", "NG3"];
    const { units: made, count } = await runNamedBatch(db, {
      units: codes.map((code) => ({
        added: db.insert(units).values({ agencyId: agency.id, code, name: `Unit ${code}` }),
        // renames only the second one: a result read by position would land on the wrong group
        renamed: db
          .update(units)
          .set({ name: "Unit Kedua" })
          .where(and(eq(units.agencyId, agency.id), eq(units.code, code), eq(units.code, "NG2"))),
      })),
      count: db.select({ code: units.code }).from(units).where(eq(units.agencyId, agency.id)),
    });
    expect(made.map((g) => [changesOf(g.added), changesOf(g.renamed)])).toEqual([
      [1, 0],
      [1, 1],
      [1, 0],
    ]);
    expect(count.filter((u) => u.code.startsWith("NG"))).toHaveLength(3);
  });

  it("writes nothing when one of its statements fails", async () => {
    const agency = await createAgency();
    const db = createDb(env.DB);
    const insert = (code: string) => db.insert(units).values({ agencyId: agency.id, code, name: "Unit" });
    await expect(runNamedBatch(db, { first: insert("TWICE"), again: insert("TWICE") })).rejects.toThrow(/UNIQUE/);
    const left = await db
      .select({ code: units.code })
      .from(units)
      .where(and(eq(units.agencyId, agency.id), eq(units.code, "TWICE")));
    expect(left).toEqual([]);
    expect(await runNamedBatch(db, {})).toEqual({});
  });
});
