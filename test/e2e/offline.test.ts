/**
 * The server is unreachable (every `/api/*` request aborted, as on a phone that lost its signal):
 * the person is told so in their language, what they typed stays, and once the network is back the
 * same form finishes the job — a new idea is saved, a sign-in goes through.
 *
 * The device is offline (`context.setOffline`): the service worker opens the app from its cached
 * shell, which says it is offline; the lists and ideas the person opened before read from the
 * copies kept on the device, with their age, and a vote or comment made then says it was not sent; a draft typed then is kept on the device across reloads and
 * reaches the server when the connection returns — from the open form, or in the background.
 */
import type { Browser, CDPSession, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { AGENCIES } from "../../scripts/seed/organisation-data.ts";
import { launchBrowser, PageFactory } from "./browser.ts";
import { textIn } from "./i18n.ts";
import { chooseLanguage, expectPath, mainNavLink, signInForm, signInThroughForm } from "./journey.ts";
import { DEMO_PASSWORD, DEWI } from "./personas.ts";
import { IdeaAnswer, IdeaListAnswer } from "./answers.ts";

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

/** An idea of Andi's in Binjai's digital campaign, open for votes (scripts/seed/ideas-data.ts). */
const VOTABLE_IDEA = "Peta digital lokasi lampu jalan padam";

/** Waits until the service worker controls the page (it installs after the first load). */
async function shellCached(page: Page): Promise<void> {
  try {
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 30_000 });
  } catch (error) {
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker?.getRegistration();
      const worker = registration?.installing ?? registration?.waiting ?? registration?.active;
      return registration ? `service worker ${worker?.state ?? "gone"}` : "no service worker registered";
    });
    throw new Error(`the page is not controlled by the service worker: ${state}`, { cause: error });
  }
}

/** The idea as the server holds it, and whether it is on the person's own list. */
async function storedIdea(page: Page, id: string) {
  const answers = await page.evaluate(async (ideaId) => {
    const idea: unknown = await (await fetch(`/api/v1/ideas/${ideaId}`)).json();
    const mine: unknown = await (await fetch("/api/v1/ideas?mine=true&limit=100")).json();
    return { idea, mine };
  }, id);
  const idea = IdeaAnswer.parse(answers.idea);
  const mine = IdeaListAnswer.parse(answers.mine);
  return { ...idea, onMyList: mine.items.some((item) => item.id === Number(id)) };
}

/** Drafts this browser still keeps for someone. */
const keptDrafts = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("gagas.drafts.")));

/**
 * The device's network, as a phone's: `context.setOffline(true)`, `reloadOffline`, later `goOnline`.
 * Chromium 150 under Playwright does not carry the context's offline emulation into a reloaded
 * document (no request goes out, yet `navigator.onLine` reads true there and no `online` event
 * follows `setOffline(false)`), so a reload while offline sets the condition again on the page
 * itself, through its own DevTools session, which `goOnline` lifts too.
 */
const pageConditions = new WeakMap<Page, CDPSession>();

