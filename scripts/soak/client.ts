/**
 * A signed-in person as an HTTP client of the soak: same-origin headers, their session cookie, and
 * a tally of every answer shared by all clients.
 */

/** Answers a journey expects now and then: a refused vote or step (409), a write limit (429). */
const EXPECTED_REFUSALS = new Set([409, 429]);

export type Tally = {
  requests: number;
  byStatus: Map<number, number>;
  /** 4xx other than the expected refusals, by `code` */
  unexpected: Map<string, number>;
  refusals: Map<string, number>;
  /** 5xx answers and requests that got no answer */
  errors: string[];
  latencies: number[];
};

export function newTally(): Tally {
  return { requests: 0, byStatus: new Map(), unexpected: new Map(), refusals: new Map(), errors: [], latencies: [] };
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

export type Answer = { status: number; body: unknown };

export class SoakClient {
  private cookie = "";
  readonly baseUrl: string;
  readonly tally: Tally;

  constructor(baseUrl: string, tally: Tally) {
    this.baseUrl = baseUrl;
    this.tally = tally;
  }

  /**
   * Sends one request as this person and records its answer.
   * @returns the status and the parsed JSON body (null for an empty or non-JSON one); status 0 when no answer came
   */
  async send(method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { origin: this.baseUrl };
    if (this.cookie) headers.cookie = this.cookie;
    if (body !== undefined) headers["content-type"] = "application/json";
    const started = performance.now();
    this.tally.requests++;
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      this.tally.errors.push(`${method} ${path}: no answer (${(error as Error).message})`);
      return { status: 0, body: null };
    }
    const text = await res.text();
    this.tally.latencies.push(performance.now() - started);
    this.tally.byStatus.set(res.status, (this.tally.byStatus.get(res.status) ?? 0) + 1);
    const setCookie = /(__Host-gagas_session=[^;]*)/.exec(res.headers.get("set-cookie") ?? "");
    if (setCookie) this.cookie = setCookie[1]!.endsWith("=") ? "" : setCookie[1]!;
    const parsed = parseJson(text);
    const code = (parsed as { code?: string } | null)?.code ?? `http.${res.status}`;
    if (res.status >= 500) this.tally.errors.push(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
    else if (EXPECTED_REFUSALS.has(res.status)) bump(this.tally.refusals, code);
    else if (res.status >= 400) bump(this.tally.unexpected, `${res.status} ${code} (${method} ${routeOf(path)})`);
    return { status: res.status, body: parsed };
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** `/api/v1/ideas/42/vote?x=1` → `/api/v1/ideas/{id}/vote`, to group answers by route. */
const routeOf = (path: string) => path.split("?")[0]!.replace(/\/\d+(?=\/|$)/g, "/{id}");
