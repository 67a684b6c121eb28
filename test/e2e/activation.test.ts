/**
 * Accounts for a whole city: the admin of Pangkalpinang imports 30 people, e-mails them activation
 * links and prints an activation sheet for an office without e-mail. One person activates from the
 * e-mailed link (read from the catching SMTP server), another types the code from the printed slip,
 * a third resets a forgotten password by e-mail; the admin sees who is active per unit.
 * With E2E_SCREENSHOTS=1 the phone screenshots of the new pages go to docs/screenshots/.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { ROOT } from "./dev-server.ts";
import { textIn } from "./i18n.ts";
import { expectPath, signInThroughForm } from "./journey.ts";
import { DEMO_PASSWORD } from "./personas.ts";
import { runScheduler } from "./scheduler.ts";
import { type CaughtMail, caughtMails } from "./answers.ts";

const LILY_ADMIN_PANGKALPINANG = "198311112008012002";
const HEADER = "nip,name,email,unit_code,position,roles";
const t = textIn("id");
const SHOTS = path.join(ROOT, "docs", "screenshots");

/** 30 new people: 15 at Diskominfo (they use e-mail), 15 at Disdukcapil (they get the printed sheet). */
const people = Array.from({ length: 30 }, (_, i) => {
  const n = i + 1;
  return {
    nip: `19910203201703${n % 2 ? "1" : "2"}${String(100 + n).padStart(3, "0")}`,
    name: `Pegawai Aktivasi ${String(n).padStart(2, "0")}`,
    email: `aktivasi${n}@pangkalpinangkota.go.id`,
    unit: n <= 15 ? "DISKOMINFO" : "DISDUKCAPIL",
  };
});
const [byEmail, , byReset] = people;
const bySheet = people[20]!;

async function caughtMail(to: string, subjectStart: string): Promise<CaughtMail> {
  const sink = inject("mailSinkUrl");
  for (let i = 0; i < 30; i++) {
    const all = await caughtMails(sink);
    const found = all.find((m) => m.envelopeTo.includes(to) && m.subject.startsWith(subjectStart));
    if (found) return found;
    await runScheduler(inject("baseUrl"));
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`no mail "${subjectStart}" to ${to}`);
}

const linkIn = (mail: CaughtMail, prefix: string) => {
  const match = mail.text.match(new RegExp(`${prefix}[^\\s]+`));
  if (!match) throw new Error(`no link ${prefix} in ${mail.text}`);
  return match[0];
};

