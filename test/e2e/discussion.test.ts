/**
 * An ASN searches for an idea, supports it and joins its discussion: the vote shows the count and
 * what is left of the budget after the server confirmed; a comment appears in the thread.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { textIn } from "./i18n.ts";
import { signInThroughForm, VARIANTS } from "./journey.ts";
import { DEMO_PASSWORD } from "./personas.ts";

const IDEA = "Peta digital lokasi lampu jalan padam"; // Binjai, Gerakan Inovasi Digital 2027: voting open
/** A Binjai colleague the comments mention. */
const MENTIONED = "Dewi Anggraini Sembiring";
const VOTERS = ["198806112011012002", "198009302005011005", "197011041995031001", "197805142003122004"];

const firstNumber = (text: string) => Number(/\d+/.exec(text.replaceAll(".", "").replaceAll(",", ""))![0]);
/** The support count in the vote box. */
const boxVotes = async (page: Page) => firstNumber(await page.locator(".vote-count").innerText());
/** The support and comment counts in the idea's header. */
const headerVotes = async (page: Page) =>
  firstNumber(await page.locator(".idea-head .meta-list li").nth(0).innerText());
const headerComments = async (page: Page) =>
  firstNumber(await page.locator(".idea-head .meta-list li").nth(1).innerText());
async function expectCountsAgree(page: Page, count: number) {
  await expect.poll(() => boxVotes(page)).toBe(count);
  await expect.poll(() => headerVotes(page)).toBe(count);
}

let browser: Browser;
let pages: PageFactory;
beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

describe.each(VARIANTS.map((v, index) => ({ ...v, voter: VOTERS[index]! })))(
  "support and discussion ($lang, $viewport)",
  ({ lang, viewport, voter }) => {
    const t = textIn(lang);

    it("finds an idea, supports it and comments on it", async () => {
      const page = await pages.open(viewport);
      await signInThroughForm(page, lang, { identifier: voter, password: DEMO_PASSWORD }, "/ide");
      await page.getByRole("searchbox").first().fill("lampu jalan");
      await page.getByRole("link", { name: IDEA }).first().click();
      await page.getByRole("heading", { level: 1, name: IDEA }).waitFor();

      const button = page.getByRole("button", { name: new RegExp(`^(${t("vote.support")}|${t("vote.retract")})$`) });
      if ((await button.getAttribute("aria-pressed")) === "true") {
        await button.click();
        await page.getByRole("button", { name: t("vote.support"), exact: true }).waitFor();
      }
      const before = await boxVotes(page);
      await expectCountsAgree(page, before);
      await page.getByRole("button", { name: t("vote.support"), exact: true }).click();
      await page.getByRole("button", { name: t("vote.retract"), exact: true }).waitFor();
      expect(await page.locator(".vote-count").innerText()).toContain(String(before + 1));
      // the header and the vote box say the same after every action: support, take back, support again
      await expectCountsAgree(page, before + 1);
      await page.getByRole("button", { name: t("vote.retract"), exact: true }).click();
      await page.getByRole("button", { name: t("vote.support"), exact: true }).waitFor();
      await expectCountsAgree(page, before);
      await page.getByRole("button", { name: t("vote.support"), exact: true }).click();
      await page.getByRole("button", { name: t("vote.retract"), exact: true }).waitFor();
      await expectCountsAgree(page, before + 1);
      const commentsBefore = await headerComments(page);
      expect(await page.locator(".vote-box").innerText()).toMatch(
        new RegExp(t("vote.remaining", { count: 999 }).replace("999", "\\d+")),
      );

      // a colleague is mentioned by name: the box and the posted comment show "@Name", never the handle's markup
      const body = `Komentar uji ${lang}-${viewport}: perlu data titik lampu dari PLN.`;
      const box = page.getByLabel(t("discussion.new"), { exact: true });
      await box.fill(`${body} Mohon dibantu @Dewi Ang`);
      await page
        .locator(".mention-list")
        .getByRole("button", { name: new RegExp(MENTIONED) })
        .click();
      expect(await box.inputValue()).toBe(`${body} Mohon dibantu @${MENTIONED} `);
      await page
        .getByRole("button", { name: t("discussion.send"), exact: true })
        .first()
        .click();
      const posted = page.locator(".comment").filter({ hasText: body });
      await posted.waitFor();
      expect(await posted.locator(".mention").innerText()).toBe(`@${MENTIONED}`);
      expect(await posted.locator(".prewrap").innerText()).toBe(`${body} Mohon dibantu @${MENTIONED}`);
      await expect.poll(() => box.inputValue()).toBe("");
      // the header counts the new comment without a reload
      await expect.poll(() => headerComments(page)).toBe(commentsBefore + 1);
      await expectNoAxeViolations(page);
    });
  },
);
