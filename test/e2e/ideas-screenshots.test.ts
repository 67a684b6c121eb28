/**
 * Screenshots of the idea pages for docs/screenshots/, taken only when asked:
 *   E2E_SCREENSHOTS=1 npm run test:e2e -- test/e2e/ideas-screenshots.test.ts
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, inject, it } from "vitest";
import { launchBrowser, PageFactory } from "./browser.ts";
import { ROOT } from "./dev-server.ts";
import { textIn } from "./i18n.ts";
import { expectPath, signInThroughForm } from "./journey.ts";
import { DEMO_PASSWORD, DEWI } from "./personas.ts";

const OUT = path.join(ROOT, "docs", "screenshots");
const t = textIn("id");

/** Focus off the page, so no focus ring or caret shows in the picture. */
async function shoot(page: Page, name: string, fullPage: boolean): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(OUT, name), fullPage });
}

describe.runIf(process.env.E2E_SCREENSHOTS)("idea screenshots", () => {
  let browser: Browser;
  let pages: PageFactory;
  beforeAll(async () => {
    browser = await launchBrowser();
    pages = new PageFactory(browser, inject("baseUrl"));
    mkdirSync(OUT, { recursive: true });
  });
  afterEach(() => pages.closeAll());
  afterAll(() => browser?.close());

  it.each(["phone", "desktop"] as const)("of the idea list, an idea and the form on a %s", async (viewport) => {
    const page = await pages.open(viewport);
    await signInThroughForm(page, "id", { identifier: DEWI.nip, password: DEMO_PASSWORD }, "/ide");
    await expectPath(page, "/ide");
    await page.locator(".idea-card-title a").first().waitFor();
    await shoot(page, `ideas-list-${viewport}.png`, true);

    await page.getByRole("link", { name: "Antrean daring perekaman KTP elektronik", exact: true }).click();
    await page.getByRole("region", { name: t("idea.history"), exact: true }).waitFor();
    await shoot(page, `idea-page-${viewport}.png`, true);

    await page.goto("/ide/baru");
    await page.getByLabel(t("ideaForm.ideaTitle"), { exact: true }).fill("Antrean KTP elektronik di kecamatan");
    await page
      .getByLabel(t("ideaForm.problem"), { exact: true })
      .fill("Warga antre KTP elektronik sejak pagi di kecamatan karena alat perekaman hanya satu.");
    const saved = new RegExp(`${t("autosave.saved", { time: "" }).trim()} \\d{2}[.:]\\d{2}`);
    await page.getByRole("status").filter({ hasText: saved }).waitFor();
    await page.getByRole("region", { name: t("ideaForm.similarTitle") }).waitFor();
    // the sticky save bar belongs at the bottom of the screen, so this one is the screen, not the page
    await page.evaluate(() => document.getElementById("idea-campaign")?.scrollIntoView());
    await shoot(page, `idea-form-${viewport}.png`, false);

    await page.goto("/kampanye");
    await page.locator(".campaign-card svg.timeline").first().waitFor();
    await shoot(page, `campaigns-${viewport}.png`, true);
  });
});
