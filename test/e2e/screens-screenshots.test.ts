/**
 * Screenshots of a discussion with a mention, of the idea list's first screen and of the badges on
 * /poin, on a phone, for
 * docs/screenshots/, taken only when asked:
 *   E2E_SCREENSHOTS=1 npm run test:e2e -- test/e2e/screens-screenshots.test.ts
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, PageFactory } from "./browser.ts";
import { ROOT } from "./dev-server.ts";
import { textIn } from "./i18n.ts";
import { signInThroughForm } from "./journey.ts";
import { DEMO_PASSWORD, DEWI } from "./personas.ts";

const OUT = path.join(ROOT, "docs", "screenshots");
const t = textIn("id");
/** Binjai, voting open; Andi Pratama Ginting asks Dewi for her data. */
const IDEA = "Peta digital lokasi lampu jalan padam";
const ANDI = "199312052019031004";

/** Focus off the page, so no focus ring or caret shows in the picture. */
async function shoot(page: Page, name: string, fullPage: boolean): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(OUT, name), fullPage });
}

describe.runIf(process.env.E2E_SCREENSHOTS)("mention and badge screenshots", () => {
  let browser: Browser;
  let pages: PageFactory;
  beforeAll(async () => {
    browser = await launchBrowser();
    pages = new PageFactory(browser, inject("baseUrl"));
    mkdirSync(OUT, { recursive: true });
  });
  afterEach(() => pages.closeAll());
  afterAll(() => browser?.close());

  it("of a comment that mentions a colleague, on a phone", async () => {
    const page = await pages.open("phone");
    await signInThroughForm(page, "id", { identifier: ANDI, password: DEMO_PASSWORD }, "/ide?q=lampu%20jalan");
    await page.getByRole("link", { name: IDEA, exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: IDEA }).waitFor();
    const box = page.getByLabel(t("discussion.new"), { exact: true });
    const mention = async (text: string, name: string) => {
      await box.fill(text);
      await page
        .locator(".mention-list")
        .getByRole("button", { name: new RegExp(name) })
        .click();
    };
    await mention("Data titik lampu dari PLN sudah ada di Dinas Kominfo. @Dewi Ang", DEWI.name);
    await box.pressSequentially("bisa bantu memetakan?");
    await page
      .getByRole("button", { name: t("discussion.send"), exact: true })
      .first()
      .click();
    const posted = page.locator(".comment").filter({ hasText: "bisa bantu memetakan?" }).first();
    await posted.locator(".mention").waitFor();
    // the box empties once the comment is sent (after the thread shows it): typing before that is lost
    await expect.poll(() => box.inputValue()).toBe("");
    // a second mention typed but not sent: the box shows the name too
    await mention("Terima kasih, @Dewi Ang", DEWI.name);
    await page.locator(".discussion").scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById("discussion-title")?.scrollIntoView());
    await shoot(page, "idea-mention-phone.png", false);
  });

  it("of the idea list's first screen on a small phone (360 × 740)", async () => {
    const page = await pages.open("phone");
    await page.setViewportSize({ width: 360, height: 740 });
    await signInThroughForm(page, "id", { identifier: DEWI.nip, password: DEMO_PASSWORD }, "/ide");
    await page.locator(".idea-card-title a").first().waitFor();
    await shoot(page, "ideas-first-screen-phone.png", false);
  });

  it("of the badges on /poin, on a phone", async () => {
    const page = await pages.open("phone");
    await signInThroughForm(page, "id", { identifier: DEWI.nip, password: DEMO_PASSWORD }, "/poin");
    await page.locator(".badge-card svg.badge-art").first().waitFor();
    await page.locator(".ledger li").first().waitFor();
    // the badges are the picture: one screen of them, from their heading
    await page.evaluate(() => document.getElementById("badges-title")?.scrollIntoView());
    await shoot(page, "points-badges-phone.png", false);
  });
});
