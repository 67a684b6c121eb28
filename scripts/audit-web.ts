/**
 * `npm run audit:web`: the front end against its budgets (DESIGN.md §7) on a throwaway copy of
 * Gagas — a fresh build, a migrated and seeded local D1, `wrangler dev` on a free port:
 *
 * - the initial JavaScript (entry + `modulepreload` chunks of the built index.html), KB gzip ≤ 60;
 * - Lighthouse, mobile with its default throttling, on the idea list and an idea page:
 *   performance ≥ 95, accessibility 100 (median of `--runs` runs);
 * - axe-core (WCAG 2.x A/AA) on the main pages, phone and desktop: no violations.
 *
 * Prints a table, writes docs/AUDIT.md, exits 1 when a budget is broken.
 *
 * Usage: npm run audit:web [-- --runs 3] [--no-write]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Browser } from "playwright-core";
import { format, resolveConfig } from "prettier";
import { ROOT, startDevServer } from "../test/e2e/dev-server.ts";
import { axeViolations, type AxeViolation } from "./lib/axe.ts";
import { buildSpa } from "./lib/build-spa.ts";
import { INITIAL_JS_BUDGET_KB, lazyChunksOf, measureInitialJs, type InitialJs } from "./lib/bundle-size.ts";
import { CHROMIUM_PATH, launchChromium } from "./lib/chromium.ts";
import { startLighthouse, type LighthouseFigures } from "./lib/lighthouse-run.ts";
import { DEMO_PASSWORD } from "./seed/organisation-data.ts";
import { seed } from "./seed/index.ts";
import { wrangler } from "./wrangler.ts";

const BUDGET = { initialJsKb: INITIAL_JS_BUDGET_KB, performance: 95, accessibility: 100, axe: 0 };

const { values } = parseArgs({
  options: { runs: { type: "string", default: "3" }, "no-write": { type: "boolean", default: false } },
});
const RUNS = Math.max(1, Number(values.runs));

/** Demo accounts of scripts/seed: an everyday ASN of Binjai and Binjai's Sekretaris Daerah (a leader). */
const ASN_NIP = "199104172015032001";
const LEADER_NIP = "197011041995031001";

async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`[audit] ${label}: ${Math.round(performance.now() - started)} ms`);
  return result;
}

/** Signs in through the API, as the SPA does, and returns the session cookie (`name=value`). */
async function signIn(baseUrl: string, nip: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ identifier: nip, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${nip} answered ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("__Host-"));
  if (!cookie) throw new Error(`sign-in of ${nip} set no session cookie`);
  return cookie;
}

