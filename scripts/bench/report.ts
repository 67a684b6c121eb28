/**
 * Turning the bench's measurements into the stdout table, the budget verdicts and
 * `docs/BENCHMARKS.md`.
 */
import {
  ACTIVE_SHARE,
  DAYS_A_MONTH,
  FREE_TIER,
  freeTierActiveAsn,
  MIX_ASSUMPTIONS,
  PROVINCE_ASN,
  WORKERS_PAID,
  type DailyCost,
} from "./daily-mix.ts";
import { JOURNEYS, type Journey } from "./journeys.ts";
import type { CostSample, D1Cost, LoadFigures } from "./load.ts";
import type { BareRuns } from "./phases.ts";

export type PlanLine = { id: number; parent: number; detail: string };
export type TracedStatement = {
  sql: string;
  params: unknown[];
  rowsRead: number;
  rowsWritten: number;
  plan?: PlanLine[];
};

export type JourneyResult = {
  journey: Journey;
  cost: CostSample;
  load: LoadFigures;
  /** distinct statements of the journey as traced on the capture server */
  statements: TracedStatement[];
};

export type ScaleResult = {
  scale: string;
  counts: Record<string, number>;
  seedSeconds: number;
  /** the seed of an earlier run was used (`--reuse`) */
  reused: boolean;
  benchSeconds: number;
  journeys: JourneyResult[];
  /** req/s of the baseline before and after the journeys */
  baselineRuns: [number, number];
  /** req/s of the bare Worker's routes before and after the journeys */
  bare: BareRuns;
  /** 1-minute load average of the machine when the load runs started and ended */
  loadAverage: [number, number];
  signIn: CostSample & { statements: TracedStatement[] };
  scheduler: SchedulerCost;
};

/** The scheduler's runs: idle, hourly (unit sizes), and what taking in one new vote or comment adds. */
export type SchedulerCost = {
  idle: D1Cost;
  hourly: D1Cost;
  perVote: D1Cost;
  perComment: D1Cost;
  statements: TracedStatement[];
};

export type Machine = {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  wrangler: string;
  workerd: string;
  date: string;
  connections: number;
  seconds: number;
};

/** Rows read at L may exceed S by at most this many (cost must not grow with the data). */
export const GROWTH_ALLOWANCE = 10;

export type Verdict = { ok: boolean; problems: string[] };

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const cost = (c: D1Cost) => `${fmt(c.q, 1)} / ${fmt(c.r, 1)} / ${fmt(c.w, 1)} / ${fmt(c.rt ?? 0, 1)}`;

function baselineOf(s: ScaleResult): number {
  return s.journeys.find((j) => j.journey.key === "baseline")?.load.rps ?? NaN;
}

const mean = (runs: [number, number]) => (runs[0] + runs[1]) / 2;

/** The bare Worker's req/s (mean of its runs before and after the journeys): top-20 over D1, and no database. */
export const bareOf = (s: ScaleResult) => ({ top20: mean(s.bare.top20), plain: mean(s.bare.plain) });

/** One row per journey: throughput, its ratios to the baseline and to the bare Worker, latency, D1 per request. */
export function journeyTable(s: ScaleResult): string[][] {
  const base = baselineOf(s);
  const bare = bareOf(s);
  return s.journeys.map((j) => [
    j.journey.label,
    fmt(j.load.rps),
    fmt(j.load.rps / base, 2),
    fmt(j.load.rps / bare.top20, 2),
    fmt(j.load.rps / bare.plain, 2),
    fmt(j.load.p50, 1),
    fmt(j.load.p99, 1),
    cost(j.cost.mean),
    cost(j.cost.max),
    j.load.non2xx + j.load.errors > 0 ? `${j.load.non2xx} non-2xx, ${j.load.errors} errors` : "",
  ]);
}

const HEADER = [
  "journey",
  "req/s",
  "× baseline",
  "× bare top-20",
  "× bare no-DB",
  "p50 ms",
  "p99 ms",
  "q / r / w / rt (mean)",
  "q / r / w / rt (max)",
  "failures",
];

/** Issue 22's targets for throughput against the bare Worker, per scale. */
export function targetLines(s: ScaleResult): string[] {
  const bare = bareOf(s);
  const rps = (key: string) => s.journeys.find((j) => j.journey.key === key)?.load.rps ?? NaN;
  const check = (label: string, value: number, target: number) =>
    `- ${label}: **${fmt(value, 2)}×** (target ≥ ${fmt(target, 1)}×) — ${value >= target ? "met" : "**not met**"}`;
  return [
    check("a vote (cast and retract in turn) to the bare top-20 route", rps("vote.cast") / bare.top20, 0.5),
    check("the idea list (newest, first page) to the bare top-20 route", rps("ideas.new.first") / bare.top20, 0.6),
    check("the baseline to the bare no-database route", baselineOf(s) / bare.plain, 0.5),
  ];
}

