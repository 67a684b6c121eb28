import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The FTS5 index over ideas (created by hand in migrations/0001, scoped in 0019). Declared here, outside
 * schema.ts, so that queries can join it while drizzle-kit does not try to create it.
 */
export const ideasFts = sqliteTable("ideas_fts", {
  rowid: integer("rowid").notNull(),
  title: text("title"),
  problem: text("problem"),
  solution: text("solution"),
  /** The idea's agency as one token (`a12`, see `scopedMatch`), so that a query stays inside its agency in the index. */
  scope: text("scope"),
});
