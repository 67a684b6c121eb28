/**
 * `npm run bench`: speed and D1 cost per request at pilot (S) and provincial (L) scale.
 *
 * For each scale: seed a separate local D1 (`.bench/<scale>`), then
 * 1. a capture server (`wrangler dev`, `D1_TRACE=1`, `--test-scheduled`): sign in the personas, page
 *    down each list for the deep cursors, sample every journey's `Server-Timing`, run the scheduler
 *    idle and hourly, and record every statement each journey ran;
 * 2. `EXPLAIN QUERY PLAN` of those statements with `wrangler d1 execute --command`;
 * 3. a load server (`wrangler dev --log-level warn`): autocannon on every journey, the baseline first.
 * Then the table on stdout, `docs/BENCHMARKS.md`, and exit 1 if a budget is broken.
 *
 * Usage: npm run bench [-- --scales S,L] [--seconds 6] [--connections 10] [--reuse] [--report-only]
 *   --reuse keeps an already seeded `.bench/<scale>` (seeded less than a day ago)
 *   --report-only writes the report again from the last run's measurements (`.bench/results.json`),
 *     e.g. after editing the findings; the budgets are checked again too
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { format, resolveConfig } from "prettier";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { CITY_ASN, dailyCost, PROVINCE_ASN } from "./daily-mix.ts";
import { captureScale, explainStatements, loadScale, type Targets } from "./phases.ts";
import {
  costModel,
  provinceProblems,
  growthProblems,
  markdownReport,
  stdoutTable,
  type Machine,
  type ScaleResult,
} from "./report.ts";
import { SCALES, planOf, EMPTY_BASE, type BenchPlan } from "./seed-plan.ts";
import { d1Query, seedBench } from "./seed.ts";
import { ROOT, writeBenchConfig } from "./server.ts";
import { journeyByKey, SEARCH_TERM, targetQueries } from "./journeys.ts";
import { findings } from "./findings.ts";
import type { D1Cost } from "./load.ts";

const { values } = parseArgs({
  options: {
    scales: { type: "string", default: "S,L" },
    seconds: { type: "string", default: "6" },
    connections: { type: "string", default: "10" },
    reuse: { type: "boolean", default: false },
    "report-only": { type: "boolean", default: false },
  },
});
const scaleKeys = values.scales.split(",").map((s) => s.trim().toUpperCase()) as ("S" | "L")[];
const load = { seconds: Number(values.seconds), connections: Number(values.connections) };
const BENCH_DIR = path.join(ROOT, ".bench");

function machine(): Machine {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const version = (pkg: string) =>
    (JSON.parse(readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string })
      .version;
  const nestedWorkerd = path.join("wrangler", "node_modules", "workerd");
  return {
    cpus: os.availableParallelism(),
    cpuModel: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? "unknown",
    memoryGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    wrangler: version("wrangler"),
    workerd: version(existsSync(path.join(ROOT, "node_modules", nestedWorkerd)) ? nestedWorkerd : "workerd"),
    date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
    connections: load.connections,
    seconds: load.seconds,
  };
}

type SeedMarker = { now: number; seconds: number; counts: Record<string, number> };

/** Seeds the scale, or reuses a seed of the last day when asked to. */
async function seeded(
  key: "S" | "L",
  persistTo: string,
): Promise<{ plan: BenchPlan; marker: SeedMarker; reused: boolean }> {
  const markerFile = path.join(persistTo, "seeded.json");
  if (values.reuse && existsSync(markerFile)) {
    const marker = JSON.parse(readFileSync(markerFile, "utf8")) as SeedMarker;
    if (Date.now() - marker.now < 86_400_000) {
      return { plan: planOf(SCALES[key], EMPTY_BASE, marker.now), marker, reused: true };
    }
  }
  console.log(`[${key}] seeding ${persistTo} …`);
  const report = await seedBench(SCALES[key], persistTo);
  const marker = { now: report.plan.now, seconds: report.seconds, counts: report.counts };
  writeFileSync(markerFile, JSON.stringify(marker));
  console.log(`[${key}] seeded in ${report.seconds.toFixed(0)} s: ${JSON.stringify(report.counts)}`);
  return { plan: report.plan, marker, reused: false };
}

