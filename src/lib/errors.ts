import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "../env";
import { ApiError } from "./problem";

export const PROBLEM_TYPE = "application/problem+json";

function respond(c: Context<AppEnv>, error: ApiError): Response {
  return new Response(JSON.stringify(error.toProblem(c.get("requestId"))), {
    status: error.status,
    headers: { "content-type": PROBLEM_TYPE, ...error.headers },
  });
}

/** The one error path: typed errors become problem+json; anything else a 500 without internals. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof ApiError) return respond(c, err);
  if (err instanceof HTTPException) {
    const malformed = err.status === 400 && /json/i.test(err.message);
    const code = malformed ? "request.malformed_json" : `http.${err.status}`;
    const detail = malformed ? "The request body is not valid JSON" : err.message || undefined;
    return respond(c, new ApiError(err.status, code, detail));
  }
  console.error(
    JSON.stringify({
      requestId: c.get("requestId"),
      msg: "unhandled error",
      method: c.req.method,
      path: c.req.path,
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      cause: err instanceof Error && err.cause ? String(err.cause) : undefined,
      stack: err instanceof Error ? err.stack?.split("\n").slice(1, 6).join("\n") : undefined,
    }),
  );
  return respond(c, new ApiError(500, "internal", "Something went wrong on our side; try again later"));
};

type RouteLike = { method: string; path: string };

function patternOf(path: string): RegExp {
  const source = path
    .split("/")
    .map((part) => {
      if (!part.startsWith(":")) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      // `:name{regex}` matches what its expression matches (e.g. `:recipientId{[0-9]+\.pdf}`)
      const custom = /^:[^{]+\{(.+)\}$/.exec(part);
      return custom ? `(?:${custom[1]})` : "[^/]+";
    })
    .join("/");
  return new RegExp(`^${source}/?$`);
}

/**
 * 404 for an unknown path, 405 (with `Allow`) for a known path with another method.
 * @param routes the app's registered routes (`app.routes`)
 */
export function notFoundHandler(routes: () => readonly RouteLike[]): NotFoundHandler<AppEnv> {
  let table: { pattern: RegExp; method: string }[] | undefined;
  return (c) => {
    table ??= routes()
      .filter((r) => r.method !== "ALL")
      .map((r) => ({ pattern: patternOf(r.path), method: r.method }));
    const allowed = [...new Set(table.filter((r) => r.pattern.test(c.req.path)).map((r) => r.method))];
    if (allowed.length > 0) {
      return respond(
        c,
        new ApiError(405, "http.method_not_allowed", `Use ${allowed.join(", ")} on this path`, {
          headers: { allow: allowed.join(", ") },
        }),
      );
    }
    return respond(c, noSuchEndpoint());
  };
}

/** What a path nobody serves answers. */
export const noSuchEndpoint = () => new ApiError(404, "not_found", "No such endpoint");
