/**
 * Daily use on a phone: sharing an idea, an award or the Hall of Fame (the phone's own share sheet
 * where the browser has one, else a sheet with "copy link" and a WhatsApp link), and HR staff
 * importing accounts from the template and from an Excel `.xlsx` file made here.
 * With E2E_SCREENSHOTS=1 the share sheet and the import page are also pictured for docs/screenshots/.
 */
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { ROOT } from "./dev-server.ts";
import { textIn } from "./i18n.ts";
import { expectPath, signInThroughForm } from "./journey.ts";
import { DEMO_PASSWORD, DEWI, LILY_ADMIN } from "./personas.ts";
import { UserPageAnswer } from "./answers.ts";

let browser: Browser;
let pages: PageFactory;
beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

const t = textIn("id");
const SHOTS = path.join(ROOT, "docs", "screenshots");
const IDEA = "Antrean daring perekaman KTP elektronik";

async function shoot(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SCREENSHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(SHOTS, name) });
}

/** Opens Dewi's idea; `share` replaces the browser's Web Share API (undefined: a browser without one). */
async function openIdea(share: "none" | "native"): Promise<Page> {
  const page = await pages.open("phone");
  await page.addInitScript((mode) => {
    if (mode === "none") Reflect.deleteProperty(Navigator.prototype, "share");
    else
      Object.defineProperty(Navigator.prototype, "share", {
        configurable: true,
        value: (data: ShareData) => {
          (window as unknown as { shared: ShareData[] }).shared ??= [];
          (window as unknown as { shared: ShareData[] }).shared.push(data);
          return Promise.resolve();
        },
      });
  }, share);
  await signInThroughForm(page, "id", { identifier: DEWI.nip, password: DEMO_PASSWORD }, "/ide");
  await page.getByRole("link", { name: IDEA, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: IDEA }).waitFor();
  return page;
}

describe("sharing", () => {
  it("offers a sheet with the link to copy and a WhatsApp link where the browser cannot share", async () => {
    const page = await openIdea("none");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    const ideaUrl = page.url();
    await page.getByRole("button", { name: t("share.buttonLabel", { title: IDEA }), exact: true }).click();
    const sheet = page.getByRole("dialog", { name: t("share.title") });
    await sheet.waitFor();
    expect(await sheet.getByLabel(t("share.link"), { exact: true }).inputValue()).toBe(ideaUrl);

    const whatsapp = sheet.getByRole("link", { name: t("share.whatsapp"), exact: true });
    const href = new URL((await whatsapp.getAttribute("href"))!);
    expect(href.origin + href.pathname).toBe("https://wa.me/");
    expect(href.searchParams.get("text")).toBe(`${t("share.ideaText", { title: IDEA })} ${ideaUrl}`);
    expect(await whatsapp.getAttribute("rel")).toContain("noopener");

    await sheet.getByRole("button", { name: t("share.copy"), exact: true }).click();
    await sheet
      .getByRole("status")
      .filter({ hasText: t("share.copied") })
      .waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ideaUrl);
    await expectNoAxeViolations(page);
    await shoot(page, "share-sheet-phone.png");

    await sheet.getByRole("button", { name: t("ideaDialog.close") }).click();
    await sheet.waitFor({ state: "detached" });
  });

  it("hands the idea, an award and the Hall of Fame to the phone's own share sheet where there is one", async () => {
    const page = await openIdea("native");
    await page.getByRole("button", { name: t("share.buttonLabel", { title: IDEA }), exact: true }).click();
    const shared = () => page.evaluate(() => (window as unknown as { shared?: ShareData[] }).shared ?? []);
    await expect.poll(shared).toHaveLength(1);
    expect((await shared())[0]).toEqual({ title: IDEA, text: t("share.ideaText", { title: IDEA }), url: page.url() });
    expect(await page.getByRole("dialog").count()).toBe(0);

    await page.goto("/galeri-penghargaan");
    await expectPath(page, "/galeri-penghargaan");
    await page.getByRole("button", { name: t("share.buttonLabel", { title: t("hof.title") }), exact: true }).click();
    await expect.poll(shared).toHaveLength(1);
    const hall = (await shared())[0]!;
    expect(hall.url).toBe(new URL("/galeri-penghargaan", page.url()).href);
    expect(hall.text).toBe(t("share.hallText", { agency: DEWI.agency.name }));

    const award = page.locator(".award-title a").first();
    await award.click();
    await page.waitForURL(/\/penghargaan\/\d+$/);
    // the address changes before the award page renders: wait for the Hall of Fame's heading to go
    await page.getByRole("heading", { level: 1, name: t("hof.title"), exact: true }).waitFor({ state: "detached" });
    const title = await page.getByRole("heading", { level: 1 }).innerText();
    await page.getByRole("button", { name: t("share.buttonLabel", { title }), exact: true }).click();
    // the Hall of Fame's, then the award's: the page changed without a reload
    await expect.poll(shared).toHaveLength(2);
    expect((await shared())[1]).toEqual({ title, text: t("share.awardText", { title }), url: page.url() });
  });
});

