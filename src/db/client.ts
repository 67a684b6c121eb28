import { drizzle } from "drizzle-orm/d1";
import type { D1Like } from "../lib/d1-stats";
import * as schema from "./schema";

/** A drizzle database over a D1 database or session (usually the instrumented one). */
export function createDb(d1: D1Like) {
  return drizzle(d1 as D1Database, { schema });
}

export type Database = ReturnType<typeof createDb>;
