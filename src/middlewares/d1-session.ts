import { createMiddleware } from "hono/factory";
import { createDb } from "../db/client";
import type { AppEnv } from "../env";
import { createD1Stats, createRiderSlot, instrumentD1, logTrace, serverTiming, type D1Stats } from "../lib/d1-stats";

const BOOKMARK_HEADER = "x-d1-bookmark";
const BOOKMARK_SHAPE = /^[0-9a-zA-Z-]{1,128}$/;

/**
 * Opens one D1 session per request, so reads may come from a replica yet a user always reads
 * their own writes: the client sends back the bookmark it was given in `x-d1-bookmark`.
 * Every statement of the request is counted and reported in `Server-Timing`, with the round trips.
 */
export function d1Session() {
  return createMiddleware<AppEnv>(async function d1Session(c, next) {
    const stats = createD1Stats();
    const sent = c.req.header(BOOKMARK_HEADER);
    const session = c.env.DB.withSession(sent && BOOKMARK_SHAPE.test(sent) ? sent : "first-unconstrained");
    const rider = createRiderSlot();
    c.set("d1Stats", stats);
    c.set("d1Rider", rider);
    // D1_TRACE=1 (only ever set by `npm run bench` on its capture server) logs every statement
    const trace = c.env.D1_TRACE === "1" ? { trace: logTrace(`${c.req.method} ${pathAndQuery(c.req.url)}`) } : {};
    c.set(
      "db",
      createDb(instrumentD1(session, stats, { strictColumns: c.env.D1_STRICT_COLUMNS === "1", rider, ...trace })),
    );
    try {
      await next();
    } finally {
      // an answer made by a second pass of the request (middlewares/session.ts) brings its own figures
      addFigures(stats, c.res.headers.get("Server-Timing"));
      c.res.headers.set("Server-Timing", serverTiming(stats));
      const bookmark = session.getBookmark();
      if (bookmark) c.res.headers.set(BOOKMARK_HEADER, bookmark);
    }
  });
}

function addFigures(stats: D1Stats, header: string | null) {
  const match = /q=(\d+) r=(\d+) w=(\d+) rt=(\d+)/.exec(header ?? "");
  if (!match) return;
  stats.queries += Number(match[1]);
  stats.rowsRead += Number(match[2]);
  stats.rowsWritten += Number(match[3]);
  stats.roundTrips += Number(match[4]);
}

const pathAndQuery = (url: string) => {
  const { pathname, search } = new URL(url);
  return pathname + search;
};