/** A valid NIP nobody holds: born 1990-01-01, appointed 2015-01, a sequence from the clock. */
const newNip = (n: number) => `19900101201501${1 + (n % 2)}${String((Date.now() + n) % 1000).padStart(3, "0")}`;

/**
 * A minimal `.xlsx` as Excel writes it: shared strings for the header, inline strings and a
 * number-less text NIP in the rows, the sheet found through the workbook's relationships.
 */
function xlsxOf(rows: string[][]): Buffer {
  const header = rows[0]!;
  const shared = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${header
    .map((h) => `<si><t>${h}</t></si>`)
    .join("")}</sst>`;
  const col = (i: number) => String.fromCharCode(65 + i);
  const sheetRows = rows
    .map((cells, r) => {
      const row = r + 1;
      const xml = cells
        .map((cell, c) =>
          r === 0
            ? `<c r="${col(c)}${row}" t="s"><v>${c}</v></c>`
            : `<c r="${col(c)}${row}" t="inlineStr"><is><t>${cell}</t></is></c>`,
        )
        .join("");
      return `<row r="${row}">${xml}</row>`;
    })
    .join("");
  const files = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Pegawai" sheetId="1" r:id="rId7"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/></Relationships>`,
    "xl/worksheets/data.xml": `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
    "xl/sharedStrings.xml": shared,
  };
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, strToU8(xml)]))));
}

describe("importing accounts", () => {
  const unit = LILY_ADMIN.agency.units[1]!.code;

  async function openImport(): Promise<Page> {
    const page = await pages.open("phone");
    await signInThroughForm(page, "id", { identifier: LILY_ADMIN.nip, password: DEMO_PASSWORD }, "/admin/impor");
    await expectPath(page, "/admin/impor");
    await page.getByRole("heading", { level: 1, name: t("import.title") }).waitFor();
    return page;
  }

  async function upload(page: Page, name: string, buffer: Buffer, mimeType: string) {
    await page.getByLabel(t("import.file"), { exact: true }).setInputFiles({ name, mimeType, buffer });
    await page.getByRole("button", { name: t("import.submit"), exact: true }).click();
  }

  it("downloads the template, and imports it filled in with Indonesian headers and role names", async () => {
    const page = await openImport();
    await expectNoAxeViolations(page);
    await shoot(page, "import-phone.png");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: t("import.template"), exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("templat-impor-pegawai.csv");
    const template = await readFile((await download.path())!);
    expect([...template.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(template.subarray(3).toString("utf8")).toBe("nip;nama;email;kode_unit;jabatan;peran\r\n");

    const nip = newNip(1);
    const row = [
      nip,
      "Rudi Hartono",
      `rudi.${nip}@pangkalpinangkota.go.id`,
      unit,
      "Analis Kebijakan",
      "pegawai|penilai",
    ];
    const filled = Buffer.concat([template, Buffer.from(`${row.join(";")}\r\n`)]);
    await upload(page, "pegawai.csv", filled, "text/csv");
    const done = page
      .getByRole("status")
      .filter({ hasText: t("import.done", { created: "1", updated: "0", unchanged: "0" }) });
    await done.waitFor();
    const account = UserPageAnswer.parse(
      await page.evaluate(async (n) => {
        const res = await fetch(`/api/v1/users?q=${n}`);
        return res.json();
      }, nip),
    );
    expect(account.items.find((u) => u.nip === nip)?.roles).toEqual(["asn", "reviewer"]);
  });

  it("imports an Excel .xlsx file read in the browser, and reports its rows by the spreadsheet's numbers", async () => {
    const page = await openImport();
    const header = ["nip", "nama", "email", "kode_unit", "jabatan", "peran"];
    const nip = newNip(2);
    const good = [nip, "Sari Wulandari", `sari.${nip}@pangkalpinangkota.go.id`, unit, "Pranata Komputer", "pimpinan"];

    const bad = [...good];
    bad[3] = "TIDAK-ADA";
    await upload(
      page,
      "pegawai.xlsx",
      xlsxOf([header, bad]),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const report = page.getByRole("table");
    await report.waitFor();
    expect(await report.getByRole("row").nth(1).innerText()).toMatch(/^2\s+kode_unit\s+/);

    await upload(
      page,
      "pegawai.xlsx",
      xlsxOf([header, good]),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    await page
      .getByRole("status")
      .filter({ hasText: t("import.done", { created: "1", updated: "0", unchanged: "0" }) })
      .waitFor();

    await upload(
      page,
      "bukan-excel.xlsx",
      Buffer.from("bukan zip"),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    await page
      .getByRole("alert")
      .filter({ hasText: t("import.notXlsx") })
      .waitFor();
  });
});
