/**
 * The bench's phases for one scale: capture (samples, traces, scheduler), EXPLAIN, load.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_RULES } from "../../src/domain/reward-rules.ts";
import { wrangler } from "../wrangler.ts";
import {
  BENCH_VARS,
  COMMENT_COUNTS,
  DEEP_PAGES,
  IDEA_SORTS,
  JOURNEYS,
  journeyByKey,
  type IdeaSort,
  type Journey,
  type JourneyTargets,
} from "./journeys.ts";
import {
  d1CostOf,
  loadJourney,
  requestOnce,
  summarise,
  type CostSample,
  type D1Cost,
  type LoadOptions,
  type Session,
} from "./load.ts";
import type { JourneyResult, PlanLine, SchedulerCost, TracedStatement } from "./report.ts";
import { BENCH_PASSWORD, type BenchPersona, type BenchPlan } from "./seed-plan.ts";
import { startDevServer, writeBareConfig } from "./server.ts";

export type Targets = Omit<JourneyTargets, "deepCursors"> & { plan: BenchPlan };

export type Capture = {
  targets: JourneyTargets & { plan: BenchPlan };
  journeys: { journey: Journey; cost: CostSample; statements: TracedStatement[] }[];
  signIn: CostSample & { statements: TracedStatement[] };
  scheduler: SchedulerCost;
  distinctStatements: number;
};

/** Requests per journey whose `Server-Timing` is read: one per comment count (see journeys.ts). */
const SAMPLES = COMMENT_COUNTS.length;
/** Votes cast (then taken back) to price what the scheduler does with each new vote. */
const DERIVE_VOTES = 5;

/**
 * How many of a paying journey's samples its daily cap still pays: the bench's one actor reaches the
 * cap within the samples (comments: 5 of 10), after which a request earns nothing and writes less.
 */
function paidSamples(journey: Journey): number | undefined {
  if (!journey.pays) return undefined;
  const cap = DEFAULT_RULES.rules[journey.pays].dailyCap;
  return cap === null ? SAMPLES : Math.min(cap, SAMPLES);
}

/** Journeys measured in their own load run: a paired inverse (vote ⇄ retract) runs with its write. */
const isPairedInverse = (j: Journey) => JOURNEYS.some((other) => other.pairedWith === j.key);

