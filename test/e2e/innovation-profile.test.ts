/**
 * From an approved idea to a dossier an agency can hand in: the team fills in the innovation
 * profile (refused first on its required fields), adds a link and a file as evidence for an
 * indicator, then downloads the dossier as a PDF (its text read with `pdftotext`) and as the ZIP
 * for import (JSON, PDF and the evidence file). On a phone in Bahasa Indonesia and on a desktop in
 * English. With E2E_SCREENSHOTS=1 the phone run saves the editor and the filled profile to
 * docs/screenshots/.
 */
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { queryD1 } from "./d1.ts";
import { ROOT } from "./dev-server.ts";
import { textIn } from "./i18n.ts";
import { expectPath, signInThroughForm, VARIANTS } from "./journey.ts";
import { DEMO_PASSWORD, DEWI, type Persona } from "./personas.ts";
import { z } from "@hono/zod-openapi";

const persistTo = inject("persistTo");
const SHOTS = process.env.E2E_SCREENSHOTS ? path.join(ROOT, "docs", "screenshots") : null;

/** 1×1 PNG: a photo of the new counter, as far as the server can tell. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/** An approved idea of `author` in their agency's Kotak Ide, its author on the team. */
async function insertApprovedIdea(author: Persona, title: string): Promise<number> {
  const now = Date.now();
  const idea = `(SELECT id FROM ideas WHERE title = '${title}')`;
  const [row] = await queryD1<{ id: number }>(
    persistTo,
    `INSERT INTO ideas (agency_id, campaign_id, unit_id, author_id, title, problem, solution, benefit, target_service, category, status, listed, submitted_at, decided_at, decision_reason, created_at, updated_at)
       SELECT u.agency_id, (SELECT id FROM campaigns WHERE agency_id = u.agency_id AND kind = 'open'), u.unit_id, u.id, '${title}',
         'Warga mengantre sejak subuh untuk perekaman KTP elektronik.', 'Antrean daring lewat WhatsApp dengan kuota per jam.',
         'Waktu tunggu turun dari empat jam menjadi dua puluh menit.', 'Perekaman KTP elektronik', 'Pelayanan publik', 'approved', 1,
         ${now}, ${now}, 'Layak diterapkan di semua kecamatan.', ${now}, ${now}
       FROM users u WHERE u.nip = '${author.nip}';
     INSERT INTO idea_authors (idea_id, user_id, role, invited_at, accepted_at)
       VALUES (${idea}, (SELECT id FROM users WHERE nip = '${author.nip}'), 'author', ${now}, ${now});
     SELECT ${idea} AS id;`,
  );
  return row!.id;
}

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

