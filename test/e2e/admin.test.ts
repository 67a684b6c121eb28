/**
 * An agency admin imports ASN from a CSV file: a file with a bad row is refused with a per-row report
 * in the admin's language, and nothing is stored; the corrected file imports, and the new accounts
 * can be found and given a temporary password.
 */
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { textIn } from "./i18n.ts";
import { expectPath, signInThroughForm, VARIANTS } from "./journey.ts";
import { DEMO_PASSWORD } from "./personas.ts";

const RINA_ADMIN_ANDIR = "198601092010012001";
const HEADER = "nip,name,email,unit_code,position,roles";

let browser: Browser;
let pages: PageFactory;

beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

/** Two new ASN per variant, with NIPs of their own (valid: birth date, appointment, gender, sequence). */
function rows(variant: number) {
  const seq = (n: number) => String(300 + variant * 2 + n).padStart(3, "0");
  return [
    `19920305201801${"1"}${seq(1)},Dani Ramdani ${variant},dani${variant}@bandung.go.id,PELAYANAN,Pengadministrasi Umum,asn`,
    `19930712201903${"2"}${seq(2)},Euis Sukaesih ${variant},euis${variant}@bandung.go.id,KEL-CIROYOM,Pengelola Layanan,asn|reviewer`,
  ];
}

describe.each(VARIANTS.map((v, index) => ({ ...v, index })))(
  "admin CSV import ($lang, $viewport)",
  ({ lang, viewport, index }) => {
    const t = textIn(lang);

    it("refuses a file with a bad row, naming row and column, then imports the corrected file", async () => {
      const page = await pages.open(viewport);
      await signInThroughForm(page, lang, { identifier: RINA_ADMIN_ANDIR, password: DEMO_PASSWORD }, "/admin");
      await expectPath(page, "/admin");
      await expectNoAxeViolations(page);
      await page.getByRole("link", { name: t("admin.import") }).click();
      await expectPath(page, "/admin/impor");

      const [good, second] = rows(index);
      // row 3 (the header is row 1) has a NIP whose birth month is 13
      const bad = second!.replace(/^1993071/, "1993131");
      const input = page.getByLabel(t("import.file"), { exact: true });
      await input.setInputFiles({
        name: "asn-andir.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(`${HEADER}\n${good}\n${bad}\n`),
      });
      await page.getByRole("button", { name: t("import.submit"), exact: true }).click();

      await page
        .getByRole("alert")
        .filter({ hasText: t("import.failed", { count: 1 }) })
        .waitFor();
      const report = page.locator(".data-table tbody tr");
      expect(await report.count()).toBe(1);
      expect(await report.first().innerText()).toContain("3");
      expect(await report.first().innerText()).toContain("nip");
      expect(await report.first().innerText()).toContain(t("field.nip.birth_date"));
      await expectNoAxeViolations(page);

      await input.setInputFiles({
        name: "asn-andir.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(`${HEADER}\n${good}\n${second}\n`),
      });
      await page.getByRole("button", { name: t("import.submit"), exact: true }).click();
      await page
        .getByRole("status")
        .filter({ hasText: t("import.done", { created: 2, updated: 0, unchanged: 0 }) })
        .waitFor();

      // the new colleague is there, and gets a temporary password to sign in with
      await page.goto("/admin/pengguna");
      await page.getByLabel(t("users.search")).fill(`Euis Sukaesih ${index}`);
      await page.locator(".user-row strong", { hasText: `Euis Sukaesih ${index}` }).waitFor();
      await page.getByRole("button", { name: t("users.resetLabel", { name: `Euis Sukaesih ${index}` }) }).click();
      const notice = page.getByRole("status").filter({ hasText: `Euis Sukaesih ${index}` });
      await notice.waitFor();
      expect(await notice.innerText()).toMatch(/[A-Za-z0-9]{4}-[A-Za-z0-9]{4}/);
      await expectNoAxeViolations(page);
    });
  },
);