function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? "---" : "---:"))), ...rows.map(line)].join("\n");
}

export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function stdoutTable(s: ScaleResult): string {
  return `\nScale ${s.scale}\n${textTable(HEADER, journeyTable(s))}\n`;
}

/** Rows read per request must not grow with the data: L ≤ S + allowance, journey by journey. */
export function growthProblems(small: ScaleResult, large: ScaleResult): string[] {
  return large.journeys.flatMap((l) => {
    const s = small.journeys.find((x) => x.journey.key === l.journey.key);
    if (!s) return [];
    return l.cost.mean.r > s.cost.mean.r + GROWTH_ALLOWANCE
      ? [
          `${l.journey.label}: ${fmt(l.cost.mean.r, 1)} rows read per request at ${large.scale} vs ${fmt(s.cost.mean.r, 1)} at ${small.scale} (allowed: +${GROWTH_ALLOWANCE})`,
        ]
      : [];
  });
}

/** A scale of deployment a month: its rows against Workers Paid's included quota. */
export type MonthCost = { asn: number; dayRead: number; dayWritten: number; monthRead: number; monthWritten: number };

/** The cost model of issue 22: a pilot on the free tier, a city and a province on Workers Paid. */
export type CostModel = { pilotActiveAsn: number; city: MonthCost; province: MonthCost };

const monthOf = (day: DailyCost): MonthCost => ({
  asn: day.asn,
  dayRead: day.rowsRead,
  dayWritten: day.rowsWritten,
  monthRead: day.rowsRead * DAYS_A_MONTH,
  monthWritten: day.rowsWritten * DAYS_A_MONTH,
});

export function costModel(city: DailyCost, province: DailyCost): CostModel {
  return { pilotActiveAsn: freeTierActiveAsn(city), city: monthOf(city), province: monthOf(province) };
}

/** `npm run bench` fails when a province of 50,000 ASN would exceed Workers Paid's included rows. */
export function provinceProblems(model: CostModel): string[] {
  const p = model.province;
  return [
    ...(p.monthRead > WORKERS_PAID.rowsRead
      ? [
          `a ${fmt(p.asn)}-ASN province reads ${fmt(p.monthRead)} rows a month, over Workers Paid's ${fmt(WORKERS_PAID.rowsRead)}`,
        ]
      : []),
    ...(p.monthWritten > WORKERS_PAID.rowsWritten
      ? [
          `a ${fmt(p.asn)}-ASN province writes ${fmt(p.monthWritten)} rows a month, over Workers Paid's ${fmt(WORKERS_PAID.rowsWritten)}`,
        ]
      : []),
  ];
}

function costModelSection(model: CostModel): string[] {
  const pct = (n: number, of: number) => `${fmt((100 * n) / of, 1)} %`;
  const row = (label: string, m: MonthCost) => [
    label,
    fmt(m.asn),
    fmt(m.dayRead),
    fmt(m.dayWritten),
    `${fmt(m.monthRead)} (${pct(m.monthRead, WORKERS_PAID.rowsRead)})`,
    `${fmt(m.monthWritten)} (${pct(m.monthWritten, WORKERS_PAID.rowsWritten)})`,
  ];
  return [
    "## Daily cost model: pilot, city, province",
    "",
    `The standard day below, per ASN, scaled to three deployments (${fmt(ACTIVE_SHARE * 100)} % of the ASN active on a day;`,
    `every line grows with the ASN except the scheduler's idle and hourly runs; per-request rows interpolated or, past L,`,
    `extrapolated on the ASN count; a month = ${DAYS_A_MONTH} such days, an upper bound). The free tier is for pilots;`,
    "a city runs on Workers Paid, whose included monthly quota is 25 billion rows read and 50 million rows written.",
    "",
    `- **Pilot, free tier** (${fmt(FREE_TIER.rowsRead)} rows read and ${fmt(FREE_TIER.rowsWritten)} written a day): about **${fmt(model.pilotActiveAsn)} ASN active a day** fit.`,
    "",
    markdownTable(
      [
        "Workers Paid",
        "ASN",
        "rows read / day",
        "rows written / day",
        "rows read / month (of quota)",
        "rows written / month (of quota)",
      ],
      [row("city", model.city), row("province", model.province)],
    ),
    "",
    `\`npm run bench\` fails when the province exceeds the included quota.`,
    "",
  ];
}