describe.each(JOURNEYS)("innovation profile and dossier ($lang, $viewport)", ({ lang, viewport }) => {
  const t = textIn(lang);
  const shoot = async (page: Page, name: string) => {
    if (!SHOTS || viewport !== "phone") return;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
  };

  it("fills the profile, adds evidence for an indicator and downloads the dossier as PDF and ZIP", async () => {
    const title = `Antrean KTP daring (${lang}, ${viewport}) ${Date.now() % 100_000}`;
    const ideaId = await insertApprovedIdea(DEWI, title);
    const page = await pages.open(viewport);
    await signInThroughForm(page, lang, { identifier: DEWI.nip, password: DEMO_PASSWORD }, `/ide/${ideaId}`);
    await expectPath(page, `/ide/${ideaId}`);
    const section = page.getByRole("region", { name: t("innov.title"), exact: true });
    await section.getByText(t("innov.empty"), { exact: false }).waitFor();

    // the editor refuses what is missing, on its fields
    await section.getByRole("button", { name: t("innov.fill"), exact: true }).click();
    const form = section.getByRole("form", { name: t("innov.fill") });
    await form.getByRole("button", { name: t("innov.save"), exact: true }).click();
    await form.locator("#innov-stage-error").waitFor();
    expect(await form.locator("#innov-stage-error").innerText()).toContain(t("innov.required"));

    await form.getByLabel(t("innov.stage"), { exact: true }).selectOption("penerapan");
    await form.getByLabel(t("innov.type"), { exact: true }).selectOption("digital");
    await form.getByLabel(t("innov.form"), { exact: true }).selectOption("pelayanan_publik");
    await form.getByLabel(t("innov.urusan"), { exact: true }).selectOption("adminduk");
    await form.getByLabel(t("sdg.16"), { exact: true }).check();
    await form
      .getByLabel(t("innov.objectives"), { exact: true })
      .fill("Memangkas waktu tunggu perekaman KTP elektronik.");
    await form.getByLabel(t("innov.targetGroups"), { exact: true }).fill("Warga wajib KTP");
    await form.getByLabel(new RegExp(`^${t("innov.budget").replace(/[()]/g, "\\$&")}`)).fill("25000000");
    await form.getByLabel(new RegExp(`^${t("innov.budgetSource")}`)).selectOption("apbd");
    await form.getByLabel(new RegExp(`^${t("innov.video")}`)).fill("http://video.example.id/antrean");
    await form.getByRole("button", { name: t("innov.addIndicator"), exact: true }).click();
    await form.getByLabel(t("innov.indicatorName"), { exact: true }).fill("Waktu tunggu layanan");
    await form.getByLabel(t("innov.indicatorUnit"), { exact: true }).fill("menit");
    await form.getByLabel(t("innov.before"), { exact: true }).fill("240");
    await form.getByLabel(t("innov.after"), { exact: true }).fill("20");

    // the server's checks: the shape first (an http:// video), then the rules across fields (no dates for penerapan)
    await form.getByRole("button", { name: t("innov.save"), exact: true }).click();
    await form.locator("#innov-videoUrl-error").waitFor();
    expect(await form.locator("#innov-videoUrl-error").innerText()).toContain(t("code.profile.url_not_https"));
    await form.getByLabel(new RegExp(`^${t("innov.video")}`)).fill("https://video.example.id/antrean");
    await form.getByRole("button", { name: t("innov.save"), exact: true }).click();
    await form.locator("#innov-trialDate-error").waitFor();
    expect(await form.locator("#innov-trialDate-error").innerText()).toContain(t("code.profile.trial_date_required"));
    expect(await form.locator("#innov-implementationDate-error").innerText()).toContain(
      t("code.profile.implementation_date_required"),
    );
    await form.getByLabel(new RegExp(`^${t("innov.trialDate")}`)).fill("2025-02-03");
    await form.getByLabel(new RegExp(`^${t("innov.implementationDate")}`)).fill("2025-06-10");
    await shoot(page, "innovation-profile-form-phone.png");
    await expectNoAxeViolations(page);
    await form.getByRole("button", { name: t("innov.save"), exact: true }).click();
    await section.getByText(t("innov.saved")).waitFor();
    await section.getByText(t("urusan.adminduk")).waitFor();

    // evidence: a link for the indicator, then a file for the innovation as a whole
    const add = section.getByRole("form", { name: t("innov.addEvidence") });
    await add.getByLabel(t("innov.evidenceKind"), { exact: true }).selectOption("liputan_media");
    await add.getByLabel(t("innov.evidenceTitle"), { exact: true }).fill("Berita antrean daring");
    await add.getByLabel(t("innov.evidenceIndicator"), { exact: true }).selectOption({ label: "Waktu tunggu layanan" });
    await add.getByLabel(t("innov.evidenceUrl"), { exact: true }).fill("https://berita.example.id/antrean");
    await add.getByRole("button", { name: t("innov.addEvidence"), exact: true }).click();
    await section.getByRole("link", { name: "Berita antrean daring" }).waitFor();
    await add.getByLabel(t("innov.evidenceKind"), { exact: true }).selectOption("regulasi");
    await add.getByLabel(t("innov.evidenceTitle"), { exact: true }).fill("SK Wali Kota");
    await add.getByRole("radio", { name: t("innov.asFile"), exact: true }).check();
    await add
      .getByLabel(t("innov.evidenceFile"), { exact: true })
      .setInputFiles({ name: "sk.png", mimeType: "image/png", buffer: PNG });
    await add.getByRole("button", { name: t("innov.addEvidence"), exact: true }).click();
    await section.getByRole("link", { name: /^SK Wali Kota/ }).waitFor();
    await section
      .getByText(t("innov.supports", { name: "Waktu tunggu layanan" }))
      .first()
      .waitFor();
    await shoot(page, "innovation-profile-phone.png");
    await expectNoAxeViolations(page);

    // the dossier as a PDF, one tap away
    const [pdf] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: t("innov.dossierPdf"), exact: true }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(new RegExp(`^dosir-inovasi-${ideaId}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    const text = execFileSync("pdftotext", ["-raw", (await pdf.path())!, "-"], { encoding: "utf8" });
    for (const expected of [
      title,
      "Penerapan",
      "Inovasi pelayanan publik",
      "Administrasi kependudukan dan pencatatan sipil",
      "16. Perdamaian, keadilan dan kelembagaan yang tangguh",
      "Rp 25.000.000 (APBD)",
      "Waktu tunggu layanan",
      "[Regulasi] SK Wali Kota",
      "https://berita.example.id/antrean",
      "Layak diterapkan di semua kecamatan.",
    ]) {
      expect(text, expected).toContain(expected);
    }

    // and as the package for import
    const [zip] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: t("innov.dossierZip"), exact: true }).click(),
    ]);
    const files = unzipSync(new Uint8Array(await readFile((await zip.path())!)));
    expect(Object.keys(files)).toEqual(["dosir.json", "dosir.pdf", "bukti/01-sk.png"]);
    expect(Buffer.from(files["bukti/01-sk.png"]!)).toEqual(PNG);
    const data = z
      .object({ profilInovasi: z.object({ namaInovasi: z.string() }) })
      .parse(JSON.parse(strFromU8(files["dosir.json"]!)));
    expect(data.profilInovasi.namaInovasi).toBe(title);

    // an evidence file downloads as it was uploaded; a piece of evidence is removed again
    const [evidence] = await Promise.all([
      page.waitForEvent("download"),
      section.getByRole("link", { name: /^SK Wali Kota/ }).click(),
    ]);
    expect(await readFile((await evidence.path())!)).toEqual(PNG);
    await section.getByRole("button", { name: t("innov.evidenceRemove", { title: "Berita antrean daring" }) }).click();
    await section.getByText(t("innov.evidenceRemoved")).waitFor();
    await section.getByRole("link", { name: "Berita antrean daring" }).waitFor({ state: "detached" });
  });
});
