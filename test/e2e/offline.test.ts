/**
 * The server is unreachable (every `/api/*` request aborted, as on a phone that lost its signal):
 * the person is told so in their language, what they typed stays, and once the network is back the
 * same form finishes the job — a new idea is saved, a sign-in goes through.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { AGENCIES } from "../../scripts/seed/organisation-data.ts";
import { launchBrowser, PageFactory } from "./browser.ts";
import { textIn } from "./i18n.ts";
import { chooseLanguage, expectPath, signInForm, signInThroughForm } from "./journey.ts";
import { DEMO_PASSWORD } from "./personas.ts";

let browser: Browser;
let pages: PageFactory;

beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

/** An ASN of Lhokseumawe no other journey uses: this one writes a draft. */
const OFFLINE_ASN = AGENCIES.find((a) => a.slug === "lhokseumawe")!.users.find((u) => u.nip === "198702212011012004")!;

/** Aborts every API request until the returned function is called. */
async function goOffline(page: Page): Promise<() => Promise<void>> {
  const abort = (route: { abort: (code?: string) => Promise<void> }) => route.abort("internetdisconnected");
  await page.route("**/api/**", abort);
  return () => page.unroute("**/api/**", abort);
}

describe.each([
  { lang: "id", viewport: "phone" },
  { lang: "en", viewport: "desktop" },
] as const)("offline ($lang, $viewport)", ({ lang, viewport }) => {
  const t = textIn(lang);
  const offline = t("code.network.unreachable");

  it("keeps a new idea typed while offline, says why it is not saved, and saves it once back online", async () => {
    const page = await pages.open(viewport);
    await signInThroughForm(page, lang, { identifier: OFFLINE_ASN.nip, password: DEMO_PASSWORD }, "/ide/baru");
    await expectPath(page, "/ide/baru");
    await page.getByRole("heading", { level: 1, name: t("ideaForm.newTitle") }).waitFor();

    const backOnline = await goOffline(page);
    const title = `Layanan surat pindah tanpa antre (${lang}-${Date.now().toString(36)})`;
    const problem = "Warga harus datang dua kali ke kantor kecamatan untuk mengurus surat pindah domisili.";
    const titleField = page.getByLabel(t("ideaForm.ideaTitle"), { exact: true });
    const problemField = page.getByLabel(t("ideaForm.problem"), { exact: true });
    await titleField.fill(title);
    await problemField.fill(problem);

    const status = page.getByRole("status").filter({ hasText: t("autosave.failed") });
    await status.waitFor();
    expect(await status.innerText()).toContain(offline);
    expect(await titleField.inputValue()).toBe(title);
    expect(await problemField.inputValue()).toBe(problem);
    await expectPath(page, "/ide/baru");

    await backOnline();
    await page.getByRole("button", { name: t("autosave.retryNow"), exact: true }).click();
    await page.waitForURL(/\/ide\/\d+\/ubah$/);
    const saved = new RegExp(`${t("autosave.saved", { time: "" }).trim()} \\d{2}[.:]\\d{2}`);
    await page.getByRole("status").filter({ hasText: saved }).waitFor();
    expect(await titleField.inputValue()).toBe(title);
    expect(await problemField.inputValue()).toBe(problem);

    // what the server holds is what was typed offline
    const id = /\/ide\/(\d+)\/ubah$/.exec(page.url())![1];
    const stored = await page.evaluate(async (ideaId) => {
      const res = await fetch(`/api/v1/ideas/${ideaId}`, { credentials: "same-origin" });
      return (await res.json()) as { title: string; problem: string; status: string };
    }, id);
    expect(stored).toMatchObject({ title, problem, status: "draft" });
  });

  it("keeps the NIP and password of a sign-in sent while offline, says why, and signs in once back online", async () => {
    const page = await pages.open(viewport);
    await page.goto("/masuk");
    await chooseLanguage(page, lang);
    const form = signInForm(page, lang);
    await form.identifier.waitFor();

    const backOnline = await goOffline(page);
    await form.identifier.fill(OFFLINE_ASN.nip);
    await form.password.fill(DEMO_PASSWORD);
    await form.submit.click();

    await form.summary.getByText(offline).waitFor();
    expect(await form.identifier.inputValue()).toBe(OFFLINE_ASN.nip);
    expect(await form.password.inputValue()).toBe(DEMO_PASSWORD);
    await expectPath(page, "/masuk");

    await backOnline();
    await form.submit.click();
    await page.waitForURL((url) => url.pathname !== "/masuk");
    await page.getByRole("banner").getByRole("link", { name: OFFLINE_ASN.name }).waitFor();
  });
});
