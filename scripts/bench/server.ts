/**
 * `wrangler dev` for the bench: on loopback only, on a free port, over the bench's own local D1,
 * with a config that leaves out what the bench does not measure (static assets; the per-person
 * write limits, which cost no D1 and would turn a load run into 429s after 30 votes a minute).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { WRANGLER_JS } from "../wrangler.ts";

export const ROOT = path.join(import.meta.dirname, "..", "..");

/** A TCP port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  await once(server, "close");
  if (!address || typeof address === "string") throw new Error("no port from the OS");
  return address.port;
}

/**
 * wrangler.toml without `[assets]` and `[[ratelimits]]`, its paths made relative to `dir`.
 * @returns the path of the written config
 */
export function writeBenchConfig(dir: string): string {
  const source = readFileSync(path.join(ROOT, "wrangler.toml"), "utf8");
  const sections = source.split(/\n(?=\[)/);
  const kept = sections.filter((s) => !/^\[\[ratelimits\]\]|^\[assets\]/.test(s));
  const rel = path.relative(dir, ROOT) || ".";
  const text = kept
    .join("\n")
    .replace(/^main = "(.+)"$/m, (_, p: string) => `main = "${path.join(rel, p)}"`)
    .replace(/^migrations_dir = "(.+)"$/m, (_, p: string) => `migrations_dir = "${path.join(rel, p)}"`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "wrangler.bench.toml");
  writeFileSync(file, text);
  return file;
}

/**
 * The bare Worker's config (`scripts/bench/bare/worker.ts`): the same D1 binding and database as
 * Gagas (`--persist-to` the same directory), nothing else.
 * @returns the path of the written config
 */
export function writeBareConfig(dir: string): string {
  const source = readFileSync(path.join(ROOT, "wrangler.toml"), "utf8");
  const date = /^compatibility_date = "(.+)"$/m.exec(source)?.[1] ?? "2026-11-01";
  const rel = path.relative(dir, ROOT) || ".";
  const text = [
    'name = "gagas-bench-bare"',
    `main = "${path.join(rel, "scripts", "bench", "bare", "worker.ts")}"`,
    `compatibility_date = "${date}"`,
    "",
    "[[d1_databases]]",
    'binding = "DB"',
    'database_name = "gagas"',
    'database_id = "00000000-0000-0000-0000-000000000000"',
    "",
  ].join("\n");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "wrangler.bare.toml");
  writeFileSync(file, text);
  return file;
}

export type DevServer = { baseUrl: string; output: () => string; stop: () => Promise<void> };

export type DevServerOptions = {
  config: string;
  persistTo: string;
  /** `warn` for load runs (the per-request log line alone costs ~30 % on light routes) */
  logLevel: "warn" | "log";
  vars?: Record<string, string>;
  testScheduled?: boolean;
  timeoutMs?: number;
};

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const args = [
    WRANGLER_JS,
    "dev",
    "--config",
    options.config,
    "--port",
    String(port),
    "--ip",
    "127.0.0.1",
    "--inspector-port",
    String(inspectorPort),
    "--persist-to",
    options.persistTo,
    "--log-level",
    options.logLevel,
    "--show-interactive-dev-session=false",
    ...Object.entries(options.vars ?? {}).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
    ...(options.testScheduled ? ["--test-scheduled"] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const chunks: string[] = [];
  child.stdout.on("data", (d: Buffer) => chunks.push(d.toString()));
  child.stderr.on("data", (d: Buffer) => chunks.push(d.toString()));
  const output = () => chunks.join("");
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () => stopProcessGroup(child);
  try {
    await waitForHealth(baseUrl, child, options.timeoutMs ?? 120_000);
  } catch (error) {
    await stop();
    throw new Error(`wrangler dev did not start: ${(error as Error).message}\n${output()}`, { cause: error });
  }
  return { baseUrl, output, stop };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`it exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no answer from ${baseUrl} within ${timeoutMs} ms`);
}

/** Ends wrangler and the workerd it started (its own process group), by the group's id. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = once(child, "exit");
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}
