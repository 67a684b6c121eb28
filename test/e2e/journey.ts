import type { Page } from "playwright-core";
import { expect } from "vitest";
import { textIn, type Lang } from "./i18n.ts";
import type { ViewportName } from "./browser.ts";

/** Every journey runs in Bahasa Indonesia and in English, on a phone and on a desktop. */
export const VARIANTS: readonly { lang: Lang; viewport: ViewportName }[] = [
  { lang: "id", viewport: "phone" },
  { lang: "id", viewport: "desktop" },
  { lang: "en", viewport: "phone" },
  { lang: "en", viewport: "desktop" },
];

/** Picks the language with the header's switch, as a person would; Bahasa Indonesia is the default. */
export async function chooseLanguage(page: Page, lang: Lang): Promise<void> {
  if (lang === "en") await page.getByRole("button", { name: /^EN\b/ }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** The sign-in form's controls, found by their visible labels. */
export function signInForm(page: Page, lang: Lang) {
  const t = textIn(lang);
  return {
    identifier: page.getByLabel(t("signIn.identifier"), { exact: true }),
    password: page.getByLabel(t("signIn.password"), { exact: true }),
    showPassword: page.getByLabel(t("form.showPassword"), { exact: true }),
    submit: page.getByRole("button", { name: t("signIn.submit"), exact: true }),
    summary: page.locator(".error-summary"),
  };
}

/** Opens `/masuk` (with `next` when given) in `lang`, fills the form and submits it. */
export async function signInThroughForm(
  page: Page,
  lang: Lang,
  credentials: { identifier: string; password: string },
  next?: string,
): Promise<void> {
  await page.goto(next ? `/masuk?next=${next}` : "/masuk");
  await chooseLanguage(page, lang);
  const form = signInForm(page, lang);
  await form.identifier.fill(credentials.identifier);
  await form.password.fill(credentials.password);
  await form.submit.click();
}

/** The path (and query) the page shows once it settled on `expected`. */
export async function expectPath(page: Page, expected: string): Promise<void> {
  await page.waitForURL((url) => url.pathname + url.search === expected, { timeout: 20_000 }).catch(() => {});
  const url = new URL(page.url());
  expect(url.pathname + url.search).toBe(expected);
}

/** Waits until the element with `id` has focus (moved there after the render that showed the errors). */
export async function expectFocusOn(page: Page, id: string): Promise<void> {
  await page
    .waitForFunction((expected) => document.activeElement?.id === expected, id, { timeout: 5_000 })
    .catch(() => {});
  expect((await focused(page)).id).toBe(id);
}

/** Waits until the document's title is `title` (pages set it in an effect, after their heading renders). */
export async function expectTitle(page: Page, title: string): Promise<void> {
  await page.waitForFunction((expected) => document.title === expected, title, { timeout: 5_000 }).catch(() => {});
  expect(await page.title()).toBe(title);
}

/** What has keyboard focus: its id, tag, type and whether a focus ring is drawn. */
export function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const style = el ? getComputedStyle(el) : null;
    return {
      id: el?.id ?? "",
      tag: el?.tagName.toLowerCase() ?? "",
      type: el?.getAttribute("type") ?? "",
      text: el?.textContent?.trim() ?? "",
      ring: style ? style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 : false,
    };
  });
}

/**
 * Presses Tab until the focused element matches, as a keyboard user would; fails after `max` presses.
 * @example await tabUntil(page, (el) => el.id === "signin-identifier")
 */
export async function tabUntil(
  page: Page,
  matches: (element: Awaited<ReturnType<typeof focused>>) => boolean,
  max = 25,
): Promise<number> {
  for (let presses = 0; presses <= max; presses++) {
    if (matches(await focused(page))) return presses;
    await page.keyboard.press("Tab");
  }
  throw new Error(`not focused after ${max} Tab presses; focus is on ${JSON.stringify(await focused(page))}`);
}

/** The texts an input is described by (`aria-describedby`): its hint and its error. */
export function descriptionOf(page: Page, inputId: string): Promise<string> {
  return page.evaluate((id) => {
    const ids = document.getElementById(id)?.getAttribute("aria-describedby")?.split(/\s+/) ?? [];
    return ids.map((ref) => document.getElementById(ref)?.textContent?.trim() ?? "").join(" | ");
  }, inputId);
}

/**
 * A link of the main navigation, after opening the phone's "Menu" when there is one, as a person would.
 * @example await (await mainNavLink(page, t("a11y.mainNav"), t("nav.menu"), t("nav.reviews"))).click()
 */
export async function mainNavLink(page: Page, navName: string, menuName: string, linkName: string) {
  const nav = page.getByRole("navigation", { name: navName });
  const toggle = nav.getByRole("button", { name: menuName, exact: true });
  if (await toggle.isVisible()) {
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  }
  return nav.getByRole("link", { name: linkName, exact: true });
}
