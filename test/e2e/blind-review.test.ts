/**
 * Blind review in the browser: a reviewer of the demo's KIPP 2026 (blind) opens an idea under review
 * whose author answers in its discussion. The page names neither the author nor their unit: the
 * author's reply reads "Tim pengusul" / "Proposing team", and there is no team to show.
 */
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { AGENCIES } from "../../scripts/seed/organisation-data.ts";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { textIn } from "./i18n.ts";
import { signInThroughForm, VARIANTS } from "./journey.ts";
import { DEMO_PASSWORD, REVIEWER_BINJAI } from "./personas.ts";

const IDEA = "Posyandu digital pemantauan gizi balita"; // Binjai, KIPP 2026: in review
const AUTHOR_NIP = "198806112011012002"; // Fitri Handayani Purba, who answers a question in its discussion

let browser: Browser;
let pages: PageFactory;
beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

const binjai = AGENCIES.find((a) => a.users.some((u) => u.nip === AUTHOR_NIP))!;
const author = binjai.users.find((u) => u.nip === AUTHOR_NIP)!;
const authorUnit = binjai.units.find((u) => u.code === author.unit)!.name;

describe.each(VARIANTS.filter((v) => v.viewport !== (v.lang === "id" ? "desktop" : "phone")))(
  "an idea under blind review ($lang, $viewport)",
  ({ lang, viewport }) => {
    const t = textIn(lang);

    it("shows a committee reviewer its discussion with the author as the proposing team", async () => {
      const page = await pages.open(viewport);
      await signInThroughForm(page, lang, { identifier: REVIEWER_BINJAI.nip, password: DEMO_PASSWORD }, "/ide");
      await page.getByRole("searchbox").first().fill("posyandu gizi");
      await page.getByRole("link", { name: IDEA }).first().click();
      await page.getByRole("heading", { level: 1, name: IDEA }).waitFor();

      const discussion = page.getByRole("region", { name: t("discussion.title") });
      const reply = discussion.getByRole("article", { name: t("idea.proposingTeam"), exact: true });
      await reply.getByText("rekap bulanan dibuat otomatis", { exact: false }).waitFor();
      // the question's writer is no proposer, and keeps her name
      await discussion.getByRole("article", { name: "Dewi Anggraini Sembiring", exact: true }).waitFor();
      const text = await page.locator("main").innerText();
      expect(text).not.toContain(author.name);
      expect(text).not.toContain(authorUnit);
      await expectNoAxeViolations(page);
    });
  },
);
