/**
 * A leader announces an award to a colleague for an idea, finds it in the Hall of Fame and
 * downloads the certificate; a visitor who is not signed in sees it in the public Hall of Fame
 * and verifies the certificate by its code.
 */
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { textIn } from "./i18n.ts";
import { chooseLanguage, descriptionOf, expectPath, mainNavLink, signInThroughForm, VARIANTS } from "./journey.ts";
import { AWARD_RECIPIENTS, CHAIR_BINJAI, DEMO_PASSWORD, DEWI, LEADER_BINJAI } from "./personas.ts";

/** The demo's implemented idea in Binjai (scripts/seed/ideas-data.ts), linked to every award here. */
const IDEA = "Antrean daring perekaman KTP elektronik";
/** The demo's award in Binjai (scripts/seed/awards-data.ts): Dewi and her unit receive it. */
const SEEDED_AWARD = "Inovator Terbaik KIPP 2026";
/** A colleague of Dewi's who is neither a recipient nor a leader or admin. */
const COLLEAGUE = CHAIR_BINJAI;
const CERTIFICATE_PATH = /^\/api\/v1\/awards\/\d+\/certificates\/\d+\.pdf$/;

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

let browser: Browser;
let pages: PageFactory;
beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

const leader = { identifier: LEADER_BINJAI.nip, password: DEMO_PASSWORD };

