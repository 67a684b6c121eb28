/**
 * `npm start`: build the SPA and the Worker, migrate the local D1, seed the demo (idempotent),
 * print the demo accounts and serve on http://localhost:8787.
 */
import { spawn, execFileSync } from "node:child_process";
import path from "node:path";
import { AGENCIES, DEMO_PASSWORD } from "./seed/organisation-data.ts";
import { seed } from "./seed/index.ts";
import { startMailSink } from "./lib/mail-sink.ts";
import { WRANGLER_JS, wrangler } from "./wrangler.ts";

const root = path.join(import.meta.dirname, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const PORT = process.env.PORT ?? "8787";

function step(title: string) {
  console.log(`\n\u25B6 ${title}`);
}

step("Building the SPA and the Worker");
execFileSync(npm, ["run", "build"], { cwd: root, stdio: "inherit" });

step("Applying migrations to the local D1");
await wrangler(["d1", "migrations", "apply", "gagas", "--local"], { quiet: true });

step("Seeding the demo agencies");
await seed(undefined, { quiet: true });

console.log("\nDemo accounts (sign in with NIP or e-mail), password for all:", DEMO_PASSWORD);
for (const agency of AGENCIES) {
  console.log(`\n  ${agency.name}`);
  for (const user of agency.users) {
    console.log(
      `    ${
        user.roles
          .filter((r) => r !== "asn")
          .join("+")
          .padEnd(16) || "asn".padEnd(16)
      } ${user.nip}  ${user.email}  (${user.name})`,
    );
  }
}

// the outbox's e-mail goes to a catching SMTP server on loopback (wrangler.toml: SMTP_HOST/SMTP_PORT)
const SMTP_PORT = process.env.SMTP_PORT ?? "2525";
const MAIL_PORT = process.env.MAIL_PORT ?? "8025";
const sink = await startMailSink({
  smtpPort: Number(SMTP_PORT),
  httpPort: Number(MAIL_PORT),
  dir: path.join(root, ".wrangler", "mail"),
});
step(`Catching e-mail on smtp://127.0.0.1:${SMTP_PORT}: read it at ${sink.httpUrl} (and .wrangler/mail/*.eml)`);

step(`Serving Gagas on http://localhost:${PORT}`);
// wrangler dev does not fire Cron Triggers by itself: we call its scheduled handler every minute like
// Cloudflare would (phases, reminders, notifications); /__scheduled would be answered by the SPA assets
const dev = spawn(
  process.execPath,
  [
    WRANGLER_JS,
    "dev",
    "--port",
    PORT,
    "--ip",
    "127.0.0.1",
    "--test-scheduled",
    "--var",
    `SMTP_PORT:${SMTP_PORT}`,
    "--var",
    `PUBLIC_ORIGIN:http://localhost:${PORT}`,
  ],
  {
    cwd: root,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    stdio: "inherit",
  },
);
const tick = () =>
  fetch(`http://127.0.0.1:${PORT}/cdn-cgi/handler/scheduled?cron=*+*+*+*+*`).catch(() => {
    // not up yet, or shutting down: the next tick will do
  });
const ticker = setInterval(tick, 60_000);
setTimeout(tick, 8_000);
const stop = () => {
  clearInterval(ticker);
  void sink.stop();
  dev.kill("SIGINT");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
dev.on("exit", (code) => process.exit(code ?? 0));
