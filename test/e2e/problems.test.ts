/**
 * The problem bank, end to end on a phone: the admin imports citizen complaints — a file with a bad
 * row is refused naming row and column in Bahasa Indonesia, the corrected one is previewed and
 * stored; an ASN links their idea to the problem; once the idea is implemented the dashboard counts
 * the problem's complaints as answered; a leader opens a campaign from the problem. With
 * E2E_SCREENSHOTS=1 it also saves the screens at 360 px to docs/screenshots/.
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { queryD1 } from "./d1.ts";
import { ROOT } from "./dev-server.ts";
import { textIn } from "./i18n.ts";
import { insertShortlistedIdea } from "./implementation-fixture.ts";
import { expectPath, signInThroughForm } from "./journey.ts";
import { ANDI, CHAIR_BINJAI, DEMO_PASSWORD, LEADER_BINJAI, SRI_ADMIN, type Persona } from "./personas.ts";

const t = textIn("id");
const OUT = path.join(ROOT, "docs", "screenshots");
const RUN = Date.now().toString(36).toUpperCase();
const HEADER = "ID Laporan;Tanggal;Nama Pelapor;No HP;Saluran;Kategori;Isi;Lokasi;Unit";
const TITLE = `Antrean perekaman KTP-el di Disdukcapil sangat lama ${RUN}`;
const complaint = (n: number, date: string, text: string) =>
  `LAPOR-${RUN}-${n};${date};Warga ${n};0812345678${n};SP4N-LAPOR!;Kependudukan;${text};Binjai Kota;DUKCAPIL`;
const GOOD = [
  complaint(1, "2026-03-02", `${TITLE}, hubungi saya 0812-3456-7890`),
  complaint(2, "03/03/2026", `Antrian perekaman e-KTP di Disdukcapil lama sekali ${RUN}`),
  complaint(3, "2026-03-04", `Antrean perekaman KTP elektronik Disdukcapil sangat lama ${RUN}`),
];

async function shoot(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SCREENSHOTS) return;
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(OUT, name), fullPage: true });
}

let browser: Browser;
let pages: PageFactory;
beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

async function signedIn(who: Persona, next: string) {
  const page = await pages.open("phone");
  await signInThroughForm(page, "id", { identifier: who.nip, password: DEMO_PASSWORD }, next);
  await expectPath(page, next);
  return page;
}

async function upload(page: Page, lines: string[]) {
  await page.getByLabel(t("complaintImport.file"), { exact: true }).setInputFiles({
    name: "keluhan-lapor.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFF${[HEADER, ...lines].join("\r\n")}\r\n`),
  });
  await page.getByRole("button", { name: t("complaintImport.check"), exact: true }).click();
}

const answered = async (page: Page) =>
  Number((await page.locator(".complaints-answered .problem-figure strong").innerText()).replace(/\D/g, ""));

describe("the problem bank (id, phone 360 px)", () => {
  const persistTo = inject("persistTo");
  let problemId = 0;
  let ideaId = 0;

  it("refuses a complaints file with a bad row naming row and column, then imports the good one", async () => {
    const page = await signedIn(SRI_ADMIN, "/masalah");
    await page.getByRole("link", { name: t("problems.import"), exact: true }).click();
    await expectPath(page, "/masalah/impor");

    // row 3 (the header is row 1) has no 31 February
    await upload(page, [GOOD[0]!, complaint(9, "31/02/2026", "Lampu jalan mati"), GOOD[1]!]);
    await page
      .getByRole("alert")
      .filter({ hasText: t("complaintImport.failed", { count: 1 }) })
      .waitFor();
    const cells = await page.locator(".data-table tbody tr").first().locator("td").allInnerTexts();
    expect(cells).toEqual(["3", "tanggal", t("field.complaint.date_invalid")]);
    await shoot(page, "complaint-import-refused-phone.png");
    const [none] = await queryD1<{ n: number }>(
      persistTo,
      `SELECT count(*) AS n FROM complaints WHERE external_id LIKE 'LAPOR-${RUN}-%'`,
    );
    expect(none?.n).toBe(0);

    await upload(page, GOOD);
    const preview = page.getByRole("region", { name: t("complaintImport.previewTitle") });
    await preview.waitFor();
    await expect(preview.innerText()).resolves.toContain(
      t("complaintImport.dropped", { columns: "Nama Pelapor, No HP" }),
    );
    await expectNoAxeViolations(page);
    await shoot(page, "complaint-import-preview-phone.png");
    await page.getByRole("button", { name: t("complaintImport.store", { count: 3 }), exact: true }).click();
    await page.getByRole("region", { name: t("complaintImport.doneTitle") }).waitFor();

    const stored = await queryD1<{ problem_id: number; text: string }>(
      persistTo,
      `SELECT problem_id, text FROM complaints WHERE external_id LIKE 'LAPOR-${RUN}-%' ORDER BY id`,
    );
    expect(stored).toHaveLength(3);
    expect(new Set(stored.map((s) => s.problem_id)).size).toBe(1);
    expect(stored.map((s) => s.text).join(" ")).not.toContain("0812");
    problemId = stored[0]!.problem_id;

    await page.getByRole("link", { name: t("complaintImport.toBank"), exact: true }).click();
    await expectPath(page, "/masalah");
    await page.getByLabel(t("problems.search"), { exact: true }).fill(RUN);
    const card = page.locator(".problem-card").filter({ hasText: TITLE });
    await card.waitFor();
    await expect(card.innerText()).resolves.toContain(`3 ${t("problems.complaints")}`);
    await expectNoAxeViolations(page);
    await shoot(page, "problem-bank-phone.png");
    await card.getByRole("link", { name: TITLE }).click();
    await expectPath(page, `/masalah/${problemId}`);
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await shoot(page, "problem-page-phone.png");
  });

  it("lets an ASN link their idea to the problem; the dashboard counts it once the idea is implemented", async () => {
    expect(problemId).toBeGreaterThan(0);
    const title = `Perekaman KTP-el dengan nomor antrean daring ${RUN}`;
    ideaId = await insertShortlistedIdea(persistTo, ANDI, CHAIR_BINJAI, title);

    const leader = await signedIn(LEADER_BINJAI, "/dasbor");
    await leader.locator(".complaints-answered .problem-figure").waitFor();
    const before = await answered(leader);

    const asn = await signedIn(ANDI, `/ide/${ideaId}`);
    await asn.getByRole("button", { name: t("ideaProblems.link"), exact: true }).click();
    const dialog = asn.getByRole("dialog", { name: t("ideaProblems.pickTitle") });
    await dialog.getByLabel(t("problems.search"), { exact: true }).fill(RUN);
    await dialog.getByLabel(TITLE).check();
    await shoot(asn, "idea-problem-picker-phone.png");
    await dialog.getByRole("button", { name: t("ideaProblems.save", { count: 1 }), exact: true }).click();
    await asn
      .getByRole("region", { name: t("ideaProblems.title") })
      .getByRole("link", { name: TITLE })
      .waitFor();

    await asn.goto(`/masalah/${problemId}`);
    const answers = asn.getByRole("region", { name: t("problem.ideasTitle") });
    await answers.getByRole("link", { name: title }).waitFor();
    await expect(answers.innerText()).resolves.toContain(t("ideaStatus.shortlisted"));

    await leader.reload();
    await leader.locator(".complaints-answered .problem-figure").waitFor();
    expect(await answered(leader)).toBe(before);

    // the chair's decisions have journeys of their own (implementation-awards); here the idea just becomes implemented
    await queryD1(
      persistTo,
      `UPDATE ideas SET status = 'implemented', decided_at = ${Date.now()} WHERE id = ${ideaId}`,
    );
    await leader.reload();
    await leader.locator(".complaints-answered .problem-figure").waitFor();
    expect(await answered(leader)).toBe(before + 3);
    await leader.locator(".complaints-answered").scrollIntoViewIfNeeded();
    await shoot(leader, "dashboard-complaints-answered-phone.png");
  });

  it("lets a leader open a campaign from the problem, prefilled and linked to it", async () => {
    expect(problemId).toBeGreaterThan(0);
    const page = await signedIn(LEADER_BINJAI, `/masalah/${problemId}`);
    await page.getByRole("link", { name: t("problem.openCampaign"), exact: true }).click();
    await expectPath(page, `/masalah/${problemId}/kampanye`);
    const title = page.getByLabel(t("editor.title"), { exact: true });
    expect(await title.inputValue()).toContain(t("problemCampaign.campaignTitle", { title: TITLE }));
    await shoot(page, "problem-campaign-phone.png");
    const dates = await page.evaluate(() => {
      const pad = (n: number) => String(n).padStart(2, "0");
      const at = (days: number) => {
        const d = new Date(Date.now() + days * 86_400_000);
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
      };
      return {
        submissionStart: at(1),
        submissionEnd: at(20),
        votingStart: at(5),
        votingEnd: at(30),
        reviewStart: at(31),
        reviewEnd: at(45),
        announcementAt: at(50),
      };
    });
    for (const [field, value] of Object.entries(dates)) await page.locator(`#campaign-${field}`).fill(value);
    await page.getByRole("button", { name: t("editor.create"), exact: true }).click();
    await page.waitForURL(/\/kampanye\/\d+$/, { timeout: 20_000 });
    const campaignId = Number(/\/kampanye\/(\d+)$/.exec(page.url())![1]);
    await page.goto(`/masalah/${problemId}`);
    await page
      .getByRole("region", { name: t("problem.campaignsTitle") })
      .getByRole("link")
      .first()
      .waitFor();
    const [link] = await queryD1<{ problem_id: number }>(
      persistTo,
      `SELECT problem_id FROM problem_campaigns WHERE campaign_id = ${campaignId}`,
    );
    expect(link?.problem_id).toBe(problemId);
  });

  it("lets the admin write a challenge, rename it, merge it into the problem and split complaints off again", async () => {
    expect(problemId).toBeGreaterThan(0);
    const page = await signedIn(SRI_ADMIN, "/masalah");
    await page.getByRole("link", { name: t("problems.newChallenge"), exact: true }).click();
    await expectPath(page, "/masalah/baru");
    await page.getByLabel(t("challenge.titleLabel"), { exact: true }).fill(`Antrean KTP-el ${RUN}`);
    await page.getByLabel(t("problems.category"), { exact: true }).fill("Kependudukan");
    await page.getByRole("button", { name: t("challenge.submit"), exact: true }).click();
    await page.waitForURL(/\/masalah\/\d+$/);
    const challengeId = Number(/(\d+)$/.exec(page.url())![1]);

    await page.getByLabel(t("problemTools.renameLabel"), { exact: true }).fill(`Antrean perekaman KTP-el ${RUN}`);
    await page.getByRole("button", { name: t("problemTools.rename"), exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Antrean perekaman KTP-el ${RUN}` }).waitFor();

    await page.getByLabel(t("problemTools.mergeLabel"), { exact: true }).selectOption(String(problemId));
    await page.getByRole("button", { name: t("problemTools.merge"), exact: true }).click();
    await expectPath(page, `/masalah/${problemId}`);
    const [gone] = await queryD1<{ n: number }>(
      persistTo,
      `SELECT count(*) AS n FROM problems WHERE id = ${challengeId}`,
    );
    expect(gone?.n).toBe(0);

    await page.locator(".complaint input[type=checkbox]").first().check();
    await page
      .getByLabel(t("problemTools.splitLabel"), { exact: true })
      .fill(`Perekaman KTP-el di luar jam kerja ${RUN}`);
    await shoot(page, "problem-tools-phone.png");
    await page.getByRole("button", { name: t("problemTools.split"), exact: true }).click();
    await page.getByRole("heading", { level: 1, name: `Perekaman KTP-el di luar jam kerja ${RUN}` }).waitFor();
    const counts = await queryD1<{ complaint_count: number }>(
      persistTo,
      `SELECT complaint_count FROM problems WHERE id = ${problemId}`,
    );
    expect(counts[0]?.complaint_count).toBe(2);
  });
});