/** A submitted idea of the person's agency with the most support: a full idea page. */
async function pickIdea(baseUrl: string, cookie: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/v1/ideas?sort=votes&limit=5`, { headers: { cookie } });
  const page = (await res.json()) as { items: { id: number }[] };
  const id = page.items[0]?.id;
  if (!id) throw new Error("the seeded demo has no idea to audit");
  return id;
}

type AxePage = { name: string; path: string; as: "guest" | "asn" | "leader" };
/** `heading`: the page's h1 as axe saw it, to show the page had loaded (not an error or a sign-in form). */
type AxeFinding = AxePage & { viewport: string; heading: string; violations: AxeViolation[] };

const VIEWPORTS = {
  phone: { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
} as const;

/** Each page in a fresh context, signed in as needed, once it has settled (data in, no spinner). */
async function auditAxe(
  browser: Browser,
  baseUrl: string,
  pages: AxePage[],
  cookies: Record<"asn" | "leader", string>,
): Promise<AxeFinding[]> {
  const findings: AxeFinding[] = [];
  for (const page of pages) {
    for (const [viewport, options] of Object.entries(VIEWPORTS)) {
      // the session cookie sent with every request, as Lighthouse gets it (`extraHeaders`)
      const context = await browser.newContext({
        ...options,
        baseURL: baseUrl,
        serviceWorkers: "block",
        ...(page.as === "guest" ? {} : { extraHTTPHeaders: { cookie: cookies[page.as] } }),
      });
      const tab = await context.newPage();
      await tab.goto(page.path, { waitUntil: "networkidle" });
      await tab.locator("h1").first().waitFor({ timeout: 20_000 });
      await tab
        .waitForFunction(() => !document.querySelector(".loading, .skeleton"), undefined, { timeout: 20_000 })
        .catch(() => console.warn(`[audit] ${page.path} (${viewport}) still shows a loading state`));
      const heading = (await tab.locator("h1").first().innerText()).trim();
      findings.push({ ...page, viewport, heading, violations: await axeViolations(tab) });
      await context.close();
    }
  }
  return findings;
}

type Report = {
  date: string;
  environment: string;
  bundle: InitialJs & { lazyChunks: number };
  lighthouse: (LighthouseFigures & { name: string })[];
  axe: AxeFinding[];
};

const pass = (ok: boolean) => (ok ? "ok" : "OVER BUDGET");

function tableOf(report: Report): string[] {
  const { bundle } = report;
  const lines = [
    `Initial JavaScript (entry + modulepreload, gzip): ${bundle.gzipKb} KB of ${BUDGET.initialJsKb} KB — ${pass(bundle.gzipKb <= BUDGET.initialJsKb)}`,
    ...bundle.files.map((f) => `  ${f.file.padEnd(40)} ${(f.gzipBytes / 1000).toFixed(1).padStart(6)} KB gzip`),
    `  lazy chunks (pages and shared code, on demand): ${bundle.lazyChunks}`,
    "",
    `Lighthouse ${"(mobile, simulated slow 4G, 4× CPU; median of " + RUNS + ")"}`,
    `  ${"page".padEnd(12)} ${"perf".padStart(5)} ${"a11y".padStart(5)}  runs          FCP     LCP     TBT     CLS     SI`,
    ...report.lighthouse.map(
      (l) =>
        `  ${l.name.padEnd(12)} ${String(l.performance).padStart(5)} ${String(l.accessibility).padStart(5)}  ${l.runs.join("/").padEnd(12)}  ${[l.metrics.fcp, l.metrics.lcp, l.metrics.tbt, l.metrics.cls, l.metrics.si].map((m) => m.padEnd(7)).join(" ")} ${pass(l.performance >= BUDGET.performance && l.accessibility >= BUDGET.accessibility)}`,
    ),
    "",
    "axe-core (WCAG 2.0–2.2 A/AA)",
    ...report.axe.map(
      (a) =>
        `  ${`${a.name} (${a.as}, ${a.viewport})`.padEnd(30)} ${a.path.padEnd(14)} ${`“${a.heading}”`.padEnd(34)} ${String(a.violations.length).padStart(2)} violations${a.violations.length ? ": " + a.violations.map((v) => `${v.id} (${v.targets.length})`).join(", ") : ""}`,
    ),
  ];
  return lines;
}

function markdownOf(report: Report, broken: string[]): string {
  const { bundle } = report;
  const rows = (cells: string[][]) => cells.map((c) => `| ${c.join(" | ")} |`).join("\n");
  return `# Front-end audit

Written by \`npm run audit:web\` (scripts/audit-web.ts) on ${report.date}: a fresh production build,
a migrated and seeded local D1 and \`wrangler dev\` on loopback, measured against the budgets of
DESIGN.md §7. ${broken.length ? `**Budgets broken:** ${broken.join("; ")}.` : "Every budget holds."}

Environment: ${report.environment}.

## Initial JavaScript

What a first visit downloads before the app can start: the entry script and every
\`modulepreload\` chunk of the built \`index.html\`, gzip (zlib's default level, as Vite reports;
1 KB = 1,000 bytes). \`test/e2e/bundle.test.ts\` measures the same figure and fails when it goes over the budget.

${rows([
  ["file", "bytes", "gzip"],
  ["---", "---:", "---:"],
  ...bundle.files.map((f) => [`\`${f.file}\``, String(f.bytes), `${(f.gzipBytes / 1000).toFixed(1)} KB`]),
  ["**total**", String(bundle.bytes), `**${bundle.gzipKb} KB** (budget ${BUDGET.initialJsKb} KB)`],
])}

Pages and the code they share arrive on demand: ${bundle.lazyChunks} lazy chunks.

## Lighthouse

