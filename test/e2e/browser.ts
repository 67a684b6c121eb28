import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { axeViolations } from "../../scripts/lib/axe.ts";
import { launchChromium } from "../../scripts/lib/chromium.ts";

/** Debian's Chromium, flags for a machine without internet or GPU (DESIGN.md §8). */
export const launchBrowser = launchChromium;

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

/** Runs axe-core (WCAG 2.x A and AA rules) on the page as it is and expects no violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  expect(await axeViolations(page), `axe on ${page.url()}`).toEqual([]);
}
