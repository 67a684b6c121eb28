/**
 * A career record and replication that travels (issue 21.2, 21.3), on a phone in Bahasa Indonesia:
 * Dewi issues her innovation record, downloads its PDF, shares it, and a visitor verifies the code
 * on the certificates' verification page (and sees it revoked once she revokes it); Fadli of
 * Lhokseumawe searches the library, opens Pangkalpinang's replica of Binjai's queue, replicates it,
 * and the lineage shows three generations. With E2E_SCREENSHOTS=1 the screens go to docs/screenshots/.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { ROOT } from "./dev-server.ts";
import { textIn } from "./i18n.ts";
import { expectPath, signInThroughForm } from "./journey.ts";
import { DEMO_PASSWORD, DEWI, FADLI } from "./personas.ts";

const SHOTS = process.env.E2E_SCREENSHOTS ? path.join(ROOT, "docs", "screenshots") : null;
const t = textIn("id");

let browser: Browser;
let pages: PageFactory;
beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

const shoot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
};

describe("innovation record (id, phone)", () => {
  it("issues the record, downloads its PDF, shares it, and the code verifies publicly until revoked", async () => {
    const page = await pages.open("phone");
    await signInThroughForm(page, "id", { identifier: DEWI.nip, password: DEMO_PASSWORD }, "/rekam-jejak");
    await expectPath(page, "/rekam-jejak");
    await page.getByRole("heading", { level: 1, name: t("career.title") }).waitFor();
    await page.getByRole("heading", { level: 2, name: t("career.year", { year: 2026 }) }).waitFor();

    await page.getByRole("button", { name: t("career.issue"), exact: true }).click();
    const issued = page.locator(".career-issued li").first();
    const pdfLink = issued.getByRole("link", { name: t("career.downloadPdf"), exact: true });
    await pdfLink.waitFor();
    const code = (await issued.locator(".career-code").innerText()).trim();
    expect(code).toMatch(/^GGR(-[0-9A-Z]{4}){7}$/);

    const dir = await mkdtemp(path.join(tmpdir(), "gagas-career-"));
    const download = page.waitForEvent("download");
    await pdfLink.click();
    const pdf = path.join(dir, "rekam-jejak.pdf");
    await (await download).saveAs(pdf);
    const text = execFileSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("REKAM JEJAK INOVASI");
    expect(text).toContain(DEWI.name);
    expect(text).toContain(code);

    // the share page: off until she turns it on, then open to anyone with the link, without her NIP
    await page.getByRole("button", { name: t("career.shareStart"), exact: true }).click();
    const link = page.locator(".career-share-link a");
    await link.waitFor();
    await expectNoAxeViolations(page);
    await shoot(page, "career-record-phone.png");
    const sharedUrl = await link.getAttribute("href");
    const visitor = await pages.open("phone");
    await visitor.goto(new URL(sharedUrl!).pathname);
    await visitor.getByRole("heading", { level: 1 }).filter({ hasText: DEWI.name }).waitFor();
    expect(await visitor.locator("main").innerText()).not.toContain(DEWI.nip);
    await expectNoAxeViolations(visitor);
    await shoot(visitor, "career-shared-phone.png");

    // the QR code's address: the certificates' verification page says whose record, as of when
    await visitor.goto(`/verifikasi/${code}`);
    await visitor.getByRole("heading", { level: 2, name: t("verify.record.validTitle") }).waitFor();
    const result = await visitor.locator(".verify-outcome").innerText();
    expect(result).toContain(`Rekam jejak inovasi ${DEWI.name}, per `);
    expect(result).toContain(t("verify.record.lists"));
    await expectNoAxeViolations(visitor);
    await shoot(visitor, "career-verify-phone.png");

    // revoked by her, the same code says so
    page.once("dialog", (dialog) => void dialog.accept());
    await issued.getByRole("button", { name: t("career.revoke"), exact: true }).click();
    await issued.getByText(/^Dicabut /).waitFor();
    await visitor.goto(`/verifikasi/${code.toLowerCase()}`);
    await visitor.getByRole("heading", { level: 2, name: t("verify.record.revokedTitle") }).waitFor();
  });
});

describe("replication that travels (id, phone)", () => {
  it("finds a replica in the library, replicates it again, and the lineage shows three generations", async () => {
    const page = await pages.open("phone");
    await signInThroughForm(page, "id", { identifier: FADLI.nip, password: DEMO_PASSWORD }, "/pustaka");
    await page.getByRole("heading", { level: 1, name: t("library.title") }).waitFor();
    const replicaTitle = "Antrean daring layanan kependudukan Pangkalpinang";
    await page.getByLabel(t("libraryx.search"), { exact: true }).fill("antrean Pangkalpinang");
    await page.getByLabel(t("libraryx.search"), { exact: true }).press("Enter");
    await page.getByRole("button", { name: t("ideas.filterToggle"), exact: true }).click();
    await page.getByLabel(t("libraryx.stage"), { exact: true }).selectOption("replica");
    const card = page.getByRole("link", { name: replicaTitle, exact: true });
    await card.waitFor();
    await expectNoAxeViolations(page);
    await shoot(page, "library-search-phone.png");
    await card.click();
    await page.waitForURL(/\/pustaka\/\d+$/);
    const replicaId = Number(/\/pustaka\/(\d+)$/.exec(page.url())![1]);
    await page.getByRole("heading", { level: 2, name: t("libraryx.lineage") }).waitFor();
    await page.locator(".lineage-tree").getByText("Antrean daring perekaman KTP elektronik").waitFor();

    await page.getByRole("link", { name: t("library.replicate"), exact: true }).click();
    await page.waitForURL(/\/ide\/baru\?replikasi=\d+$/);
    const title = `Antrean daring Disdukcapil Lhokseumawe ${Date.now() % 100_000}`;
    await page.getByLabel(t("ideaForm.ideaTitle"), { exact: true }).fill(title);
    await page
      .getByLabel(t("ideaForm.problem"), { exact: true })
      .fill("Warga dari kecamatan jauh mengantre seharian di kantor Disdukcapil dan sering pulang tanpa dilayani.");
    await page
      .getByLabel(t("ideaForm.solution"), { exact: true })
      .fill("Mereplikasi antrean daring Pangkalpinang: pemesanan jam layanan dari ponsel dengan kuota dan pengingat.");
    await page
      .getByLabel(t("ideaForm.benefit"), { exact: true })
      .fill("Waktu tunggu turun dan warga tidak perlu datang dua kali.");
    await page.getByRole("button", { name: t("ideaForm.submit"), exact: true }).click();
    await page.waitForURL(/\/ide\/\d+$/);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();

    // the replica's family: Binjai's original, Pangkalpinang's replica, and now Lhokseumawe's
    await page.goto(`/pustaka/${replicaId}`);
    const tree = page.locator(".lineage-tree");
    await tree.getByText(title).waitFor();
    for (const generation of [1, 2, 3])
      await tree
        .getByText(t("libraryx.generation", { n: generation }))
        .first()
        .waitFor();
    expect(await page.getByText(/dalam 3 generasi/).count()).toBe(1);
    await expectNoAxeViolations(page);
    await shoot(page, "library-lineage-phone.png");
  });
});
