/**
 * Ideas and campaigns in the browser: an ASN of the demo finds an idea and reads its history,
 * writes one (autosave, a similar-idea hint, field errors from the server), submits it and finds it
 * under "Ide saya"; an agency admin creates a campaign and is told which date is wrong.
 * Bahasa Indonesia on a phone and a desktop, and once in English.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { DEFAULT_RUBRIC } from "../../src/domain/rubric.ts";
import { expectNoAxeViolations, launchBrowser, PageFactory, type ViewportName } from "./browser.ts";
import { textIn, type Lang } from "./i18n.ts";
import { descriptionOf, expectFocusOn, expectPath, expectTitle, signInThroughForm } from "./journey.ts";
import { DEMO_PASSWORD, DEWI, SRI_ADMIN, type Persona } from "./personas.ts";

let browser: Browser;
let pages: PageFactory;

beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

const VARIANTS: readonly { lang: Lang; viewport: ViewportName }[] = [
  { lang: "id", viewport: "phone" },
  { lang: "id", viewport: "desktop" },
  { lang: "en", viewport: "desktop" },
];

/** Dewi's implemented idea in the demo seed (Dukcapil Binjai), with a history from draft to implemented. */
const SEEDED_IDEA = "Antrean daring perekaman KTP elektronik";

async function signInTo(page: Page, lang: Lang, persona: Persona, next: string): Promise<void> {
  await signInThroughForm(page, lang, { identifier: persona.nip, password: DEMO_PASSWORD }, next);
  await expectPath(page, next);
}

/** Whether the input is marked invalid and its description (hint + error) says `message`. */
async function expectFieldError(page: Page, inputId: string, message: string): Promise<void> {
  expect(await page.locator(`#${inputId}`).getAttribute("aria-invalid")).toBe("true");
  expect(await descriptionOf(page, inputId)).toContain(message);
}