Lighthouse with its default configuration: a mobile phone, simulated slow 4G (150 ms RTT,
1.6 Mbit/s) and a 4× slower CPU, signed in as a demo ASN (its cookie sent with every request). Median of ${RUNS} runs per page (Lighthouse's own \`computeMedianRun\`);
"runs" lists every run's performance score.

${rows([
  ["page", "performance", "accessibility", "runs", "FCP", "LCP", "TBT", "CLS", "Speed Index"],
  ["---", "---:", "---:", "---", "---", "---", "---", "---", "---"],
  ...report.lighthouse.map((l) => [
    `${l.name} (\`${new URL(l.url).pathname}\`)`,
    String(l.performance),
    String(l.accessibility),
    l.runs.join(" / "),
    l.metrics.fcp,
    l.metrics.lcp,
    l.metrics.tbt,
    l.metrics.cls,
    l.metrics.si,
  ]),
])}

Budgets: performance ≥ ${BUDGET.performance}, accessibility ${BUDGET.accessibility}.

## axe-core

WCAG 2.0, 2.1 and 2.2 A and AA rules, injected into each page once its data has arrived, on a phone
(360×800) and a desktop (1280×800) viewport.

${rows([
  ["page", "path", "signed in as", "viewport", "heading shown", "violations"],
  ["---", "---", "---", "---", "---", "---:"],
  ...report.axe.map((a) => [
    a.name,
    `\`${a.path}\``,
    a.as,
    a.viewport,
    a.heading,
    a.violations.length ? `${a.violations.length}: ${a.violations.map((v) => v.id).join(", ")}` : "0",
  ]),
])}
`;
}

/** @returns whether every budget holds */
async function audit(dir: string): Promise<boolean> {
  const persistTo = path.join(dir, "state");
  const client = path.join(dir, "client");
  await step("build SPA", () => buildSpa(client));
  const bundle = { ...(await measureInitialJs(client)), lazyChunks: (await lazyChunksOf(client)).length };
  await step("migrate D1", () =>
    wrangler(["d1", "migrations", "apply", "gagas", "--local", "--persist-to", persistTo], { quiet: true }),
  );
  await step("seed demo", () => seed(persistTo, { quiet: true }));
  const server = await step("start wrangler dev", () => startDevServer({ persistTo, assets: client }));
  try {
    const { baseUrl } = server;
    const cookies = { asn: await signIn(baseUrl, ASN_NIP), leader: await signIn(baseUrl, LEADER_NIP) };
    const ideaId = await pickIdea(baseUrl, cookies.asn);
    const audited = [
      { name: "idea list", path: "/ide" },
      { name: "idea page", path: `/ide/${ideaId}` },
    ];
    // the first answers of a fresh workerd compile code and warm D1: not what a phone measures
    for (const { path: p } of audited) await fetch(`${baseUrl}${p}`, { headers: { cookie: cookies.asn } });

    const lighthouse: Report["lighthouse"] = [];
    const lh = await startLighthouse();
    try {
      for (const page of audited) {
        const figures = await step(`Lighthouse ${page.path} ×${RUNS}`, () =>
          lh.audit(`${baseUrl}${page.path}`, { cookie: cookies.asn, runs: RUNS }),
        );
        lighthouse.push({ ...figures, name: page.name });
      }
    } finally {
      await lh.close();
    }

    const browser = await launchChromium();
    const axe = await step("axe", () =>
      auditAxe(
        browser,
        baseUrl,
        [
          { name: "home", path: "/", as: "guest" },
          { name: "home", path: "/", as: "asn" },
          { name: "idea list", path: "/ide", as: "asn" },
          { name: "idea page", path: `/ide/${ideaId}`, as: "asn" },
          { name: "sign-in", path: "/masuk", as: "guest" },
          { name: "verify", path: "/verifikasi", as: "guest" },
          { name: "leaderboard", path: "/peringkat", as: "asn" },
          { name: "my points", path: "/poin", as: "asn" },
          { name: "dashboard", path: "/dasbor", as: "leader" },
        ],
        cookies,
      ),
    ).finally(() => browser.close());

    // Debian's wrapper script talks on stderr before it answers: keep only the answer
    const chromiumVersion = execFileSync(CHROMIUM_PATH, ["--version"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    const report: Report = {
      date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      environment: `${chromiumVersion}, Node ${process.version}, ${cpus().length} CPU, wrangler dev on loopback (HTTP/1.1)`,
      bundle,
      lighthouse,
      axe,
    };
    const broken = [
      ...(bundle.gzipKb > BUDGET.initialJsKb ? [`initial JavaScript ${bundle.gzipKb} KB`] : []),
      ...lighthouse
        .filter((l) => l.performance < BUDGET.performance || l.accessibility < BUDGET.accessibility)
        .map((l) => `Lighthouse ${l.name} ${l.performance}/${l.accessibility}`),
      ...axe.filter((a) => a.violations.length > BUDGET.axe).map((a) => `axe ${a.name} (${a.viewport})`),
    ];
    console.log(`\n${tableOf(report).join("\n")}\n`);
    for (const l of lighthouse) {
      if (l.failedAccessibility.length) console.log(`Lighthouse ${l.name}: failed ${l.failedAccessibility.join(", ")}`);
      for (const warning of l.warnings) console.log(`Lighthouse ${l.name}: ${warning}`);
    }
    for (const a of axe.filter((f) => f.violations.length)) {
      for (const v of a.violations)
        console.log(`axe ${a.path} (${a.viewport}): ${v.id} — ${v.help}: ${v.targets.join(", ")}`);
    }
    if (!values["no-write"]) {
      const file = path.join(ROOT, "docs", "AUDIT.md");
      // formatted as the repository's Prettier would, so `npm run lint` accepts the file as written
      const markdown = await format(markdownOf(report, broken), { ...(await resolveConfig(file)), filepath: file });
      writeFileSync(file, markdown);
      console.log("wrote docs/AUDIT.md");
    }
    console.log(broken.length ? `audit:web: BUDGET BROKEN — ${broken.join("; ")}` : "audit:web: every budget holds");
    return broken.length === 0;
  } finally {
    await server.stop();
  }
}

const dir = mkdtempSync(path.join(tmpdir(), "gagas-audit-"));
const held = await audit(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
process.exit(held ? 0 : 1);
