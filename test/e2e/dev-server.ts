import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import path from "node:path";
import { WRANGLER_JS } from "../../scripts/wrangler.ts";

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

export type DevServer = { baseUrl: string; stop: () => Promise<void> };

type DevServerOptions = {
  /** the local state directory (D1, R2) to serve */
  persistTo: string;
  /** the built SPA to serve instead of `assets.directory` of wrangler.toml */
  assets?: string;
  /** how long the server may take to answer */
  timeoutMs?: number;
  /** `--var`s for the Worker (the mail sink's port, the VAPID keys of Web Push); PUBLIC_ORIGIN is always the server's own address */
  vars?: Record<string, string>;
};

/**
 * Runs `wrangler dev` on the project's Node, on loopback, and resolves once `/api/v1/health`
 * answers. Its own process group, so `stop()` also ends workerd.
 * @example const server = await startDevServer({ persistTo: dir }); … await server.stop();
 */
export async function startDevServer({
  persistTo,
  assets,
  timeoutMs = 90_000,
  vars = {},
}: DevServerOptions): Promise<DevServer> {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const allVars = { PUBLIC_ORIGIN: `http://127.0.0.1:${port}`, ...vars };
  const args = [
    WRANGLER_JS,
    "dev",
    "--port",
    String(port),
    "--ip",
    "127.0.0.1",
    "--inspector-port",
    String(inspectorPort),
    "--persist-to",
    persistTo,
    "--log-level",
    "warn",
    "--show-interactive-dev-session=false",
    ...(assets ? ["--assets", assets] : []),
    ...Object.entries(allVars).flatMap(([key, value]) => ["--var", `${key}:${value}`]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () => stopProcessGroup(child);
  try {
    await waitForHealth(baseUrl, child, timeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`wrangler dev did not start: ${(error as Error).message}\n${output}`, { cause: error });
  }
  return { baseUrl, stop };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`it exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no healthy answer within ${timeoutMs} ms`);
}

/** SIGTERM to the group wrangler leads (it and its workerd), SIGKILL if it lingers. */
async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, "exit");
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  signalGroup("SIGTERM");
  const timer = setTimeout(() => signalGroup("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
