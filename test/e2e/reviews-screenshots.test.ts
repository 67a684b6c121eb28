/**
 * Screenshots of the dashboard, the scoring form and the chair's ranking for docs/screenshots/,
 * taken only when asked, on a fresh server (the scoring form needs the seed's open review):
 *   E2E_SCREENSHOTS=1 npm run test:e2e -- test/e2e/reviews-screenshots.test.ts
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, inject, it } from "vitest";
import { DEFAULT_RUBRIC } from "../../src/domain/rubric.ts";
import { launchBrowser, PageFactory } from "./browser.ts";
import { ROOT } from "./dev-server.ts";
import { textIn } from "./i18n.ts";
import { expectPath, signInThroughForm } from "./journey.ts";
import { CHAIR_BINJAI, DEMO_PASSWORD, LEADER_BINJAI } from "./personas.ts";
import { runScheduler } from "./scheduler.ts";

const OUT = path.join(ROOT, "docs", "screenshots");
const t = textIn("id");

/** Focus off the page, so no focus ring or caret shows in the picture. */
async function shoot(page: Page, name: string, fullPage: boolean): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(OUT, name), fullPage });
}

describe.runIf(process.env.E2E_SCREENSHOTS)("review and dashboard screenshots", () => {
  let browser: Browser;
  let pages: PageFactory;
  beforeAll(async () => {
    browser = await launchBrowser();
    pages = new PageFactory(browser, inject("baseUrl"));
    mkdirSync(OUT, { recursive: true });
    await runScheduler(inject("baseUrl"));
  });
  afterEach(() => pages.closeAll());
  afterAll(() => browser?.close());

  it.each(["phone", "desktop"] as const)("of the dashboard on a %s", async (viewport) => {
    const page = await pages.open(viewport);
    await signInThroughForm(page, "id", { identifier: LEADER_BINJAI.nip, password: DEMO_PASSWORD }, "/dasbor");
    await expectPath(page, "/dasbor");
    await page.getByRole("figure", { name: t("dashboard.participationTitle") }).waitFor();
    await shoot(page, `dashboard-${viewport}.png`, true);
  });

  it.each(["phone", "desktop"] as const)("of the scoring form and the ranking on a %s", async (viewport) => {
    const page = await pages.open(viewport);
    await signInThroughForm(page, "id", { identifier: CHAIR_BINJAI.nip, password: DEMO_PASSWORD }, "/penilaian");
    await expectPath(page, "/penilaian");
    await page
      .getByRole("region", { name: t("reviews.openTitle"), exact: true })
      .getByRole("link")
      .first()
      .click();
    await page.getByRole("heading", { level: 2, name: t("review.rubricTitle") }).waitFor();
    for (const criterion of DEFAULT_RUBRIC.slice(0, 4)) {
      const group = page.getByRole("group", { name: new RegExp(`^${criterion.labelId}`) });
      await group.getByRole("radio", { name: "4", exact: true }).check();
    }
    // the form saves itself: the status line says so before the picture is taken
    await page
      .getByRole("status")
      .filter({ hasText: new RegExp(`${t("review.savedAt", { time: "" }).trim()} \\d{2}[.:]\\d{2}`) })
      .waitFor();
    // the sticky action bar belongs at the bottom of the screen: a screenful at the rubric, not the page
    await page.evaluate(() => document.getElementById("review-rubric-title")?.scrollIntoView());
    await shoot(page, `review-form-${viewport}.png`, false);
    await page.evaluate(() => document.getElementById("review-conclusion-title")?.scrollIntoView());
    await shoot(page, `review-conclusion-${viewport}.png`, false);

    await page.goto("/kampanye");
    await page.getByRole("link", { name: "Kompetisi Inovasi Pelayanan Publik 2026", exact: true }).click();
    await page.getByRole("link", { name: t("committee.link"), exact: true }).click();
    await page.getByRole("table").waitFor();
    await page.evaluate(() => document.getElementById("ranking-title")?.scrollIntoView());
    await shoot(page, `committee-ranking-${viewport}.png`, viewport === "desktop");
  });
});
