/**
 * From a decision to recognition: the chair approves a shortlisted idea after reading what will
 * follow, marks it implemented through the implementation report, the team adds a progress update
 * with a figure and opens the dossier; the leader announces an award after its preview, revokes it
 * with a reason, and the public verification page says the certificate was revoked; the team member
 * downloads her personal data from the profile. On a phone (Bahasa Indonesia) and a desktop (English).
 * With E2E_SCREENSHOTS=1 the phone run saves the new dialogs and forms to docs/screenshots/.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { ROOT } from "./dev-server.ts";
import { textIn } from "./i18n.ts";
import { chooseLanguage, expectPath, signInThroughForm, VARIANTS } from "./journey.ts";
import { insertShortlistedIdea } from "./implementation-fixture.ts";
import { CHAIR_BINJAI, DEMO_PASSWORD, DEWI, LEADER_BINJAI, type Persona } from "./personas.ts";
import { z } from "@hono/zod-openapi";

const persistTo = inject("persistTo");
const SHOTS = process.env.E2E_SCREENSHOTS ? path.join(ROOT, "docs", "screenshots") : null;

let browser: Browser;
let pages: PageFactory;
beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

const JOURNEYS = VARIANTS.filter(
  (v) => (v.lang === "id" && v.viewport === "phone") || (v.lang === "en" && v.viewport === "desktop"),
);

describe.each(JOURNEYS)("implementation and awards ($lang, $viewport)", ({ lang, viewport }) => {
  const t = textIn(lang);
  /** A dialog is shot as the phone shows it (the screen), a page whole. */
  const shoot = async (page: Page, name: string, fullPage = true) => {
    if (SHOTS && viewport === "phone") await page.screenshot({ path: path.join(SHOTS, name), fullPage });
  };
  const signIn = async (page: Page, who: Persona, next: string) => {
    await signInThroughForm(page, lang, { identifier: who.nip, password: DEMO_PASSWORD }, next);
    await expectPath(page, next);
  };

  it("approves after the confirmation, reports the implementation, adds an update and opens the dossier", async () => {
    const title = `Surat pindah elektronik (${lang}, ${viewport}) ${Date.now() % 100_000}`;
    const ideaId = await insertShortlistedIdea(persistTo, DEWI, CHAIR_BINJAI, title);
    const page = await pages.open(viewport);
    await signIn(page, CHAIR_BINJAI, `/ide/${ideaId}`);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();

    // approving says first what will follow, and changes nothing until confirmed
    await page.getByRole("button", { name: t("ideaAction.approve"), exact: true }).click();
    const confirm = page.getByRole("dialog", { name: t("confirm.approveTitle") });
    await confirm.getByText(t("confirm.told")).waitFor();
    // the points under the rules in force, once they arrived
    await confirm.getByText(t("confirm.pointsLoading")).waitFor({ state: "detached" });
    expect(await confirm.locator(".consequences").innerText()).toMatch(/\d+/);
    await confirm
      .getByText(t("confirm.move", { from: t("ideaStatus.shortlisted"), to: t("ideaStatus.approved") }))
      .waitFor();
    await shoot(page, "idea-approve-confirm-phone.png", false);
    await expectNoAxeViolations(page);
    await confirm.getByRole("button", { name: t("ideaAction.cancel"), exact: true }).click();
    await confirm.waitFor({ state: "detached" });
    await page.getByRole("button", { name: t("ideaAction.approve"), exact: true }).click();
    await confirm.getByRole("button", { name: t("ideaAction.approve"), exact: true }).click();
    await confirm.waitFor({ state: "detached" });
    await page.getByText(t("idea.actionDone", { status: t("ideaStatus.approved") })).waitFor();

    // "mark implemented" is the implementation report; an empty one is refused on its fields
    await page.getByRole("button", { name: t("ideaAction.implement"), exact: true }).click();
    const report = page.getByRole("dialog", { name: t("impl.formTitle") });
    await report.getByRole("button", { name: t("impl.submit"), exact: true }).click();
    await report.locator("#impl-summary-error").waitFor();
    expect(await report.locator("#impl-summary-error").innerText()).toContain(t("impl.summaryShort"));
    await report.getByLabel(t("impl.unit"), { exact: true }).selectOption({ label: DEWI.unitName });
    await report
      .getByLabel(t("impl.summary"), { exact: true })
      .fill("Surat pindah diajukan daring dan ditandatangani elektronik di semua kelurahan.");
    await report
      .getByLabel(`${t("impl.results")} ${t("impl.optional")}`, { exact: true })
      .fill("Waktu penyelesaian turun dari 3 hari menjadi 1 hari.");
    await report.getByLabel(`${t("impl.evidence")} ${t("impl.optional")}`, { exact: true }).setInputFiles({
      name: "foto-layanan.png",
      mimeType: "image/png",
      buffer: PNG,
    });
    await report.getByText(t("impl.evidenceChosen", { count: "1" })).waitFor();
    await shoot(page, "implementation-report-form-phone.png", false);
    await expectNoAxeViolations(page);
    await report.getByRole("button", { name: t("impl.submit"), exact: true }).click();
    await report.waitFor({ state: "detached", timeout: 20_000 });

    // the report on the idea page, with its evidence
    const section = page.getByRole("region", { name: t("impl.reportTitle") });
    await section.getByText("Waktu penyelesaian turun dari 3 hari menjadi 1 hari.").waitFor();
    await section.getByRole("link", { name: /foto-layanan\.png/ }).waitFor();
    await page.getByText(t("ideaStatus.implemented")).first().waitFor();

    // the dossier, one tap away, says it was reported
    const [dossier] = await Promise.all([
      page.context().waitForEvent("page"),
      page.getByRole("link", { name: t("idea.dossier"), exact: true }).click(),
    ]);
    await dossier.waitForLoadState();
    expect(await dossier.content()).toContain("Waktu penyelesaian turun dari 3 hari menjadi 1 hari.");
    expect(await dossier.content()).not.toContain("Belum ada laporan penerapan.");
    await dossier.close();

    // the team adds a progress update with a figure
    const team = await pages.open(viewport);
    await signIn(team, DEWI, `/ide/${ideaId}`);
    const updates = team.getByRole("region", { name: t("impl.reportTitle") });
    await updates.getByText(t("impl.updatesEmpty")).waitFor();
    await updates
      .getByLabel(t("impl.updateText"), { exact: true })
      .fill("Tiga bulan berjalan: 412 surat pindah terbit.");
    await updates.getByRole("button", { name: t("impl.addFigure"), exact: true }).click();
    await updates.getByLabel(t("impl.figureLabel"), { exact: true }).fill("Surat terbit");
    await updates.getByLabel(t("impl.figureValue"), { exact: true }).fill("412");
    await updates.getByLabel(t("impl.figureUnit"), { exact: true }).fill("surat");
    await shoot(team, "implementation-update-form-phone.png");
    await updates.getByRole("button", { name: t("impl.postUpdate"), exact: true }).click();
    await updates.getByText(t("impl.updatePosted")).waitFor();
    const posted = updates.getByRole("listitem").filter({ hasText: "Tiga bulan berjalan: 412 surat pindah terbit." });
    await posted.locator(".impl-figures").waitFor();
    expect(await posted.locator(".impl-figures").innerText()).toMatch(/Surat terbit\s+412\s+surat/);
    await expectNoAxeViolations(team);
    await shoot(team, "implementation-report-phone.png");
  });

  it("announces an award after its preview, revokes it with a reason, and the verification says revoked", async () => {
    const title = `${lang === "id" ? "Penggerak Surat Elektronik" : "Electronic Letters Champion"} (${lang}, ${viewport}) ${Date.now() % 100_000}`;
    const page = await pages.open(viewport);
    await signIn(page, LEADER_BINJAI, "/penghargaan/baru");
    await page.getByLabel(t("awardForm.awardTitle"), { exact: true }).fill(title);
    await page
      .getByLabel(t("awardForm.citation"), { exact: true })
      .fill(`${DEWI.name} memimpin penerapan surat pindah elektronik di seluruh kelurahan Binjai.`);
    await page.getByLabel(t("awardForm.period"), { exact: true }).fill("2026");
    await page.getByRole("radio", { name: t("awardForm.kindPeople") }).check();
    await page.getByRole("searchbox", { name: t("awardForm.people") }).fill(DEWI.name.split(" ")[0]!);
    await page.getByRole("button", { name: new RegExp(`^${t("awardForm.add")} ${DEWI.name}`) }).click();
    await page.getByLabel(t("awardForm.bonus"), { exact: true }).fill("40");
    await page.getByRole("button", { name: t("awardForm.submit"), exact: true }).click();

    // the preview: nothing is published until it is confirmed
    const preview = page.getByRole("dialog", { name: t("awardPreview.title") });
    await preview.getByText(DEWI.name, { exact: true }).waitFor();
    await preview.getByText(t("awardPreview.bonus", { points: "40" })).waitFor();
    await shoot(page, "award-preview-phone.png", false);
    await expectNoAxeViolations(page);
    await preview.getByRole("button", { name: t("awardPreview.confirm"), exact: true }).click();
    await page.waitForURL((url) => /^\/penghargaan\/\d+$/.test(url.pathname), { timeout: 20_000 });
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const code = (await page.locator(".award-code code").first().innerText()).trim();
    expect(code).toMatch(/^GGS-/);

    // revoking asks for the reason and says what will happen
    await page.getByRole("button", { name: t("awardRevoke.button"), exact: true }).click();
    const revoke = page.getByRole("dialog", { name: t("awardRevoke.title") });
    await revoke.getByText(t("awardRevoke.text")).waitFor();
    await revoke.getByRole("button", { name: t("awardRevoke.button"), exact: true }).click();
    await revoke.getByText(t("awardRevoke.reasonRequired")).waitFor();
    await revoke
      .getByLabel(t("idea.reason"), { exact: true })
      .fill("Capaian yang dilaporkan ternyata milik unit lain.");
    await shoot(page, "award-revoke-phone.png", false);
    await revoke.getByRole("button", { name: t("awardRevoke.button"), exact: true }).click();
    await revoke.waitFor({ state: "detached" });
    await page.getByText(t("awardRevoke.done")).waitFor();
    await page.getByRole("heading", { name: t("awardRevoke.revokedTitle") }).waitFor();
    await page.getByText("Capaian yang dilaporkan ternyata milik unit lain.").waitFor();
    expect(await page.getByRole("button", { name: t("awardRevoke.button"), exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page);

    // anyone checking the certificate learns it was revoked
    const visitor = await pages.open(viewport);
    await visitor.goto(`/verifikasi/${encodeURIComponent(code)}`);
    await chooseLanguage(visitor, lang);
    await visitor.getByRole("heading", { name: t("verify.revokedTitle") }).waitFor();
    await visitor.getByText(title, { exact: true }).waitFor();
    await expectNoAxeViolations(visitor);
    await shoot(visitor, "verify-revoked-phone.png");
  });

  it("downloads my personal data from the profile", async () => {
    const page = await pages.open(viewport);
    await signIn(page, DEWI, "/profil");
    await page.getByRole("heading", { name: t("profile.exportTitle") }).waitFor();
    await shoot(page, "profile-export-phone.png");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: t("profile.exportButton"), exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^gagas-data-saya-\d{4}-\d{2}-\d{2}\.json$/);
    const data = z
      .record(z.string(), z.unknown())
      .parse(JSON.parse((await readFile((await download.path())!)).toString("utf8")));
    expect(JSON.stringify(data)).toContain(DEWI.nip);
  });
});

/** A 1 × 1 PNG: the photo of the service at work. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
