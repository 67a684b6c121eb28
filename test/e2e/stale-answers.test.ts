/**
 * The SPA's one loading hook (frontend/src/lib/use-resource.ts) in the browser: when the address
 * changes while an answer is on its way, the newer address wins even if the older answer arrives
 * last. The idea form, which used to load on its own, is the page under test.
 */
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { IdRef } from "./answers.ts";
import { launchBrowser, PageFactory } from "./browser.ts";
import { textIn } from "./i18n.ts";
import { expectPath, signInThroughForm } from "./journey.ts";
import { DEMO_PASSWORD, DEWI } from "./personas.ts";

let browser: Browser;
let pages: PageFactory;

beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

async function draftOf(page: Page, title: string): Promise<number> {
  const created = await page.request.post("/api/v1/ideas", {
    data: { title },
    headers: { origin: inject("baseUrl") },
  });
  expect(created.status()).toBe(201);
  return IdRef.parse(await created.json()).id;
}

/** Goes to `path` inside the SPA (its router hears the history change), without loading the page again. */
async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, "", to);
    dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

describe("an older answer never replaces a newer one", () => {
  const t = textIn("id");

  it("shows the draft asked for last when the one asked for first answers after it", async () => {
    const page = await pages.open("phone");
    await signInThroughForm(page, "id", { identifier: DEWI.nip, password: DEMO_PASSWORD }, "/ide");
    await expectPath(page, "/ide");
    const stamp = Date.now().toString(36);
    const first = await draftOf(page, `Draf lambat ${stamp}`);
    const second = await draftOf(page, `Draf cepat ${stamp}`);

    // the first draft's answer waits until the second draft is on the screen
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const firstAsked = new Promise<void>((resolve) => (asked = resolve));
    let answered!: () => void;
    const firstAnswered = new Promise<void>((resolve) => (answered = resolve));
    await page.route(`**/api/v1/ideas/${first}`, async (route: Route) => {
      asked();
      await released;
      // the page may have given up on it (aborted): then there is nothing left to answer
      await route.continue().catch(() => undefined);
      answered();
    });

    await navigateInApp(page, `/ide/${first}/ubah`);
    await firstAsked;
    await navigateInApp(page, `/ide/${second}/ubah`);
    const title = page.locator("#idea-title");
    await page.getByRole("heading", { level: 1, name: t("ideaForm.editTitle") }).waitFor();
    await expect.poll(() => title.inputValue()).toBe(`Draf cepat ${stamp}`);

    release();
    await firstAnswered;
    // whatever became of the first answer, it lands nowhere
    await page.waitForTimeout(300);
    expect(await title.inputValue()).toBe(`Draf cepat ${stamp}`);
    expect(new URL(page.url()).pathname).toBe(`/ide/${second}/ubah`);
  });
});
