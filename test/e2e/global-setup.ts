/**
 * Once per `npm run test:e2e`: builds the SPA, migrates and seeds a fresh local D1, serves both
 * with `wrangler dev` on a free port and hands the address to the tests (`inject("baseUrl")`), with
 * its e-mail going to a catching SMTP server on loopback (`inject("mailSinkUrl")`).
 * Everything lives in one temporary directory: the build goes there too (not `dist/client`,
 * which other work in the same tree rebuilds at any time) and the developer's own
 * `.wrangler/state` is never touched.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { randomBytes } from "node:crypto";
import { buildSpa } from "../../scripts/lib/build-spa.ts";
import { startLoopbackIdp } from "../../scripts/lib/loopback-idp.ts";
import { startMailSink } from "../../scripts/lib/mail-sink.ts";
import { generateVapidKeys } from "../../scripts/vapid-keys.ts";
import { wrangler } from "../../scripts/wrangler.ts";
import { startDevServer } from "./dev-server.ts";
import { seedQuietly } from "./seed.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** `http://127.0.0.1:<port>` of the test server */
    baseUrl: string;
    /** its `--persist-to` directory, for direct D1 reads and writes */
    persistTo: string;
    /** the SPA build it serves (index.html, assets/, sw.js), for checks on the files themselves */
    assets: string;
    /** the call log every `/api` request the SPA makes in any file is appended to (`browser.ts`) */
    apiCallLog: string;
    /** the test files of this run and whether a name filter narrowed them (`sequencer.ts`) */
    e2eRun: { files: string[]; filtered: boolean };
    /** the catching SMTP server's HTTP side (`GET /messages`): every e-mail the test server sent */
    mailSinkUrl: string;
    /** the loopback OpenID provider (scripts/lib/loopback-idp.ts), its client accepting this server's return page */
    oidcIssuer: string;
  }
}

function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  return work().finally(() => console.log(`[e2e] ${label}: ${Math.round(performance.now() - started)} ms`));
}

export default async function setup(project: TestProject) {
  const runDir = mkdtempSync(path.join(tmpdir(), "gagas-e2e-"));
  const persistTo = path.join(runDir, "state");
  const assets = path.join(runDir, "client");
  try {
    await timed("build SPA", () => buildSpa(assets));
    await timed("migrate D1", () =>
      wrangler(["d1", "migrations", "apply", "gagas", "--local", "--persist-to", persistTo], { quiet: true }),
    );
    await timed("seed demo", () => seedQuietly(persistTo));
    const sink = await startMailSink({ dir: path.join(runDir, "mail") });
    // Web Push on, with a key pair of this run only
    const vapid = generateVapidKeys();
    const vars = {
      SMTP_HOST: "127.0.0.1",
      SMTP_PORT: String(sink.smtpPort),
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      VAPID_SUBJECT: "mailto:admin@gagas.test",
      // seals agencies' OpenID client secrets (docs/sign-in-oidc.md): a key of this run only
      OIDC_SECRET_KEY: randomBytes(32).toString("base64url"),
    };
    const server = await timed("start wrangler dev", () => startDevServer({ persistTo, assets, vars }));
    project.provide("baseUrl", server.baseUrl);
    project.provide("persistTo", persistTo);
    project.provide("assets", assets);
    project.provide("apiCallLog", path.join(runDir, "api-calls.log"));
    project.provide("mailSinkUrl", sink.httpUrl);
    const idp = await startLoopbackIdp({ redirectUris: [`${server.baseUrl}/masuk/oidc`] });
    project.provide("oidcIssuer", idp.issuer);
    return async function teardown() {
      await idp.stop();
      await server.stop();
      await sink.stop();
      rmSync(runDir, { recursive: true, force: true });
    };
  } catch (error) {
    rmSync(runDir, { recursive: true, force: true });
    throw error;
  }
}