async function benchScale(key: "S" | "L", config: string): Promise<ScaleResult> {
  const persistTo = path.join(BENCH_DIR, key);
  const { plan, marker, reused } = await seeded(key, persistTo);
  const started = performance.now();
  const [ideaRows, voteRows] = await d1Query(persistTo, targetQueries(plan).join(";\n"));
  const targets: Targets = {
    plan,
    ideaIds: JSON.parse(String(ideaRows![0]!.ids)) as number[],
    voteIdeaIds: JSON.parse(String(voteRows![0]!.ids)) as number[],
    campaignInReview: plan.inReview,
    searchTerm: SEARCH_TERM,
  };
  console.log(`[${key}] capture: samples, traces, scheduler …`);
  const capture = await captureScale(config, persistTo, targets);
  console.log(`[${key}] EXPLAIN QUERY PLAN of ${capture.distinctStatements} statements …`);
  await explainStatements(persistTo, capture);
  console.log(`[${key}] load: ${capture.journeys.length} journeys × ${load.seconds} s …`);
  const run = await loadScale(config, persistTo, capture, load);
  const result: ScaleResult = {
    scale: key,
    counts: marker.counts,
    seedSeconds: marker.seconds,
    reused,
    benchSeconds: (performance.now() - started) / 1000,
    journeys: run.journeys,
    baselineRuns: run.baselineRuns,
    bare: run.bare,
    loadAverage: run.loadAverage,
    signIn: capture.signIn,
    scheduler: capture.scheduler,
  };
  console.log(stdoutTable(result));
  return result;
}

const RESULTS_FILE = path.join(BENCH_DIR, "results.json");
let info: Machine;
let results: ScaleResult[];
if (values["report-only"]) {
  ({ info, results } = JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as { info: Machine; results: ScaleResult[] });
} else {
  const config = writeBenchConfig(BENCH_DIR);
  info = machine();
  results = [];
  for (const key of scaleKeys) results.push(await benchScale(key, config));
  writeFileSync(RESULTS_FILE, JSON.stringify({ info, results }));
}

const problems: string[] = [];
const small = results.find((r) => r.scale === "S");
const large = results.find((r) => r.scale === "L");
if (small && large) problems.push(...growthProblems(small, large));

// a figure at another agency size: interpolated (a 5,000-ASN city lies between S and L) or extrapolated
// (a 50,000-ASN province lies past L) on the ASN count, never below the smaller scale's figure
const rowsAt = (pick: (r: ScaleResult) => D1Cost, asn: number): D1Cost => {
  const [a, b] = [results[0]!, results.at(-1)!];
  const [na, nb] = [SCALES[a.scale as "S" | "L"].users, SCALES[b.scale as "S" | "L"].users];
  const t = na === nb ? 0 : (asn - na) / (nb - na);
  const [ca, cb] = [pick(a), pick(b)];
  const at = (k: keyof D1Cost) => Math.max(ca[k] + (cb[k] - ca[k]) * t, Math.min(ca[k], cb[k]));
  return { q: at("q"), r: at("r"), w: at("w"), rt: at("rt") };
};
/**
 * Writes that pay points are priced at the mean of the samples their daily cap still paid: the
 * bench's one voter and one commenter reach the caps of `vote_cast` and `comment_posted` within the
 * samples, after which they earn nothing (cheaper), while the city's 2,000 voters each earn for both
 * votes. A result file written before `paid` existed prices them at the dearest sample.
 */
const meanOf = (r: ScaleResult, key: string): D1Cost => {
  if (key === "sign-in") return r.signIn.mean;
  // a primary-key UPDATE of one column no index holds (middlewares/session.ts)
  if (key === "session.touch") return { q: 1, r: 1, w: 1, rt: 1 };
  const { cost } = r.journeys.find((j) => j.journey.key === key)!;
  return journeyByKey(key).pays ? (cost.paid ?? cost.max) : cost.mean;
};
const dayAt = (asn: number) =>
  dailyCost(
    (key) => rowsAt((r) => meanOf(r, key), asn),
    {
      idle: rowsAt((r) => r.scheduler.idle, asn),
      hourly: rowsAt((r) => r.scheduler.hourly, asn),
      perVote: rowsAt((r) => r.scheduler.perVote, asn),
      perComment: rowsAt((r) => r.scheduler.perComment, asn),
    },
    asn,
  );
const day = dayAt(CITY_ASN);
const model = costModel(day, dayAt(PROVINCE_ASN));
problems.push(...provinceProblems(model));

// formatted as the repository's Prettier settings say, so the report passes `npm run lint` as written
const reportFile = path.join(ROOT, "docs", "BENCHMARKS.md");
const report = markdownReport({ machine: info, scales: results, day, model, problems, notes: findings });
writeFileSync(reportFile, await format(report, { ...(await resolveConfig(reportFile)), filepath: reportFile }));
console.log(
  `Daily mix of a 5,000-ASN city: ${Math.round(day.rowsRead).toLocaleString("en")} rows read, ${Math.round(day.rowsWritten).toLocaleString("en")} rows written.\n` +
    `A 50,000-ASN province a month: ${Math.round(model.province.monthRead).toLocaleString("en")} rows read, ${Math.round(model.province.monthWritten).toLocaleString("en")} rows written (Workers Paid includes 25,000,000,000 and 50,000,000).`,
);
if (problems.length > 0) {
  console.error(`\nBudget broken:\n${problems.map((p) => `- ${p}`).join("\n")}`);
  process.exitCode = 1;
} else {
  console.log("\nAll budgets hold. Wrote docs/BENCHMARKS.md.");
}
