import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";

/** Debian's Chromium, flags for a machine without internet or GPU (DESIGN.md §8). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

export const VIEWPORTS = {
  phone: { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/**
 * Opens pages in fresh contexts (no cookies, no storage) and closes them after each test.
 * A script error on any page fails the test that opened it.
 * @example const browsers = new PageFactory(browser, baseUrl); afterEach(() => browsers.closeAll());
 */
export class PageFactory {
  private readonly contexts: { context: BrowserContext; errors: Error[] }[] = [];
  private readonly browser: Browser;
  private readonly baseUrl: string;

  constructor(browser: Browser, baseUrl: string) {
    this.browser = browser;
    this.baseUrl = baseUrl;
  }

  async open(viewport: ViewportName): Promise<Page> {
    const context = await this.browser.newContext({ ...VIEWPORTS[viewport], baseURL: this.baseUrl });
    const errors: Error[] = [];
    this.contexts.push({ context, errors });
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(error));
    return page;
  }

  async closeAll(): Promise<void> {
    const open = this.contexts.splice(0);
    await Promise.all(open.map(({ context }) => context.close()));
    expect(open.flatMap(({ errors }) => errors.map((e) => e.message))).toEqual([]);
  }
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

type AxeViolation = { id: string; impact: string | null; help: string; targets: string[] };

/**
 * Runs axe-core (WCAG 2.x A and AA rules) on the page as it is and expects no violations.
 * The source is evaluated through the DevTools protocol: the page's CSP forbids inline scripts,
 * so `addScriptTag` would be blocked.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags): Promise<AxeViolation[]> => {
    type AxeResult = {
      violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  }, WCAG_TAGS);
  expect(violations, `axe on ${page.url()}`).toEqual([]);
}