const networkConditions = (offline: boolean) => ({ offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

async function reloadOffline(page: Page): Promise<void> {
  await page.reload();
  const cdp = pageConditions.get(page) ?? (await page.context().newCDPSession(page));
  pageConditions.set(page, cdp);
  await cdp.send("Network.emulateNetworkConditions", networkConditions(true));
  await page.waitForFunction(() => !navigator.onLine);
}

async function goOnline(page: Page): Promise<void> {
  await page.context().setOffline(false);
  const cdp = pageConditions.get(page);
  if (!cdp) return;
  pageConditions.delete(page);
  await cdp.send("Network.emulateNetworkConditions", networkConditions(false));
  await cdp.detach();
}

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
    const stored = IdeaAnswer.parse(
      await page.evaluate(async (ideaId) => {
        const res = await fetch(`/api/v1/ideas/${ideaId}`, { credentials: "same-origin" });
        return res.json();
      }, id),
    );
    expect(stored).toMatchObject({ title, problem, status: "draft" });
  });

  it("keeps the idea list readable offline with its age, and refreshes it by itself once the connection returns", async () => {
    const page = await pages.open(viewport);
    await signInThroughForm(page, lang, { identifier: OFFLINE_ASN.nip, password: DEMO_PASSWORD }, "/ide");
    await page.locator(".idea-card").first().waitFor();
    const shown = await page.locator(".idea-card").count();
    await shellCached(page);

    await page.context().setOffline(true);
    await reloadOffline(page);
    const savedCopy = page.getByRole("status").filter({ hasText: t("offline.savedCopy") });
    await savedCopy.waitFor();
    // the age, in words, with the moment it was saved for machines
    expect(await savedCopy.locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await page.locator(".idea-card").count()).toBe(shown);
    expect(await page.getByRole("alert").filter({ hasText: offline }).count()).toBe(0);

    await goOnline(page);
    await savedCopy.waitFor({ state: "detached" });
    expect(await page.locator(".idea-card").count()).toBe(shown);

    // the copies belong to the person signed in: once the session has ended they are gone
    const copies = () =>
      page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("gagas.copies.")));
    expect(await copies()).toHaveLength(1);
    const loggedOut = await page.evaluate(async () => (await fetch("/api/v1/auth/logout", { method: "POST" })).status);
    expect(loggedOut).toBe(204);
    await page.reload();
    await expect.poll(copies).toEqual([]);
  });

  it("reads an idea opened before while offline, and says a vote or a comment made offline was not sent", async () => {
    const page = await pages.open(viewport);
    // Dewi may support Andi's idea in the digital campaign, whose voting is open; offline nothing reaches the server
    await signInThroughForm(page, lang, { identifier: DEWI.nip, password: DEMO_PASSWORD }, "/ide");
    const idea = { title: VOTABLE_IDEA };
    await page.getByRole("link", { name: idea.title, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: idea.title }).waitFor();
    await shellCached(page);

    await page.context().setOffline(true);
    await reloadOffline(page);
    await page.getByRole("heading", { level: 1, name: idea.title }).waitFor();
    const savedCopy = page.getByRole("status").filter({ hasText: t("offline.savedCopy") });
    await savedCopy.waitFor();
    const votes = page.locator(".vote-count");
    const before = await votes.innerText();

    // support, or retract a support given before: either way nothing changes and it says so
    const voteButton = page.locator(".vote-box button[aria-pressed]").first();
    const pressed = await voteButton.getAttribute("aria-pressed");
    await voteButton.click();
    await page
      .getByRole("alert")
      .filter({ hasText: t("offline.voteNotSent") })
      .waitFor();
    expect(await votes.innerText()).toBe(before);
    expect(await voteButton.getAttribute("aria-pressed")).toBe(pressed);

    const comment = "Setuju, perlu diuji coba di dua kelurahan dulu.";
    const box = page.getByLabel(t("discussion.new"), { exact: true });
    await box.fill(comment);
    await page.getByRole("button", { name: t("discussion.send"), exact: true }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: t("offline.commentNotSent") })
      .waitFor();
    expect(await box.inputValue()).toBe(comment);

    await goOnline(page);
    await savedCopy.waitFor({ state: "detached" });
  });

  it("opens offline from the cached shell, keeps a draft typed offline across a reload, and saves it once back online", async () => {
    const page = await pages.open(viewport);
    // the service worker and the manifest live within the SPA's CSP (script-src, worker-src, manifest-src 'self')
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await signInThroughForm(page, lang, { identifier: OFFLINE_ASN.nip, password: DEMO_PASSWORD }, "/ide/baru");
    await expectPath(page, "/ide/baru");
    await shellCached(page);

    await page.context().setOffline(true);
    await reloadOffline(page);
    const banner = page.getByRole("status").filter({ hasText: t("offline.banner") });
    await banner.waitFor();
    await page.getByRole("heading", { level: 1, name: t("ideaForm.newTitle") }).waitFor();

    const title = `Antrean puskesmas tanpa sinyal (${lang}-${Date.now().toString(36)})`;
    const problem = "Petugas di puskesmas pembantu tidak bisa mendaftar pasien saat jaringan seluler putus.";
    const titleField = page.getByLabel(t("ideaForm.ideaTitle"), { exact: true });
    const problemField = page.getByLabel(t("ideaForm.problem"), { exact: true });
    await titleField.fill(title);
    await problemField.fill(problem);
    await page
      .getByRole("status")
      .filter({ hasText: t("deviceDraft.offline") })
      .waitFor();
    expect(await keptDrafts(page)).toHaveLength(1);

    // a reload while still offline loses nothing
    await reloadOffline(page);
    await banner.waitFor();
    await titleField.waitFor();
    expect(await titleField.inputValue()).toBe(title);
    expect(await problemField.inputValue()).toBe(problem);

    await goOnline(page);
    await page.waitForURL(/\/ide\/\d+\/ubah$/);
    const [, afterTime] = t("deviceDraft.savedAfterOffline", { time: "|" }).split("|");
    await page.getByRole("status").filter({ hasText: afterTime!.trim() }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: t("offline.backOnline") })
      .waitFor();
    expect(await banner.count()).toBe(0);

    const id = /\/ide\/(\d+)\/ubah$/.exec(page.url())![1]!;
    expect(await storedIdea(page, id)).toMatchObject({ title, problem, status: "draft", onMyList: true });
    expect(await keptDrafts(page)).toEqual([]);
    expect(refused).toEqual([]);
  });

  it("sends a draft left on the device when the connection returns, and says so on whatever page is open", async () => {
    const page = await pages.open(viewport);
    await signInThroughForm(page, lang, { identifier: OFFLINE_ASN.nip, password: DEMO_PASSWORD }, "/ide/baru");
    await expectPath(page, "/ide/baru");
    await shellCached(page);

    await page.context().setOffline(true);
    const title = `Surat keterangan sehat daring (${lang}-${Date.now().toString(36)})`;
    await page.getByLabel(t("ideaForm.ideaTitle"), { exact: true }).fill(title);
    await page
      .getByRole("status")
      .filter({ hasText: t("deviceDraft.offline") })
      .waitFor();
    // off to the idea list, still offline: the form closes and the list says it cannot load
    await (await mainNavLink(page, t("a11y.mainNav"), t("nav.menu"), t("nav.ideas"))).click();
    await expectPath(page, "/ide");
    await page.getByRole("alert").filter({ hasText: offline }).waitFor();
    expect(await keptDrafts(page)).toHaveLength(1);

    await page.context().setOffline(false);
    const notice = page.getByRole("status").filter({ hasText: t("deviceDraft.syncedOne", { title }) });
    await notice.waitFor();
    expect(await keptDrafts(page)).toEqual([]);
    await notice.getByRole("link", { name: t("deviceDraft.open"), exact: true }).click();
    await page.waitForURL(/\/ide\/\d+\/ubah$/);
    await page.getByRole("heading", { level: 1, name: t("ideaForm.editTitle") }).waitFor();
    expect(await page.getByLabel(t("ideaForm.ideaTitle"), { exact: true }).inputValue()).toBe(title);
    const id = /\/ide\/(\d+)\/ubah$/.exec(page.url())![1]!;
    expect(await storedIdea(page, id)).toMatchObject({ title, status: "draft", onMyList: true });
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
