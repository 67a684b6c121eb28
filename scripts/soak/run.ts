/**
 * The soak itself, against a server that is already running: many people of the demo sign in and
 * run mixed journeys side by side for a bounded time, then the invariants are checked in D1.
 * `npm run soak` (scripts/soak.ts) runs it for minutes on its own server; the browser stage of
 * `npm test` (test/e2e/soak.test.ts) runs a short form against its test server.
 */
import { newTally, SoakClient } from "./client.ts";
import { checkInvariants, invariantLines, type InvariantResult } from "./invariants.ts";
import { nextJourney, random, type Person } from "./journeys.ts";

export type SoakOptions = {
  /** `http://127.0.0.1:<port>`: loopback only */
  baseUrl: string;
  /** the server's `--persist-to` directory, where the invariants are checked */
  persistTo: string;
  seconds: number;
  people: readonly { nip: string }[];
  password: string;
  seed?: number;
  /** the server runs with `--test-scheduled`: call the scheduler every few seconds during the load */
  scheduler?: boolean;
};

export type SoakReport = {
  requests: number;
  /** 5xx answers and requests without an answer */
  errors: string[];
  unexpected: Record<string, number>;
  violations: number;
  invariants: InvariantResult[];
  lines: string[];
};

const percentile = (sorted: number[], q: number) =>
  sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!) : 0;

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const url = new URL(options.baseUrl);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
    throw new Error(`the soak runs against loopback only, not ${url.hostname}`);
  }
  const tally = newTally();
  const seed = options.seed ?? 20261111;
  const people: Person[] = [];
  for (const [i, { nip }] of options.people.entries()) {
    const client = new SoakClient(options.baseUrl, tally);
    const signedIn = await client.send("POST", "/api/v1/auth/login", { identifier: nip, password: options.password });
    const me = (signedIn.body as { user?: { mustChangePassword?: boolean } } | null)?.user;
    // someone who must choose a new password first cannot do anything else: they sit this one out
    if (signedIn.status !== 200 || me?.mustChangePassword) continue;
    people.push({ client, nip, rand: random(seed + i), ideas: [], voted: new Set(), written: 0 });
  }

  const started = Date.now();
  const deadline = started + options.seconds * 1000;
  let ticks = 0;
  let tick: Promise<unknown> = Promise.resolve();
  const ticker = options.scheduler
    ? setInterval(() => {
        tick = fetch(`${options.baseUrl}/__scheduled?cron=*+*+*+*+*`).then((res) => {
          ticks++;
          if (!res.ok) tally.errors.push(`scheduler tick → ${res.status}`);
        });
      }, 5_000)
    : undefined;
  await Promise.all(
    people.map(async (p) => {
      while (Date.now() < deadline) await nextJourney(p);
    }),
  );
  if (ticker) clearInterval(ticker);
  await tick;
  const elapsed = (Date.now() - started) / 1000;

  const invariants = await checkInvariants(options.persistTo);
  const violations = invariants.reduce((n, r) => n + r.violations, 0);
  const latencies = [...tally.latencies].sort((a, b) => a - b);
  const statuses = Object.fromEntries([...tally.byStatus].sort(([a], [b]) => a - b));
  const lines = [
    `soak: ${people.length} people for ${Math.round(elapsed)} s against ${options.baseUrl}${options.scheduler ? `, scheduler called ${ticks} times` : ""}`,
    `soak: ${tally.requests} requests done (${(tally.requests / elapsed).toFixed(1)}/s), p50 ${percentile(latencies, 0.5)} ms, p95 ${percentile(latencies, 0.95)} ms, by status ${JSON.stringify(statuses)}`,
    `soak: expected refusals ${JSON.stringify(Object.fromEntries(tally.refusals))}`,
    `soak: unexpected 4xx ${JSON.stringify(Object.fromEntries(tally.unexpected))}`,
    `soak: errors (5xx or no answer): ${tally.errors.length}`,
    ...tally.errors.slice(0, 20).map((e) => `  ✗ ${e}`),
    `soak: invariants checked: ${invariants.length}, violations: ${violations}`,
    ...invariantLines(invariants),
  ];
  return {
    requests: tally.requests,
    errors: tally.errors,
    unexpected: Object.fromEntries(tally.unexpected),
    violations,
    invariants,
    lines,
  };
}
