/**
 * Measuring one journey: a few plain requests for its D1 cost (`Server-Timing`), then an autocannon
 * run for throughput and latency.
 */
import autocannon from "autocannon";
import type { Journey, JourneyTargets } from "./journeys.ts";

/** Statements, rows read, rows written and round trips of a request (`Server-Timing`). */
export type D1Cost = { q: number; r: number; w: number; rt: number };

/** `paid`: the mean of the samples a daily cap still paid (journeys that pay points, see `summarise`). */
export type CostSample = { mean: D1Cost; max: D1Cost; samples: number; paid?: D1Cost };

export type LoadFigures = {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
};

export type Session = { cookie: string };

/** Parses `Server-Timing: d1;desc="q=.. r=.. w=.. rt=.."`. */
export function d1CostOf(header: string | null): D1Cost {
  const match = /q=(\d+) r=(\d+) w=(\d+) rt=(\d+)/.exec(header ?? "");
  if (!match) throw new Error(`no D1 figures in Server-Timing: "${header}"`);
  return { q: Number(match[1]), r: Number(match[2]), w: Number(match[3]), rt: Number(match[4]) };
}

const COST_KEYS = ["q", "r", "w", "rt"] as const;
const meanCost = (costs: D1Cost[]) =>
  Object.fromEntries(COST_KEYS.map((k) => [k, costs.reduce((s, c) => s + c[k], 0) / costs.length])) as D1Cost;

/**
 * @param paidFirst how many of the first samples a daily cap still paid (the rest earned nothing): their
 *   mean is `paid`
 */
export function summarise(costs: D1Cost[], paidFirst?: number): CostSample {
  const max = Object.fromEntries(COST_KEYS.map((k) => [k, Math.max(...costs.map((c) => c[k]))])) as D1Cost;
  const summary: CostSample = { mean: meanCost(costs), max, samples: costs.length };
  return paidFirst === undefined ? summary : { ...summary, paid: meanCost(costs.slice(0, Math.max(paidFirst, 1))) };
}

/** The headers of a request as a signed-in browser tab of this origin sends them. */
export function headersFor(baseUrl: string, session: Session, journey: Journey): Record<string, string> {
  return {
    cookie: session.cookie,
    origin: baseUrl,
    ...(journey.body ? { "content-type": "application/json" } : {}),
  };
}

/** One request of a journey; throws unless it succeeded. */
export async function requestOnce(
  baseUrl: string,
  session: Session,
  journey: Journey,
  targets: JourneyTargets,
  n: number,
): Promise<{ cost: D1Cost; body: unknown }> {
  const body = journey.body?.(n);
  const res = await fetch(baseUrl + journey.path(targets, n), {
    method: journey.method,
    headers: headersFor(baseUrl, session, journey),
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok)
    throw new Error(`${journey.key}: ${journey.method} ${journey.path(targets, n)} answered ${res.status} ${text}`);
  return { cost: d1CostOf(res.headers.get("server-timing")), body: text ? JSON.parse(text) : null };
}

export type LoadOptions = { connections: number; seconds: number };

/**
 * Drives the journey (and its paired inverse, in turn on the same target) for `seconds`.
 * Request n of the run targets `path(targets, n)`: a write never repeats on the same idea at once.
 */
export async function loadJourney(
  baseUrl: string,
  session: Session,
  journey: Journey,
  targets: JourneyTargets,
  options: LoadOptions,
  paired?: Journey,
): Promise<LoadFigures> {
  let counter = 0;
  type Context = { n?: number };
  const first = {
    method: journey.method,
    headers: headersFor(baseUrl, session, journey),
    setupRequest: (req: { path: string; body?: string }, context: Context) => {
      const n = counter++;
      context.n = n;
      req.path = journey.path(targets, n);
      const body = journey.body?.(n);
      if (body !== undefined) req.body = JSON.stringify(body);
      return req;
    },
  };
  const requests = paired
    ? [
        first,
        {
          method: paired.method,
          headers: headersFor(baseUrl, session, paired),
          setupRequest: (req: { path: string }, context: Context) => {
            req.path = paired.path(targets, context.n ?? 0);
            return req;
          },
        },
      ]
    : [first];
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.seconds,
    requests: requests as unknown as autocannon.Request[],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
