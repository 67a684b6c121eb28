import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { textIn } from "./i18n.ts";
import { chooseLanguage, expectPath, expectTitle, VARIANTS } from "./journey.ts";
import { DEWI } from "./personas.ts";

/** Dewi's certificate of the demo's "Inovator Terbaik KIPP 2026", as the README names it. */
const DEMO_CODE = "GGS-8QRP-PEZ9-7N6A-SDK8-J9HF-QHWK-BYGG";
const MADE_UP = "GGS-AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG";

let browser: Browser;
let pages: PageFactory;

beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

describe.each(VARIANTS)("certificate verification ($lang, $viewport)", ({ lang, viewport }) => {
  const t = textIn(lang);

  it("confirms the demo certificate a QR code points at, without signing in", async () => {
    const page = await pages.open(viewport);
    await page.goto(`/verifikasi/${DEMO_CODE}`);
    await chooseLanguage(page, lang);
    await page.getByRole("heading", { level: 2, name: t("verify.validTitle") }).waitFor();
    const facts = await page.locator(".verify-facts").innerText();
    for (const shown of [DEWI.name, "Inovator Terbaik KIPP 2026", "Pemerintah Kota Binjai"])
      expect(facts).toContain(shown);
    // nothing else about her
    expect(await page.locator("main").innerText()).not.toContain(DEWI.nip);
    await expectTitle(page, `${t("verify.title")} · Gagas`);
    await expectNoAxeViolations(page);
  });

  it("says plainly that a made-up code is not a certificate, after typing it in the form", async () => {
    const page = await pages.open(viewport);
    await page.goto("/verifikasi");
    await chooseLanguage(page, lang);
    const code = page.getByRole("textbox", { name: t("verify.code"), exact: true });
    await page.getByRole("button", { name: t("verify.submit"), exact: true }).click();
    expect(await code.getAttribute("aria-invalid")).toBe("true");

    await code.fill(MADE_UP.toLowerCase().replaceAll("-", " "));
    await page.getByRole("button", { name: t("verify.submit"), exact: true }).click();
    await expectPath(page, `/verifikasi/${MADE_UP}`);
    await page.getByRole("heading", { level: 2, name: t("verify.invalidTitle") }).waitFor();
    expect(await page.locator(".verify-invalid").innerText()).toContain(MADE_UP);
    await expectNoAxeViolations(page);
  });
});
