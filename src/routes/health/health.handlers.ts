import { sql } from "drizzle-orm";
import type { AppRouteHandler } from "../../lib/create-router";
import type { getHealth } from "./health.routes";

export const health: AppRouteHandler<typeof getHealth> = async (c) => {
  const version = c.env.APP_VERSION;
  try {
    await c.var.db.run(sql`select 1`);
    return c.json({ status: "ok" as const, version, db: "ok" as const }, 200);
  } catch (error) {
    console.error(JSON.stringify({ requestId: c.var.requestId, msg: "health: D1 failed", error: String(error) }));
    return c.json({ status: "degraded" as const, version, db: "unavailable" as const }, 503);
  }
};
