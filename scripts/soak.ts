/**
 * `npm run soak`: a bounded load of mixed journeys from every demo account against `wrangler dev`
 * on loopback, over a fresh, seeded local D1; then the invariants. Exits 1 on any 5xx, any request
 * left without an answer, or any invariant violation.
 *
 * Usage: npm run soak [-- --seconds 120] [--people 30] [--seed 20261111] [--keep]
 *   --people  how many demo accounts take part (all by default)
 *   --keep    keep the server's state directory (printed) for a look afterwards
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startDevServer, writeBenchConfig } from "./bench/server.ts";
import { AGENCIES, DEMO_PASSWORD } from "./seed/organisation-data.ts";
import { seed } from "./seed/index.ts";
import { checkInvariants, invariantLines } from "./soak/invariants.ts";
import { runSoak } from "./soak/run.ts";
import { wrangler } from "./wrangler.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "120" },
    people: { type: "string" },
    seed: { type: "string", default: "20261111" },
    keep: { type: "boolean", default: false },
  },
});

async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`[soak] ${label}: ${Math.round(performance.now() - started)} ms`);
  return result;
}

const everyone = AGENCIES.flatMap((a) => a.users);
const people = everyone.slice(0, values.people ? Number(values.people) : everyone.length);

/** @returns whether everything held: no 5xx, every request answered, no invariant broken */
async function soakOnce(persistTo: string, dir: string): Promise<boolean> {
  await step("migrate D1", () =>
    wrangler(["d1", "migrations", "apply", "gagas", "--local", "--persist-to", persistTo], { quiet: true }),
  );
  await step("seed demo", () => seed(persistTo, { quiet: true }));
  // the seed's own state must hold the invariants too, or the soak could not tell who broke them
  const seeded = await step("invariants of the seed", () => checkInvariants(persistTo));
  const seedViolations = seeded.reduce((n, r) => n + r.violations, 0);
  if (seedViolations) {
    console.log(["soak: the seeded database already breaks invariants", ...invariantLines(seeded)].join("\n"));
  }
  // the bench's config: no static assets, and no per-person write limits (they would turn the load into 429s)
  const config = writeBenchConfig(dir);
  const server = await step("start wrangler dev", () =>
    startDevServer({ config, persistTo, logLevel: "warn", testScheduled: true }),
  );
  try {
    const report = await runSoak({
      baseUrl: server.baseUrl,
      persistTo,
      seconds: Number(values.seconds),
      people,
      password: DEMO_PASSWORD,
      seed: Number(values.seed),
      scheduler: true,
    });
    console.log(report.lines.join("\n"));
    return report.errors.length === 0 && report.violations === 0 && seedViolations === 0;
  } finally {
    await server.stop();
  }
}

const dir = mkdtempSync(path.join(tmpdir(), "gagas-soak-"));
const persistTo = path.join(dir, "state");
const passed = await soakOnce(persistTo, dir).finally(() => {
  if (values.keep) console.log(`[soak] state kept in ${persistTo}`);
  else rmSync(dir, { recursive: true, force: true });
});
console.log(passed ? "soak: passed" : "soak: FAILED");
process.exit(passed ? 0 : 1);
