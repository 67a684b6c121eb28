/**
 * The layout guard (layout-guard.ts) itself: it names the page and the element it finds wrong, and the
 * screens that once showed grey browser-default buttons (`class="button-link"`, a class no stylesheet
 * defines: the idea page's follow, reply, edit, delete, report and hide buttons, the mention picker,
 * the units page) pass it on a phone and a desktop.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, PageFactory, VIEWPORTS } from "./browser.ts";
import { textIn } from "./i18n.ts";
import { checkLayoutNow, guardLayout, readBrowserDefaults } from "./layout-guard.ts";
import { expectPath, signInThroughForm } from "./journey.ts";
import { DEMO_PASSWORD, SRI_ADMIN } from "./personas.ts";

let browser: Browser;
let pages: PageFactory;
beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

const t = textIn("id");
/** Dewi's idea in the demo: others commented on it, so every comment action shows. */
const IDEA = "Antrean daring perekaman KTP elektronik";

/** What the guard finds on the page as it is now, one line per element. */
async function layoutNow(page: Page): Promise<string[]> {
  const { page: path, found } = await checkLayoutNow(page);
  return found.map(({ element, problem }) => `${path}: ${element}: ${problem}`);
}

describe("the layout guard", () => {
  // a page of its own, outside the factory: its findings are the point here, not a failure
  it("names the page and each element: a default-looking button, a small target, a page wider than the phone", async () => {
    const context = await browser.newContext({ ...VIEWPORTS.phone });
    try {
      const guard = await guardLayout(context, "phone 360 px", await readBrowserDefaults(browser));
      const page = await context.newPage();
      await page.route("http://layout.test/**", (route) =>
        route.fulfill({
          contentType: "text/html",
          body: `<meta name="viewport" content="width=device-width"><body style="font-family: system-ui; margin: 0">
            <div id="app">
              <button class="button-link" type="button">Balas</button>
              <button type="button" style="font: inherit; border: 0; min-height: 44px">Styled</button>
              <p><a href="/x" style="font-size: 10px">x</a></p>
              <p>In a sentence, <a href="/y">a link</a> is as tall as its line.</p>
              <div class="wide" style="width: 500px">wide</div>
            </div></body>`,
        }),
      );
      await page.goto("http://layout.test/ide/7");
      const found = await guard.finish();
      expect(found).toEqual([
        expect.stringMatching(
          /^\/ide\/7 \(phone 360 px\): div#app > button\.button-link "Balas": target [\d.]+×[\d.]+ px, under 24×24 px; browser-default font \(Arial\); browser-default border \(2px outset rgb\(0, 0, 0\)\)$/,
        ),
        expect.stringMatching(
          /^\/ide\/7 \(phone 360 px\): div#app > div\.wide "wide": the page is 500 px wide on a 360 px screen/,
        ),
        expect.stringMatching(/^\/ide\/7 \(phone 360 px\): p > a "x": target [\d.]+×[\d.]+ px, under 24×24 px$/),
      ]);
    } finally {
      await context.close();
    }
  });
});

describe.each(["phone", "desktop"] as const)("screens that had browser-default buttons (%s)", (viewport) => {
  it("the idea page's follow and comment buttons and the mention picker have our look and a 24 px target", async () => {
    const page = await pages.open(viewport);
    await signInThroughForm(page, "id", { identifier: SRI_ADMIN.nip, password: DEMO_PASSWORD }, "/ide");
    await expectPath(page, "/ide");
    await page.getByLabel(t("ideas.search"), { exact: true }).fill("perekaman KTP");
    await page.getByRole("link", { name: IDEA, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: IDEA }).waitFor();

    // her own comment brings "Ubah" and "Hapus"; others' bring "Balas", "Laporkan" and (an admin's) "Sembunyikan"
    const body = `Catatan tata letak ${viewport} ${Date.now().toString(36)}`;
    await page.getByLabel(t("discussion.new"), { exact: true }).fill(body);
    await page
      .getByRole("button", { name: t("discussion.send"), exact: true })
      .first()
      .click();
    await page.getByText(body).waitFor();
    for (const name of ["discussion.edit", "discussion.delete", "discussion.report", "discussion.hide"])
      await page
        .getByRole("button", { name: t(name), exact: true })
        .first()
        .waitFor();
    await page.getByRole("button", { name: new RegExp(`^(${t("vote.follow")}|${t("vote.unfollow")})$`) }).waitFor();
    expect(await layoutNow(page)).toEqual([]);

    await page.getByLabel(t("discussion.new"), { exact: true }).fill("Setuju, @Dewi");
    await page.locator(".mention-list button").first().waitFor();
    expect(await layoutNow(page)).toEqual([]);
  });

  it("the units page's activate and deactivate buttons have our look and a 24 px target", async () => {
    const page = await pages.open(viewport);
    await signInThroughForm(page, "id", { identifier: SRI_ADMIN.nip, password: DEMO_PASSWORD }, "/admin/unit");
    await page.locator(".unit-tree button").first().waitFor();
    expect(await layoutNow(page)).toEqual([]);
  });
});