async function shoot(page: Page, name: string) {
  if (!process.env.E2E_SCREENSHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
}

async function choosePassword(page: Page, password: string) {
  await page.getByLabel(t("password.new"), { exact: true }).fill(password);
  await page.getByLabel(t("password.confirm"), { exact: true }).fill(password);
}

async function expectSignedInAs(page: Page, name: string) {
  await expectPath(page, "/");
  const me = await page.evaluate(async () => (await fetch("/api/v1/auth/me")).json());
  expect((me as { user: { name: string } }).user.name).toBe(name);
}

let browser: Browser;
let pages: PageFactory;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
  dir = mkdtempSync(path.join(tmpdir(), "gagas-sheet-"));
});
afterEach(() => pages.closeAll());
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("activating a whole city's accounts (id, phone)", () => {
  it(
    "imports 30 people, e-mails links, prints a sheet; people activate by link, by code and by reset",
    { timeout: 240_000 },
    async () => {
      const admin = await pages.open("phone");
      await signInThroughForm(
        admin,
        "id",
        { identifier: LILY_ADMIN_PANGKALPINANG, password: DEMO_PASSWORD },
        "/admin/impor",
      );
      await expectPath(admin, "/admin/impor");
      const csv = [HEADER, ...people.map((p) => `${p.nip},${p.name},${p.email},${p.unit},Pengelola Layanan,asn`)].join(
        "\n",
      );
      await admin.getByLabel(t("import.file"), { exact: true }).setInputFiles({
        name: "pegawai.csv",
        mimeType: "text/csv",
        buffer: Buffer.from(`${csv}\n`),
      });
      await admin.getByRole("button", { name: t("import.submit"), exact: true }).click();
      await admin
        .getByRole("status")
        .filter({ hasText: t("import.done", { created: 30, updated: 0, unchanged: 0 }) })
        .waitFor();
      await admin.getByRole("link", { name: t("activation.afterImport") }).click();
      await expectPath(admin, "/admin/aktivasi");
      await admin.getByRole("button", { name: t("activation.sendAll") }).waitFor();
      await expectNoAxeViolations(admin);

      // (a) e-mail everyone not yet active
      await admin.getByRole("button", { name: t("activation.sendAll") }).click();
      const sent = admin.getByRole("status").filter({ hasText: /email aktivasi masuk antrean/ });
      await sent.waitFor();
      expect(Number(/(\d+) email/.exec(await sent.innerText())![1])).toBeGreaterThanOrEqual(30);

      // (b) the activation sheet of Disdukcapil, for the office that does not use e-mail
      const unit = admin.locator('[data-unit="DISDUKCAPIL"]');
      const download = admin.waitForEvent("download");
      await unit.getByRole("button", { name: t("activation.print") }).click();
      const pdf = path.join(dir, "aktivasi.pdf");
      await (await download).saveAs(pdf);
      await unit.getByRole("status").filter({ hasText: "terunduh" }).waitFor();
      await shoot(admin, "activation-admin-phone.png");
      const sheet = execFileSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" });
      expect(sheet).toContain("Dinas Kependudukan dan Pencatatan Sipil");
      const slip = sheet.slice(sheet.indexOf(bySheet.name));
      expect(slip).toContain(`NIP ${bySheet.nip}`);
      const code = /[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(slip)![0];
      // nobody from Diskominfo is on Disdukcapil's sheet
      expect(sheet).not.toContain(byEmail!.name);

      // one person activates from the e-mailed link
      const mail = await caughtMail(byEmail!.email, "Aktifkan akun Gagas");
      const link = linkIn(mail, `${inject("baseUrl")}/aktivasi\\?token=`);
      const first = await pages.open("phone");
      await first.goto(link);
      await first.getByRole("heading", { name: t("activate.welcome", { name: byEmail!.name }) }).waitFor();
      await shoot(first, "activation-phone.png");
      await expectNoAxeViolations(first);
      await choosePassword(first, "Layanan-Prima-Pangkal-1");
      await first.getByRole("button", { name: t("activate.submit") }).click();
      await expectSignedInAs(first, byEmail!.name);

      // another types the code from the printed slip (lower case, as people type)
      const second = await pages.open("phone");
      await second.goto("/masuk");
      // the sign-in page links to both pages; each is then opened as a fresh load (a client-side move
      // into a lazily loaded page may mount it twice, which a person never notices but a fast robot does)
      expect(await second.getByRole("link", { name: t("forgot.activateLink") }).getAttribute("href")).toBe("/aktivasi");
      await second.goto("/aktivasi");
      await second.getByLabel(t("activate.code"), { exact: true }).fill(code.toLowerCase());
      await second.getByRole("button", { name: t("activate.continue") }).click();
      await second.getByRole("heading", { name: t("activate.welcome", { name: bySheet.name }) }).waitFor();
      await choosePassword(second, "Layanan-Prima-Pangkal-2");
      await second.getByRole("button", { name: t("activate.submit") }).click();
      await expectSignedInAs(second, bySheet.name);

      // the same code does not work twice
      const replay = await pages.open("phone");
      await replay.goto(`/aktivasi?kode=${code}`);
      await replay
        .getByRole("alert")
        .filter({ hasText: t("activate.invalid") })
        .waitFor();

      // a third forgot the password: the link arrives by e-mail and ends in a new password
      const third = await pages.open("phone");
      await third.goto("/masuk");
      expect(await third.getByRole("link", { name: t("forgot.link") }).getAttribute("href")).toBe("/lupa-sandi");
      await third.goto("/lupa-sandi");
      await third.getByLabel(t("signIn.identifier"), { exact: true }).fill(byReset!.nip);
      await third.getByRole("button", { name: t("forgot.submit") }).click();
      // the same answer whether or not the account exists; a problem shown instead fails with its words
      const answer = third.getByRole("status").filter({ hasText: t("forgot.sent") });
      const problem = third.locator(".problem");
      await answer.or(problem).first().waitFor({ timeout: 45_000 });
      expect(await problem.count(), await problem.allInnerTexts().then((x) => x.join(" "))).toBe(0);
      await shoot(third, "forgot-password-phone.png");
      await expectNoAxeViolations(third);
      const reset = await caughtMail(byReset!.email, "Atur ulang kata sandi");
      await third.goto(linkIn(reset, `${inject("baseUrl")}/atur-ulang-sandi\\?token=`));
      await third.getByLabel(t("password.new"), { exact: true }).waitFor();
      await shoot(third, "reset-password-phone.png");
      await choosePassword(third, "Layanan-Prima-Pangkal-3");
      await third.getByRole("button", { name: t("reset.submit") }).click();
      await expectSignedInAs(third, byReset!.name);

      // the admin sees who has activated, per unit
      await admin.reload();
      const kominfo = admin.locator('[data-unit="DISKOMINFO"]');
      await kominfo.getByText(/^\d+\/\d+ aktif$/).waitFor();
      await kominfo.getByRole("button", { name: t("activation.people") }).click();
      const row = kominfo.locator(".activation-people li").filter({ hasText: byEmail!.name });
      await row.getByText(t("activation.active"), { exact: true }).waitFor();
      const pending = kominfo.locator(".activation-people li").filter({ hasText: people[4]!.name });
      await pending.getByText(t("activation.notActive")).waitFor();
      await expectNoAxeViolations(admin);
    },
  );
});
