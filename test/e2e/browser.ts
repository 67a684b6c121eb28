import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect, inject } from "vitest";
import { axeViolations } from "../../scripts/lib/axe.ts";
import { launchChromium } from "../../scripts/lib/chromium.ts";
import { recordApiCall } from "./api-operations.ts";
import { guardLayout, readBrowserDefaults } from "./layout-guard.ts";

/** Debian's Chromium, flags for a machine without internet or GPU (DESIGN.md §8). */
export const launchBrowser = launchChromium;

export const VIEWPORTS = {
  phone: { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

const viewportLabel = (name: ViewportName) => `${name} ${VIEWPORTS[name].viewport.width} px`;

/**
 * Writes every `/api` request a page of `context` makes to `baseUrl` (fetches, images, pages opened
 * in a new tab, the service worker's, and link downloads, which Chromium fetches outside the page's
 * requests) to the run's call log, which `api-coverage.test.ts` reads at the end. Requests the test
 * itself makes (`fetch`, `context.request`) are not the SPA's and are not seen.
 */
export function recordApiCalls(context: BrowserContext, baseUrl: string): void {
  const log = inject("apiCallLog");
  const origin = new URL(baseUrl).origin;
  const record = (method: string, address: string) => {
    const url = new URL(address);
    if (url.origin === origin && url.pathname.startsWith("/api/")) recordApiCall(log, method, url.pathname);
  };
  context.on("request", (request) => record(request.method(), request.url()));
  context.on("page", (page) => page.on("download", (download) => record("GET", download.url())));
}

/**
 * Opens pages in fresh contexts (no cookies, no storage) and closes them after each test.
 * A script error on any page fails the test that opened it, and so does the layout guard
 * (`layout-guard.ts`): every state a page sits still in, and its last one, is checked for
 * horizontal overflow, targets under 24 × 24 px and controls left with the browser's own look.
 * Every `/api` request its pages make goes to the run's call log (`recordApiCalls`).
 * @example const browsers = new PageFactory(browser, baseUrl); afterEach(() => browsers.closeAll());
 */
export class PageFactory {
  private readonly contexts: { context: BrowserContext; errors: Error[]; layout: () => Promise<string[]> }[] = [];
  private readonly browser: Browser;
  private readonly baseUrl: string;
  private browserDefaults?: ReturnType<typeof readBrowserDefaults>;

  constructor(browser: Browser, baseUrl: string) {
    this.browser = browser;
    this.baseUrl = baseUrl;
  }

  async open(viewport: ViewportName): Promise<Page> {
    this.browserDefaults ??= readBrowserDefaults(this.browser);
    const context = await this.browser.newContext({ ...VIEWPORTS[viewport], baseURL: this.baseUrl });
    recordApiCalls(context, this.baseUrl);
    const guard = await guardLayout(context, viewportLabel(viewport), await this.browserDefaults);
    const errors: Error[] = [];
    this.contexts.push({ context, errors, layout: guard.finish });
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(error));
    return page;
  }

  async closeAll(): Promise<void> {
    const open = this.contexts.splice(0);
    const layout = (await Promise.all(open.map((o) => o.layout()))).flat();
    await Promise.all(open.map(({ context }) => context.close()));
    expect(open.flatMap(({ errors }) => errors.map((e) => e.message))).toEqual([]);
    expect(layout, "layout guard: page (screen): element: problem").toEqual([]);
  }
}

/** Runs axe-core (WCAG 2.x A and AA rules) on the page as it is and expects no violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page), `axe on ${page.url()}`).toEqual([]);
}