describe.each(VARIANTS)("ideas ($lang, $viewport)", ({ lang, viewport }) => {
  const t = textIn(lang);
  // each variant writes its own idea and campaign, so none depends on another's
  const tag = `${lang}-${viewport}-${Date.now().toString(36)}`;

  it("lets an ASN search the list, open an idea and read its history", async () => {
    const page = await pages.open(viewport);
    // a small phone's first screen (360 × 740) shows the first idea: the selects wait behind "Filter"
    if (viewport === "phone") await page.setViewportSize({ width: 360, height: 740 });
    await signInTo(page, lang, DEWI, "/ide");
    await page.getByRole("heading", { level: 1, name: t("ideas.title") }).waitFor();
    await page.locator(".idea-card-title a").first().waitFor();
    await expectNoAxeViolations(page);
    const status = page.getByLabel(t("ideas.status"), { exact: true });
    const toggle = page.getByRole("button", { name: t("ideas.filterToggle"), exact: true });
    if (viewport === "phone") {
      const card = (await page.locator(".idea-card").first().boundingBox())!;
      expect(card.y + 48).toBeLessThanOrEqual(740);
      expect(await status.isVisible()).toBe(false);
      expect(await toggle.getAttribute("aria-expanded")).toBe("false");
      await toggle.click();
      expect(await toggle.getAttribute("aria-expanded")).toBe("true");
      await status.waitFor();
      await status.selectOption("implemented");
      await page.waitForURL((url) => url.searchParams.get("status") === "implemented");
      // the button counts the active filter once folded again
      const counted = page.getByRole("button", { name: t("ideas.filterToggleCount", { count: 1 }), exact: true });
      await counted.click();
      expect(await status.isVisible()).toBe(false);
      await page.getByRole("button", { name: t("ideas.clearFilters"), exact: true }).click();
      await page.waitForURL((url) => !url.searchParams.has("status"));
      await toggle.waitFor();
    } else {
      // open on a desktop: no button to press
      expect(await status.isVisible()).toBe(true);
      expect(await toggle.isVisible()).toBe(false);
    }

    await page.getByLabel(t("ideas.search"), { exact: true }).fill("antrean");
    await page.waitForURL((url) => url.searchParams.get("q") === "antrean");
    const result = page.getByRole("link", { name: SEEDED_IDEA, exact: true });
    await result.waitFor();
    // a search is ranked by relevance, so the sort gives way to a note saying so
    await page.getByText(t("ideas.sortedByRelevance"), { exact: true }).waitFor();

    await result.click();
    await page.getByRole("heading", { level: 1, name: SEEDED_IDEA }).waitFor();
    await expectTitle(page, `${SEEDED_IDEA} · Gagas`);
    await page.getByRole("heading", { level: 2, name: t("idea.problem"), exact: true }).waitFor();
    const history = page.getByRole("region", { name: t("idea.history"), exact: true });
    const entries = await history.locator("li").allInnerTexts();
    expect(entries[0]).toContain(t("ideaEvent.create"));
    expect(entries[0]).toContain(DEWI.name);
    expect(entries.some((e) => e.includes(t("ideaEvent.submit")))).toBe(true);
    expect(entries.at(-1)).toContain(t("ideaEvent.implement"));
    expect(entries.at(-1)).toContain(
      t("idea.historyFromTo", { from: t("ideaStatus.approved"), to: t("ideaStatus.implemented") }),
    );
    expect(await page.locator(".idea-head .badge").innerText()).toContain(t("ideaStatus.implemented"));
    await expectNoAxeViolations(page);
  });

  it("autosaves a new idea, hints at a similar one, ties the server's field errors to their fields, submits it and lists it under Ide saya", async () => {
    const title = `Antrean KTP elektronik di kecamatan (${tag})`;
    const page = await pages.open(viewport);
    await signInTo(page, lang, DEWI, "/ide");
    await page
      .getByRole("link", { name: t("ideas.new"), exact: true })
      .first()
      .click();
    await expectPath(page, "/ide/baru");
    await page.getByRole("heading", { level: 1, name: t("ideaForm.newTitle") }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel(t("ideaForm.ideaTitle"), { exact: true }).fill(title);
    await page
      .getByLabel(t("ideaForm.problem"), { exact: true })
      .fill("Warga antre KTP elektronik sejak pagi di kecamatan karena alat perekaman hanya satu.");

    // the draft exists once the title is usable: saved, and the address names it
    // "Tersimpan 10.42": the word and a time (the hint before saving also says "tersimpan")
    const saved = new RegExp(`${t("autosave.saved", { time: "" }).trim()} \\d{2}[.:]\\d{2}`);
    await page.getByRole("status").filter({ hasText: saved }).waitFor();
    await page.waitForURL(/\/ide\/\d+\/ubah$/);
    const id = Number(/\/ide\/(\d+)\/ubah$/.exec(page.url())![1]);
    await expectFocusOn(page, "idea-problem");

    const hints = page.getByRole("region", { name: t("ideaForm.similarTitle") });
    await hints.getByRole("link", { name: SEEDED_IDEA, exact: true }).waitFor();

    // solution and benefit are still empty: the server refuses, the form says where
    await page.getByRole("button", { name: t("ideaForm.submit"), exact: true }).click();
    await page.locator("#idea-errors").waitFor();
    await expectFieldError(page, "idea-solution", t("ideaForm.tooShortToSubmit", { min: 30 }));
    await expectFieldError(page, "idea-benefit", t("ideaForm.tooShortToSubmit", { min: 15 }));
    expect(await page.locator("#idea-problem").getAttribute("aria-invalid")).toBeNull();
    await expectFocusOn(page, "idea-solution");
    await expectNoAxeViolations(page);

    await page
      .getByLabel(t("ideaForm.solution"), { exact: true })
      .fill("Jadwal perekaman daring per jam dan satu alat tambahan yang bergiliran antar kecamatan.");
    await page
      .getByLabel(t("ideaForm.benefit"), { exact: true })
      .fill("Waktu tunggu turun dari setengah hari menjadi satu jam.");
    await page.getByRole("button", { name: t("ideaForm.submit"), exact: true }).click();

    await expectPath(page, `/ide/${id}`);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByText(t("idea.submitted"), { exact: true }).waitFor();
    expect(await page.locator(".idea-head .badge").innerText()).toContain(t("ideaStatus.submitted"));
    const history = await page.getByRole("region", { name: t("idea.history"), exact: true }).innerText();
    expect(history).toContain(t("ideaEvent.submit"));

    await page.getByRole("link", { name: `← ${t("idea.back")}`, exact: true }).click();
    await expectPath(page, "/ide");
    await page.getByRole("button", { name: t("ideas.mine"), exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("saya") === "1");
    expect(await page.getByRole("button", { name: t("ideas.mine"), exact: true }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    await page.getByRole("link", { name: title, exact: true }).waitFor();
  });

  it("lets an admin create a campaign with the default rubric after the server named the wrong date", async () => {
    const title = `Lomba inovasi ${tag}`;
    const page = await pages.open(viewport);
    await signInTo(page, lang, SRI_ADMIN, "/kampanye");
    await page
      .getByRole("main")
      .getByRole("link", { name: t("campaigns.create"), exact: true })
      .click();
    await expectPath(page, "/admin/kampanye/baru");

    await page.getByLabel(t("editor.title"), { exact: true }).fill(title);
    const dates = {
      submissionStart: "2030-01-06T08:00",
      submissionEnd: "2030-01-31T16:00",
      votingStart: "2030-01-13T08:00",
      votingEnd: "2030-02-10T16:00",
      // before voting has ended: the server refuses this one
      reviewStart: "2030-02-03T08:00",
      reviewEnd: "2030-02-28T16:00",
      announcementAt: "2030-03-09T10:00",
    };
    for (const [field, value] of Object.entries(dates)) await page.locator(`#campaign-${field}`).fill(value);
    expect(await page.getByLabel(t("editor.useDefaultRubric"), { exact: true }).isChecked()).toBe(true);
    await page.getByRole("button", { name: t("editor.create"), exact: true }).click();

    await page.locator("#campaign-errors").waitFor();
    await expectFieldError(page, "campaign-reviewStart", t("editorError.reviewStart"));
    await expectFocusOn(page, "campaign-reviewStart");
    expect(await page.locator("#campaign-votingEnd").getAttribute("aria-invalid")).toBeNull();
    await expectPath(page, "/admin/kampanye/baru");

    await page.locator("#campaign-reviewStart").fill("2030-02-11T08:00");
    await page.getByRole("button", { name: t("editor.create"), exact: true }).click();
    await page.waitForURL(/\/kampanye\/\d+$/);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const rubric = await page.getByRole("region", { name: t("campaign.rubric") }).innerText();
    for (const criterion of DEFAULT_RUBRIC) {
      expect(rubric).toContain(lang === "en" ? criterion.labelEn : criterion.labelId);
      expect(rubric).toContain(t("campaign.weight", { weight: criterion.weight }));
    }
    // the dates the admin typed, in the browser's time zone, come back as typed
    await page.getByRole("link", { name: t("campaign.edit"), exact: true }).click();
    await page.waitForURL(/\/admin\/kampanye\/\d+$/);
    expect(await page.locator("#campaign-reviewStart").inputValue()).toBe("2030-02-11T08:00");
  });
});