/** Indents EXPLAIN QUERY PLAN rows like the sqlite3 shell. */
export function renderPlan(plan: PlanLine[]): string {
  const depth = new Map<number, number>([[0, -1]]);
  return plan
    .map((p) => {
      const d = (depth.get(p.parent) ?? -1) + 1;
      depth.set(p.id, d);
      return `${"   ".repeat(d)}${p.detail}`;
    })
    .join("\n");
}

const SESSION_LOOKUP = /from "sessions" inner join "users"/;

function statementsSection(title: string, statements: TracedStatement[]): string {
  const shown = statements.filter((st) => !SESSION_LOOKUP.test(st.sql));
  if (shown.length === 0) return "";
  const blocks = shown.map((st) => {
    const sql = st.sql.length > 600 ? `${st.sql.slice(0, 600)} …` : st.sql;
    return [
      `rows read ${fmt(st.rowsRead)}, written ${fmt(st.rowsWritten)}`,
      "```sql",
      sql,
      "```",
      "```text",
      st.plan ? renderPlan(st.plan) : "(no plan)",
      "```",
    ].join("\n");
  });
  return `<details><summary>${title}</summary>\n\n${blocks.join("\n\n")}\n\n</details>\n`;
}

export function markdownReport(input: {
  machine: Machine;
  scales: ScaleResult[];
  day: DailyCost;
  model: CostModel;
  problems: string[];
  notes: string[];
}): string {
  const { machine, scales, day, model, problems, notes } = input;
  const out: string[] = [];
  out.push(
    "# Benchmarks",
    "",
    "Generated by `npm run bench` (`scripts/bench/`): it seeds a synthetic agency into a separate local D1 at two",
    "scales, serves the Worker with `wrangler dev --log-level warn` on loopback, and drives each user journey with",
    `autocannon (${machine.connections} connections × ${machine.seconds} s per journey). D1 figures per request come from the`,
    "`Server-Timing` header of sampled requests (`q` statements, `r` rows read, `w` rows written: D1's own `meta`;",
    "`rt` round trips to D1, each a few milliseconds of waiting whatever it carries).",
    "Throughput is also given as a ratio to the **baseline** (`GET /api/v1/bench/baseline`: the session lookup plus one",
    "indexed point read; served only by a Worker started with `--var BENCH_ROUTES:1`, as the bench does, and absent",
    "from the API contract), and to a **bare Worker** started in the same run over the same D1",
    "(`scripts/bench/bare/worker.ts`: no framework, no session; `GET /bare/top20`, one indexed top-20 query, and",
    "`GET /bare/plain`, no database), so figures compare across machines and no peer is needed. Between journeys the",
    "load run triggers the scheduler, as the Cron Trigger would each minute (it folds the point totals). `npm test` keeps",
    "a rows-read budget per journey (`test/journey-budget.test.ts`), so a regression fails CI without this run.",
    "",
    "## Machine",
    "",
    `- ${machine.cpus} CPUs (${machine.cpuModel}), ${fmt(machine.memoryGiB)} GiB memory`,
    `- Node ${machine.node}, wrangler ${machine.wrangler}, workerd ${machine.workerd}`,
    `- run on ${machine.date}; the bench shares the machine with whatever else runs (load generator included)`,
    "",
    "## Data",
    "",
  );
  const tables = [
    "users",
    "units",
    "campaigns",
    "ideas",
    "idea_events",
    "votes",
    "comments",
    "review_assignments",
    "reviews",
    "point_ledger",
    "point_totals",
    "user_badges",
    "notifications",
    "stats_counters",
    "participants",
  ];
  out.push(
    markdownTable(
      ["rows", ...scales.map((s) => s.scale)],
      tables.map((t) => [t, ...scales.map((s) => fmt(s.counts[t] ?? 0))]),
    ),
    "",
    markdownTable(
      ["time", ...scales.map((s) => s.scale)],
      [
        [
          "seed (migrations, bulk SQL, invariants)",
          ...scales.map((s) => `${fmt(s.seedSeconds)} s${s.reused ? " (an earlier run's seed, reused)" : ""}`),
        ],
        ["bench (capture, EXPLAIN, load runs)", ...scales.map((s) => `${fmt(s.benchSeconds)} s`)],
      ],
    ),
    "",
    "One agency with 48 units; the Kotak Ide and 12 quarterly competitions over three years (ten announced, one in",
    "review with a committee of a chair and 8 reviewers, one in voting); votes skewed over ideas (a truncated Pareto:",
    "most ideas get a handful, the top ones hundreds), never by the idea's team, inside the voting windows; two ledger",
    "rows per vote (the voter's `vote_cast`, the author's `vote_received`) with each person's and unit's totals computed",
    "from the ledger by the scheduler's fold statement; notifications and dashboard counters as the scheduler derives them, its watermarks past the",
    "seeded rows. Units, committees and the number of ideas that reach review are the same at both scales: what a",
    "person sees on a screen does not grow with the agency; only the history does. Invariants checked after seeding:",
    "`vote_count` = votes, `comment_count` = visible comments, `hot`, no vote by an idea's team, totals = ledger sums.",
    "",
  );
  for (const s of scales) {
    out.push(
      `## Scale ${s.scale}`,
      "",
      `Baseline ${fmt(s.baselineRuns[0])} req/s before the journeys and ${fmt(s.baselineRuns[1])} after; bare Worker top-20 ` +
        `${fmt(s.bare.top20[0])} and ${fmt(s.bare.top20[1])}, no database ${fmt(s.bare.plain[0])} and ${fmt(s.bare.plain[1])} ` +
        `(ratios use the means); machine load average ${fmt(s.loadAverage[0], 1)} at the start of the load runs and ${fmt(s.loadAverage[1], 1)} at the end.`,
      "",
      markdownTable(HEADER, journeyTable(s)),
      "",
      ...targetLines(s),
      "",
    );
    out.push(
      `Sign-in: ${cost(s.signIn.mean)} (q / r / w / rt). Scheduler, idle run: ${cost(s.scheduler.idle)}; hourly run (unit sizes refreshed): ${cost(s.scheduler.hourly)}; ` +
        `added by each new vote it takes in: ${cost(s.scheduler.perVote)}, by each new comment: ${cost(s.scheduler.perComment)}.`,
      "",
    );
  }
  out.push(
    "## Budgets",
    "",
    `- **Cost does not grow with the data**: rows read per request at L ≤ rows read at S + ${GROWTH_ALLOWANCE}, for every journey.`,
    `- **A ${fmt(PROVINCE_ASN)}-ASN province fits Workers Paid**: its month ≤ ${fmt(WORKERS_PAID.rowsRead)} rows read and ≤ ${fmt(WORKERS_PAID.rowsWritten)} rows written (the cost model below).`,
    "",
    problems.length === 0
      ? "Result: **all budgets hold.**"
      : `Result: **${problems.length} budget(s) broken**:\n\n${problems.map((p) => `- ${p}`).join("\n")}`,
    "",
    ...costModelSection(model),
    "## The standard daily mix of a 5,000-ASN city",
    "",
    ...MIX_ASSUMPTIONS.map((a) => `- ${a}`),
    "",
    markdownTable(
      [
        "requests",
        "per day",
        "rows read / request",
        "rows written / request",
        "rows read / day",
        "rows written / day",
        "why",
      ],
      day.lines.map((l) => [
        l.key,
        fmt(l.perDay),
        fmt(l.r, 1),
        fmt(l.w, 1),
        fmt(l.perDay * l.r),
        fmt(l.perDay * l.w),
        l.why,
      ]),
    ),
    "",
    `**Total: ${fmt(day.rowsRead)} rows read (${fmt((100 * day.rowsRead) / FREE_TIER.rowsRead, 1)} % of the free tier) and ${fmt(day.rowsWritten)} rows written (${fmt((100 * day.rowsWritten) / FREE_TIER.rowsWritten, 1)} %) a day.**`,
    "",
  );
  if (notes.length > 0) out.push("## Findings", "", ...notes.map((n) => `- ${n}`), "");
  out.push(
    "## Query plans",
    "",
    `Every statement each journey ran (captured on a separate \`wrangler dev\` with \`D1_TRACE=1\`, parameters inlined) and its`,
    "`EXPLAIN QUERY PLAN` from `wrangler d1 execute --command`, on the L database. The session lookup that opens every",
    "signed-in request (`sessions` by its unique `token_hash`, then `users` by primary key) is left out.",
    "",
  );
  const large = scales.at(-1)!;
  for (const j of large.journeys)
    out.push(statementsSection(`${j.journey.label} — ${cost(j.cost.mean)}`, j.statements));
  out.push(statementsSection(`sign-in — ${cost(large.signIn.mean)}`, large.signIn.statements));
  out.push(
    statementsSection(
      `scheduler (every statement of its runs, most rows any run read) — idle run ${cost(large.scheduler.idle)}`,
      large.scheduler.statements,
    ),
  );
  return out.join("\n");
}

export const JOURNEY_KEYS = JOURNEYS.map((j) => j.key);
