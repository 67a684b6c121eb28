/**
 * `npm start`: build the SPA and the Worker, migrate the local D1, seed the demo (idempotent),
 * print the demo accounts and serve on http://localhost:8787. A second run skips the build and the
 * seed when none of their inputs changed (scripts/lib/start-plan.ts).
 *
 * `HOST=0.0.0.0 npm start` serves the local network too, over HTTPS with wrangler's self-signed
 * certificate: the session cookie is `Secure`, which a phone's browser keeps only over HTTPS
 * (plain http is trusted on localhost alone).
 */
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { AGENCIES, DEMO_PASSWORD } from "./seed/organisation-data.ts";
import { seed } from "./seed/index.ts";
import { demoAccountLines } from "./lib/demo-accounts.ts";
import { DEMO_IDP_AGENCY, DEMO_IDP_NAME, demoProviderSql, localSecretKey, startDemoIdp } from "./lib/demo-idp.ts";
import { IDP_PASSWORD } from "./lib/loopback-idp-accounts.ts";
import { RECORD, fingerprint, readRecord } from "./lib/fingerprint.ts";
import { startMailSink } from "./lib/mail-sink.ts";
import { BUILD_INPUTS, DATA_INPUTS, planStart } from "./lib/start-plan.ts";
import { OFFLINE_ENV, WRANGLER_JS, wrangler } from "./wrangler.ts";

const root = path.join(import.meta.dirname, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const PORT = process.env.PORT ?? "8787";
const HOST = process.env.HOST ?? "127.0.0.1";
const LOOPBACK = ["127.0.0.1", "localhost", "::1"].includes(HOST);

function step(title: string) {
  console.log(`\n\u25B6 ${title}`);
}

const current = { build: fingerprint(root, BUILD_INPUTS), data: fingerprint(root, DATA_INPUTS) };
const record = { ...(readRecord(root) ?? { build: "", data: "" }) };
const plan = planStart(readRecord(root), current, {
  buildOutput:
    existsSync(path.join(root, "dist", "client", "index.html")) && existsSync(path.join(root, "dist", "worker")),
  database: existsSync(path.join(root, ".wrangler", "state", "v3", "d1")),
});
const remember = () => {
  mkdirSync(path.join(root, ".wrangler"), { recursive: true });
  writeFileSync(path.join(root, RECORD), JSON.stringify(record) + "\n");
};

if (plan.build) {
  step("Building the SPA and the Worker");
  execFileSync(npm, ["run", "build"], { cwd: root, stdio: "inherit" });
  record.build = current.build;
  remember();
} else step("The SPA and the Worker are built and unchanged: no build");

if (plan.data) {
  step("Applying migrations to the local D1");
  await wrangler(["d1", "migrations", "apply", "gagas", "--local"], { quiet: true });
  step("Seeding the demo agencies");
  await seed(undefined, { quiet: true });
  record.data = current.data;
  remember();
} else step("Migrations and demo data are unchanged: no migration, no seed");

console.log("\nDemo accounts (sign in with NIP or e-mail), password for all:", DEMO_PASSWORD);
console.log(demoAccountLines(AGENCIES).join("\n"));

/** The addresses a phone on the same network can open. */
function lanAddresses(): string[] {
  if (HOST !== "0.0.0.0" && HOST !== "::") return [HOST];
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.family === "IPv4" && !i.internal)
    .map((i) => i!.address);
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

const protocol = LOOPBACK ? "http" : "https";

// the agency's own identity provider, for the demo: a real OpenID provider on loopback (docs/sign-in-oidc.md)
const idp = await startDemoIdp(`${protocol}://localhost:${PORT}`, Number(process.env.OIDC_PORT ?? 9400));
await wrangler(["d1", "execute", "gagas", "--local", "--command", demoProviderSql(idp.issuer)], { quiet: true });
step(`An OpenID provider for the demo on ${idp.issuer}`);
console.log(
  `  open /masuk?instansi=${DEMO_IDP_AGENCY} → "Masuk dengan ${DEMO_IDP_NAME}": user name = a demo NIP of Andir, password ${IDP_PASSWORD}`,
);
step(`Serving Gagas on ${protocol}://localhost:${PORT}`);
if (!LOOPBACK) {
  for (const address of lanAddresses()) console.log(`  on the network: https://${address}:${PORT}`);
  console.log("  (a self-signed certificate: the phone's browser asks once to continue to the site)");
}
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
    HOST,
    "--local-protocol",
    protocol,
    "--test-scheduled",
    "--var",
    `SMTP_PORT:${SMTP_PORT}`,
    "--var",
    `PUBLIC_ORIGIN:${protocol}://localhost:${PORT}`,
    "--var",
    `OIDC_SECRET_KEY:${localSecretKey(root)}`,
  ],
  { cwd: root, env: { ...process.env, ...OFFLINE_ENV }, stdio: "inherit" },
);
// the certificate of --local-protocol https is self-signed, and the ticks only ever go to this machine
const tick = () => {
  const client = protocol === "https" ? https : http;
  client
    .get(
      `${protocol}://127.0.0.1:${PORT}/cdn-cgi/handler/scheduled?cron=*+*+*+*+*`,
      { rejectUnauthorized: false },
      (res) => res.resume(),
    )
    .on("error", () => {
      // not up yet, or shutting down: the next tick will do
    });
};
const ticker = setInterval(tick, 60_000);
setTimeout(tick, 8_000);
const stop = () => {
  clearInterval(ticker);
  void sink.stop();
  void idp.stop();
  dev.kill("SIGINT");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
dev.on("exit", (code) => process.exit(code ?? 0));