describe.each(VARIANTS.map((variant, index) => ({ ...variant, index })))(
  "recognition ($lang, $viewport)",
  ({ lang, viewport, index }) => {
    const t = textIn(lang);
    const recipient = AWARD_RECIPIENTS[index]!;
    // each variant announces its own award: titles are unique per agency and period
    const title = `${lang === "id" ? "Teladan Pelayanan Publik" : "Public Service Exemplar"} (${lang}, ${viewport})`;

    /** Chooses the first match of `query` named `name` in the picker labelled `label`. */
    async function pick(page: Page, label: string, query: string, name: string) {
      await page.getByRole("searchbox", { name: label }).fill(query);
      await page.getByRole("button", { name: new RegExp(`^${escaped(t("awardForm.add"))} ${escaped(name)}`) }).click();
    }

    it("shows what is missing on every field of an empty announcement", async () => {
      const page = await pages.open(viewport);
      await signInThroughForm(page, lang, leader, "/penghargaan/baru");
      await expectPath(page, "/penghargaan/baru");
      await page.getByRole("heading", { level: 1, name: t("awardForm.title") }).waitFor();
      await expectNoAxeViolations(page);

      await page.getByRole("button", { name: t("awardForm.submit"), exact: true }).click();
      await page
        .getByRole("alert")
        .filter({ hasText: t("form.errorSummary") })
        .waitFor();
      const expected = {
        "award-title": "awardForm.titleInvalid",
        "award-citation": "awardForm.citationInvalid",
        "award-period": "awardForm.periodInvalid",
        "award-people": "awardForm.peopleRequired",
        "award-bonus": "awardForm.bonusInvalid",
      };
      for (const [id, key] of Object.entries(expected)) {
        expect(await page.locator(`#${id}`).getAttribute("aria-invalid"), id).toBe("true");
        expect(await descriptionOf(page, id)).toContain(t(key));
      }
      // the optional linked ideas are not in error; focus went to the first field to correct
      expect(await page.locator("#award-ideas").getAttribute("aria-invalid")).toBeNull();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("award-title");
      await expectNoAxeViolations(page);
    });

    it("announces an award, lists it in the Hall of Fame and gives a certificate anyone can verify", async () => {
      const page = await pages.open(viewport);
      await signInThroughForm(page, lang, leader, "/ide");
      await expectPath(page, "/ide");
      // the navigation offers the form to a leader
      await (await mainNavLink(page, t("a11y.mainNav"), t("nav.menu"), t("nav.announceAward"))).click();
      await expectPath(page, "/penghargaan/baru");

      await page.getByLabel(t("awardForm.awardTitle"), { exact: true }).fill(title);
      await page
        .getByLabel(t("awardForm.citation"), { exact: true })
        .fill(`${recipient.name} memimpin penerapan antrean daring sehingga warga tidak lagi menunggu berjam-jam.`);
      await page.getByLabel(t("awardForm.period"), { exact: true }).fill("Triwulan II 2026");
      await page.getByRole("radio", { name: t("awardForm.kindPeople") }).check();
      await pick(page, t("awardForm.people"), recipient.name.split(" ")[0]!, recipient.name);
      await page
        .getByRole("list", { name: t("awardForm.chosenPeople") })
        .getByText(recipient.name, { exact: true })
        .waitFor();
      await pick(page, `${t("awardForm.ideas")} ${t("awardForm.optional")}`, "KTP elektronik", IDEA);
      await page
        .getByRole("list", { name: t("awardForm.chosenIdeas") })
        .getByText(IDEA, { exact: true })
        .waitFor();
      await page.getByLabel(t("awardForm.bonus"), { exact: true }).fill("25");
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: t("awardForm.submit"), exact: true }).click();
      // nothing is published before the preview is confirmed
      const preview = page.getByRole("dialog", { name: t("awardPreview.title") });
      await preview.getByText(t("awardPreview.bonus", { points: "25" })).waitFor();
      await preview.getByRole("button", { name: t("awardPreview.confirm"), exact: true }).click();

      // the award's own page, with a word that it went out
      await page.waitForURL((url) => /^\/penghargaan\/\d+$/.test(url.pathname), { timeout: 20_000 });
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      await page.getByText(t("awardPage.announced")).waitFor();
      expect(await page.getByRole("link", { name: IDEA, exact: true }).getAttribute("href")).toMatch(/^\/ide\/\d+$/);
      await page
        .getByText(t("award.announcedBy", { name: LEADER_BINJAI.name, position: LEADER_BINJAI.position }))
        .waitFor();
      await expectNoAxeViolations(page);

      // the certificate: a plain link that downloads a PDF
      const row = page.locator(".award-recipient", { hasText: recipient.name });
      const download = row.getByRole("link", {
        name: `${t("award.download")} ${t("award.downloadFor", { name: recipient.name })}`,
      });
      expect(await download.getAttribute("href")).toMatch(CERTIFICATE_PATH);
      expect(await download.getAttribute("download")).not.toBeNull();
      const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
      expect(file.suggestedFilename()).toMatch(/^piagam-GGS-[0-9A-Z-]+\.pdf$/);
      const bytes = await readFile(await file.path());
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const code = (await row.locator(".award-code code").innerText()).trim();
      expect(code).toMatch(/^GGS-[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);

      // newest first in the agency's Hall of Fame
      await (await mainNavLink(page, t("a11y.mainNav"), t("nav.menu"), t("nav.hallOfFame"))).click();
      await expectPath(page, "/galeri-penghargaan");
      await page.getByRole("heading", { level: 1, name: t("hof.title") }).waitFor();
      const first = page.locator(".award-entry").first();
      await first.getByRole("heading", { level: 2, name: title }).waitFor();
      expect(await first.innerText()).toContain(recipient.name);
      await expectNoAxeViolations(page);

      // a visitor, not signed in: the public Hall of Fame shows names only, the code verifies
      const visitor = await pages.open(viewport);
      await visitor.goto(`/galeri-penghargaan/${LEADER_BINJAI.agency.slug}`);
      await chooseLanguage(visitor, lang);
      const entry = visitor.locator(".award-entry", { has: visitor.getByRole("heading", { level: 2, name: title }) });
      await entry.waitFor();
      expect(await entry.innerText()).toContain(recipient.name);
      expect(await entry.innerText()).toContain(IDEA);
      expect(await visitor.locator(".award-download").count()).toBe(0);
      expect(await visitor.locator("main").innerText()).not.toContain(code);
      await expectNoAxeViolations(visitor);

      await visitor.getByRole("link", { name: t("hof.verifyLink"), exact: true }).click();
      await expectPath(visitor, "/verifikasi");
      await visitor.getByRole("textbox", { name: t("verify.code"), exact: true }).fill(code);
      await visitor.getByRole("button", { name: t("verify.submit"), exact: true }).click();
      await expectPath(visitor, `/verifikasi/${code}`);
      await visitor.getByRole("heading", { level: 2, name: t("verify.validTitle") }).waitFor();
      const facts = await visitor.locator(".verify-facts").innerText();
      expect(facts).toContain(recipient.name);
      expect(facts).toContain(title);
      await expectNoAxeViolations(visitor);
    }, 120_000);

    it("lets a recipient download their own certificate, and no colleague", async () => {
      const page = await pages.open(viewport);
      await signInThroughForm(page, lang, { identifier: DEWI.nip, password: DEMO_PASSWORD }, "/galeri-penghargaan");
      await expectPath(page, "/galeri-penghargaan");
      const seeded = page.locator(".award-entry", {
        has: page.getByRole("heading", { level: 2, name: SEEDED_AWARD }),
      });
      const own = seeded.getByRole("link", {
        name: `${t("award.download")} ${t("award.downloadFor", { name: DEWI.name })}`,
      });
      const href = (await own.getAttribute("href"))!;
      expect(href).toMatch(CERTIFICATE_PATH);
      const pdf = await page.request.get(href);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      // the unit's certificate is for the agency's leaders and admins
      expect(await seeded.locator(".award-download").count()).toBe(1);
      await expectNoAxeViolations(page);

      const colleague = await pages.open(viewport);
      await signInThroughForm(
        colleague,
        lang,
        { identifier: COLLEAGUE.nip, password: DEMO_PASSWORD },
        "/galeri-penghargaan",
      );
      const shown = colleague.locator(".award-entry", {
        has: colleague.getByRole("heading", { level: 2, name: SEEDED_AWARD }),
      });
      await shown.getByText(DEWI.name, { exact: true }).waitFor();
      expect(await shown.locator(".award-download").count()).toBe(0);
      expect((await colleague.request.get(href)).status()).toBe(403);
    });
  },
);
