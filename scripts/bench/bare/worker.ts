/**
 * The bench's bare Worker (issue 22.5): no framework, no middleware, no session — the platform's
 * floor on this machine, measured in the same run as Gagas so that every journey can be given as a
 * ratio to it, whatever the machine. Started by `npm run bench` over the same local D1.
 * - `GET /bare/top20?agency=<id>`: one D1 call, the agency's 20 newest listed ideas through the
 *   `ideas_list_new` index (what the idea list's first page reads, without its joins);
 * - `GET /bare/plain` (and `/api/v1/health`, for the bench's start-up check): no database at all.
 */
type Env = { DB: D1Database };

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/bare/top20") {
      const agency = Number(url.searchParams.get("agency") ?? 1);
      const { results } = await env.DB.prepare(
        "SELECT id, title, vote_count, submitted_at FROM ideas WHERE agency_id = ?1 AND listed = 1 ORDER BY submitted_at DESC, id DESC LIMIT 20",
      )
        .bind(agency)
        .all();
      return Response.json({ items: results });
    }
    if (url.pathname === "/bare/plain" || url.pathname === "/api/v1/health") return Response.json({ ok: true });
    return new Response("not found", { status: 404 });
  },
};