async function signIn(
  baseUrl: string,
  plan: BenchPlan,
  persona: BenchPersona,
): Promise<{ session: Session; cost: D1Cost }> {
  const index = plan.personas[persona] - plan.user0;
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { origin: baseUrl, "content-type": "application/json" },
    body: JSON.stringify({ identifier: `asn${index}@${plan.slug}.bench.go.id`, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${persona} failed: ${res.status} ${await res.text()}`);
  const cookie = /(__Host-gagas_session=[^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
  if (!cookie) throw new Error(`no session cookie for ${persona}`);
  return { session: { cookie }, cost: d1CostOf(res.headers.get("server-timing")) };
}

async function signInAll(baseUrl: string, plan: BenchPlan) {
  const personas = [...new Set(JOURNEYS.map((j) => j.persona))];
  const sessions = {} as Record<BenchPersona, Session>;
  const costs: D1Cost[] = [];
  for (const persona of personas) {
    const { session, cost } = await signIn(baseUrl, plan, persona);
    sessions[persona] = session;
    costs.push(cost);
  }
  return { sessions, costs };
}

/** The `nextCursor` after `DEEP_PAGES` pages of each sort (or of the last page there is). */
async function deepCursors(baseUrl: string, session: Session): Promise<Record<IdeaSort, string>> {
  const out = {} as Record<IdeaSort, string>;
  for (const sort of IDEA_SORTS) {
    let cursor: string | null = null;
    for (let page = 0; page < DEEP_PAGES; page++) {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const res = await fetch(`${baseUrl}/api/v1/ideas?sort=${sort}${query}`, { headers: { cookie: session.cookie } });
      const body = (await res.json()) as { nextCursor: string | null };
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
    }
    if (!cursor) throw new Error(`sort=${sort}: no second page`);
    out[sort] = cursor;
  }
  return out;
}

/**
 * Takes back every vote the voter may hold on the vote targets (a load run stops between a vote and
 * its retraction; an interrupted bench leaves votes): the campaign's budget is free again.
 */
async function retractAll(baseUrl: string, session: Session, targets: JourneyTargets): Promise<void> {
  const retract = journeyByKey("vote.retract");
  for (let n = 0; n < targets.voteIdeaIds.length; n++) await requestOnce(baseUrl, session, retract, targets, n);
}

type TraceLine = { source: string; sql: string; params: unknown[]; rowsRead: number; rowsWritten: number };

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

function parseOutput(output: string): { traces: TraceLine[]; schedulerCosts: D1Cost[] } {
  const traces: TraceLine[] = [];
  const schedulerCosts: D1Cost[] = [];
  for (const raw of output.replace(ANSI, "").split("\n")) {
    const start = raw.indexOf('{"d1trace"');
    if (start >= 0) {
      traces.push((JSON.parse(raw.slice(start, raw.lastIndexOf("}") + 1)) as { d1trace: TraceLine }).d1trace);
      continue;
    }
    const report = raw.indexOf('{"msg":"scheduler"');
    if (report >= 0) {
      const { cost } = JSON.parse(raw.slice(report, raw.lastIndexOf("}") + 1)) as { cost: string };
      schedulerCosts.push(d1CostOf(cost));
    }
  }
  return { traces, schedulerCosts };
}

/** The distinct statements among traces, each with the most rows it read. */
function distinct(traces: TraceLine[]): TracedStatement[] {
  const bySql = new Map<string, TracedStatement>();
  for (const t of traces) {
    const seen = bySql.get(t.sql);
    if (!seen || t.rowsRead > seen.rowsRead)
      bySql.set(t.sql, { sql: t.sql, params: t.params, rowsRead: t.rowsRead, rowsWritten: t.rowsWritten });
  }
  return [...bySql.values()];
}

export async function captureScale(config: string, persistTo: string, t: Targets): Promise<Capture> {
  const server = await startDevServer({
    config,
    persistTo,
    logLevel: "log",
    vars: { D1_TRACE: "1", ...BENCH_VARS },
    testScheduled: true,
  });
  const { baseUrl } = server;
  let output: string;
  const samples = new Map<string, D1Cost[]>();
  let targets: JourneyTargets & { plan: BenchPlan };
  let signInCosts: D1Cost[];
  try {
    const signedIn = await signInAll(baseUrl, t.plan);
    signInCosts = signedIn.costs;
    const { sessions } = signedIn;
    targets = { ...t, deepCursors: await deepCursors(baseUrl, sessions.asn) };
    await retractAll(baseUrl, sessions.voter, targets);
    for (const journey of JOURNEYS) {
      if (isPairedInverse(journey)) continue;
      const inverse = journey.pairedWith ? journeyByKey(journey.pairedWith) : undefined;
      if (journey.warmUp) await requestOnce(baseUrl, sessions[journey.persona], journey, targets, 0);
      for (let n = 0; n < SAMPLES; n++) {
        for (const j of inverse ? [journey, inverse] : [journey]) {
          const { cost } = await requestOnce(baseUrl, sessions[j.persona], j, targets, n);
          samples.set(j.key, [...(samples.get(j.key) ?? []), cost]);
        }
      }
    }
    // 0: takes in what the samples wrote (their comments); 1, 2: drain anything left (a backlog, a unit-size
    // refresh that fell due); 3: idle; 4: takes in DERIVE_VOTES new votes; 5: after those are taken back;
    // 6: two hours on, due to refresh the unit sizes. All at one scheduled time, so no refresh falls due between.
    const at = Date.now();
    const scheduled = `${baseUrl}/cdn-cgi/handler/scheduled?cron=*+*+*+*+*`;
    const run = async (time = at) => {
      const res = await fetch(`${scheduled}&time=${time}`);
      if (!res.ok) throw new Error(`scheduled run: ${res.status} ${await res.text()}`);
    };
    const vote = journeyByKey("vote.cast");
    const retract = journeyByKey("vote.retract");
    for (let n = 0; n < 4; n++) await run();
    for (let n = 0; n < DERIVE_VOTES; n++) await requestOnce(baseUrl, sessions.voter, vote, targets, SAMPLES + n);
    await run();
    for (let n = 0; n < DERIVE_VOTES; n++) await requestOnce(baseUrl, sessions.voter, retract, targets, SAMPLES + n);
    await run();
    await run(at + 2 * 3_600_000);
    await new Promise((r) => setTimeout(r, 2_000)); // let the last log lines arrive
    output = server.output();
  } finally {
    await server.stop();
  }
  const { traces, schedulerCosts } = parseOutput(output);
  if (schedulerCosts.length !== 7) throw new Error(`expected 7 scheduler reports, found ${schedulerCosts.length}`);
  const journeys = JOURNEYS.map((journey) => {
    const sources = new Set(Array.from({ length: SAMPLES }, (_, n) => `${journey.method} ${journey.path(targets, n)}`));
    return {
      journey,
      cost: summarise(samples.get(journey.key)!, paidSamples(journey)),
      statements: distinct(traces.filter((tr) => sources.has(tr.source))),
    };
  });
  const [comments, , , idle, votes, , hourly] = schedulerCosts as D1Cost[] as [
    D1Cost,
    D1Cost,
    D1Cost,
    D1Cost,
    D1Cost,
    D1Cost,
    D1Cost,
  ];
  const per = (busy: D1Cost, n: number): D1Cost => ({
    q: (busy.q - idle.q) / n,
    r: (busy.r - idle.r) / n,
    w: (busy.w - idle.w) / n,
    rt: (busy.rt - idle.rt) / n,
  });
  const scheduler = {
    idle,
    hourly,
    perVote: per(votes, DERIVE_VOTES),
    perComment: per(comments, SAMPLES),
    statements: distinct(traces.filter((tr) => tr.source === "scheduler")),
  };
  const signIn = {
    ...summarise(signInCosts),
    statements: distinct(traces.filter((tr) => tr.source === "POST /api/v1/auth/login")),
  };
  const all = [...journeys.flatMap((j) => j.statements), ...scheduler.statements, ...signIn.statements];
  return { targets, journeys, signIn, scheduler, distinctStatements: new Set(all.map((s) => s.sql)).size };
}

/** SQL with its `?` parameters written in as literals (outside quotes), for EXPLAIN. */
export function inlineParams(sql: string, params: unknown[]): string {
  let out = "";
  let i = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === "?") {
      out += literal(params[i++]);
    } else {
      out += ch;
    }
  }
  return out;
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "1" : "0";
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** Adds `plan` to every captured statement: one `wrangler d1 execute --file` of EXPLAIN QUERY PLANs. */
export async function explainStatements(persistTo: string, capture: Capture): Promise<void> {
  const statements = [
    ...capture.journeys.flatMap((j) => j.statements),
    ...capture.scheduler.statements,
    ...capture.signIn.statements,
  ];
  const unique = [...new Map(statements.map((s) => [s.sql, s])).values()];
  const file = path.join(persistTo, "explain.sql");
  writeFileSync(file, unique.map((s) => `EXPLAIN QUERY PLAN ${inlineParams(s.sql, s.params)};`).join("\n"));
  const out = await wrangler(
    ["d1", "execute", "gagas", "--local", "--persist-to", persistTo, "--json", "--file", file],
    {
      quiet: true,
    },
  );
  const results = JSON.parse(out.slice(out.indexOf("["))) as { results: PlanLine[] }[];
  const plans = new Map(unique.map((s, i) => [s.sql, results[i]?.results ?? []]));
  for (const s of statements) s.plan = plans.get(s.sql) ?? [];
}

/** The bare Worker's two routes (`scripts/bench/bare/worker.ts`), as journeys for autocannon. */
export const BARE_ROUTES = {
  top20: (agency: number): Journey => ({
    key: "bare.top20",
    label: "bare Worker: indexed top-20 (one D1 call)",
    persona: "asn",
    method: "GET",
    path: () => `/bare/top20?agency=${agency}`,
  }),
  plain: (): Journey => ({
    key: "bare.plain",
    label: "bare Worker: no database",
    persona: "asn",
    method: "GET",
    path: () => "/bare/plain",
  }),
};

/** req/s of the bare Worker's routes, before and after the journeys (ratios use the mean). */
export type BareRuns = { top20: [number, number]; plain: [number, number] };

export type LoadRun = {
  bare: BareRuns;
  journeys: JourneyResult[];
  /** the baseline's req/s before the journeys and after them (the ratio uses their mean) */
  baselineRuns: [number, number];
  /** the machine's 1-minute load average when the load runs started and ended */
  loadAverage: [number, number];
};

export async function loadScale(
  config: string,
  persistTo: string,
  capture: Capture,
  options: LoadOptions,
): Promise<LoadRun> {
  const server = await startDevServer({
    config,
    persistTo,
    logLevel: "warn",
    vars: BENCH_VARS,
    // the load runs fold the point totals between journeys, as the Cron Trigger does each minute
    testScheduled: true,
  });
  // the platform's floor, over the same D1, in the same run (issue 22.5)
  const bareServer = await startDevServer({
    config: writeBareConfig(path.dirname(config)),
    persistTo,
    logLevel: "warn",
  });
  const { baseUrl } = server;
  const figures = new Map<string, JourneyResult["load"]>();
  const loadAverage: number[] = [os.loadavg()[0]!];
  const baseline = journeyByKey("baseline");
  const bareTop20 = BARE_ROUTES.top20(capture.targets.plan.agency);
  const barePlain = BARE_ROUTES.plain();
  const bare: BareRuns = { top20: [0, 0], plain: [0, 0] };
  const fold = async () => {
    const res = await fetch(`${baseUrl}/cdn-cgi/handler/scheduled?cron=*+*+*+*+*`);
    if (!res.ok) throw new Error(`scheduled run: ${res.status}`);
  };
  let after: JourneyResult["load"];
  try {
    const { sessions } = await signInAll(baseUrl, capture.targets.plan);
    const bareRun = async (i: 0 | 1) => {
      bare.top20[i] = (await loadJourney(bareServer.baseUrl, sessions.asn, bareTop20, capture.targets, options)).rps;
      bare.plain[i] = (await loadJourney(bareServer.baseUrl, sessions.asn, barePlain, capture.targets, options)).rps;
    };
    // warm-up: bundle compiled, caches filled (both Workers)
    await loadJourney(baseUrl, sessions.asn, baseline, capture.targets, { ...options, seconds: 2 });
    await loadJourney(bareServer.baseUrl, sessions.asn, bareTop20, capture.targets, { ...options, seconds: 2 });
    await bareRun(0);
    for (const journey of JOURNEYS) {
      if (isPairedInverse(journey)) continue;
      const inverse = journey.pairedWith ? journeyByKey(journey.pairedWith) : undefined;
      const result = await loadJourney(baseUrl, sessions[journey.persona], journey, capture.targets, options, inverse);
      figures.set(journey.key, result);
      if (inverse) figures.set(inverse.key, result);
      await fold();
      process.stdout.write(".");
    }
    process.stdout.write("\n");
    await retractAll(baseUrl, sessions.voter, capture.targets);
    after = await loadJourney(baseUrl, sessions[baseline.persona], baseline, capture.targets, options);
    await bareRun(1);
    loadAverage.push(os.loadavg()[0]!);
  } finally {
    await Promise.all([server.stop(), bareServer.stop()]);
  }
  const before = figures.get(baseline.key)!;
  // the machine may be busier at one end of the run than at the other: the reference is the mean
  figures.set(baseline.key, { ...before, rps: (before.rps + after.rps) / 2 });
  return {
    bare,
    journeys: capture.journeys.map((j) => ({ ...j, load: figures.get(j.journey.key)! })),
    baselineRuns: [before.rps, after.rps],
    loadAverage: loadAverage as [number, number],
  };
}
