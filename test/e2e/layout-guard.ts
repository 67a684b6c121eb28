/**
 * The layout guard: every page a journey opens is checked, at each state it sits still in and once
 * more before it closes, for what a person on a 360 px phone or a desktop would trip over:
 * - the page wider than the screen (horizontal overflow), naming the elements that stick out;
 * - an interactive element smaller than 24 × 24 CSS px (WCAG 2.2, 2.5.8; links inside a sentence
 *   excepted), and a primary action (`.button`) under 44 px tall;
 * - a button, input, select or textarea with the browser's own font or border (a class that matched
 *   no style), a checkbox or radio in the browser's own colours, a file picker's default button.
 * The in-page half is `layout-guard.page.ts`.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import {
  installLayoutGuard,
  type ControlLook,
  type LayoutGuardOptions,
  type LayoutProblem,
} from "./layout-guard.page.ts";

const BINDING = "__gagasLayoutReport";
const INPUT_TYPES = ["text", "search", "email", "password", "number", "tel", "url", "date", "datetime-local", "time"];
const INPUT_BUTTONS = ["button", "submit", "reset"];

/** Chromium's own look of each control kind, read from a page without any stylesheet. */
export async function readBrowserDefaults(browser: Browser): Promise<Record<string, ControlLook>> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const inputs = [...INPUT_TYPES, ...INPUT_BUTTONS, "file"].map((type) => `<input type="${type}">`).join("");
    await page.setContent(`<button>x</button><select><option>x</option></select><textarea></textarea>${inputs}`);
    return await page.evaluate(() => {
      const defaults: Record<string, ControlLook> = {};
      for (const el of document.querySelectorAll("button, select, textarea, input")) {
        const type = el instanceof HTMLInputElement ? el.type : "";
        const style = getComputedStyle(el, type === "file" ? "::file-selector-button" : null);
        defaults[type === "file" ? "input:file::button" : type ? `input:${type}` : el.tagName.toLowerCase()] = {
          fontFamily: style.fontFamily,
          border: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`,
        };
      }
      return defaults;
    });
  } finally {
    await context.close();
  }
}

/**
 * Guards every page of `context` from now on; `label` names the screen in the findings
 * ("phone 360 px"). Returns what it found so far and a way to check the open pages once more.
 * @example const guard = await guardLayout(context, "phone 360 px", defaults); … expect(await guard.finish()).toEqual([])
 */
export async function guardLayout(context: BrowserContext, label: string, defaults: Record<string, ControlLook>) {
  const found = new Set<string>();
  const record = (page: string, problems: LayoutProblem[]) => {
    for (const { element, problem } of problems) found.add(`${page} (${label}): ${element}: ${problem}`);
  };
  await context.exposeBinding(BINDING, (_source, json: string) => {
    const { page, found: problems } = JSON.parse(json) as { page: string; found: LayoutProblem[] };
    record(page, problems);
  });
  const options: LayoutGuardOptions = { defaults, minTarget: 24, primaryTarget: 44, quietMs: 300, binding: BINDING };
  // esbuild may wrap named functions in `__name(…)`; the page has no such helper, so it gets a no-op one
  await context.addInitScript({
    content: `var __name = (f) => f; (${installLayoutGuard.toString()})(${JSON.stringify(options)});`,
  });
  return {
    /** Checks every open page as it is now, then returns all findings, one line each. */
    async finish(): Promise<string[]> {
      for (const page of context.pages()) {
        const now = await checkLayoutNow(page).catch(() => null);
        if (now) record(now.page, now.found);
      }
      return [...found].sort();
    },
  };
}

/** The guard's findings for `page` as it is now (the page must belong to a guarded context). */
export function checkLayoutNow(page: Page): Promise<{ page: string; found: LayoutProblem[] }> {
  return page.evaluate(() => {
    const check = (window as unknown as { __gagasLayoutCheck?: () => { page: string; found: LayoutProblem[] } })
      .__gagasLayoutCheck;
    return check ? check() : { page: location.pathname, found: [] };
  });
}
