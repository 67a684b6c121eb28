/**
 * Notifications in the browser: after the scheduler has run, the bell shows the unread count; a
 * colleague's new comment reaches it at the next minute's poll (and is announced); the list says what
 * happened in the person's language and leads to it; "mark all read" clears the bell; the settings
 * keep a muted kind. Bahasa Indonesia on a phone and a desktop, and once in English.
 */
import type { APIRequestContext, Browser, Page } from "playwright-core";
import { request } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory, type ViewportName } from "./browser.ts";
import { textIn, type Lang } from "./i18n.ts";
import { expectPath, signInThroughForm } from "./journey.ts";
import { DEMO_PASSWORD, RIZAL, YULIANA } from "./personas.ts";
import { runScheduler } from "./scheduler.ts";
import { PreferencesAnswer, UnreadCountAnswer } from "./answers.ts";

/** Yuliana's implemented idea (Pangkalpinang) in the demo seed. */
const IDEA = "Antrean daring layanan kependudukan Pangkalpinang";

let browser: Browser;
let pages: PageFactory;
let rizal: APIRequestContext;

beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
  const baseURL = inject("baseUrl");
  rizal = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const login = await rizal.post("/api/v1/auth/login", { data: { identifier: RIZAL.nip, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
});
afterEach(() => pages.closeAll());
afterAll(async () => {
  await rizal?.dispose();
  await browser?.close();
});

/** Rizal comments on Yuliana's idea; the scheduler turns it into her notification. */
async function commentAsRizal(ideaId: number, body: string): Promise<void> {
  const response = await rizal.post(`/api/v1/ideas/${ideaId}/comments`, { data: { body } });
  expect(response.status()).toBe(201);
}

async function unreadCount(page: Page): Promise<number> {
  const response = await page.request.get("/api/v1/notifications/unread-count");
  return UnreadCountAnswer.parse(await response.json()).count;
}

/** The bell's link: its name is "Notifikasi" followed by the count and "belum dibaca" when there is one. */
const bell = (page: Page, t: ReturnType<typeof textIn>) =>
  page.getByRole("banner").getByRole("link", { name: new RegExp(`^${t("notifications.bell")}`) });

const VARIANTS: readonly { lang: Lang; viewport: ViewportName }[] = [
  { lang: "id", viewport: "phone" },
  { lang: "id", viewport: "desktop" },
  { lang: "en", viewport: "desktop" },
];

describe.each(VARIANTS)("notifications ($lang, $viewport)", ({ lang, viewport }) => {
  const t = textIn(lang);

  it("shows the unread count once the scheduler ran, polls for new ones and clears them all", async () => {
    const page = await pages.open(viewport);
    await page.clock.install();
    // searched for: other journeys (the short soak) add Pangkalpinang ideas that can push it off the first page
    await signInThroughForm(
      page,
      lang,
      { identifier: YULIANA.nip, password: DEMO_PASSWORD },
      `/ide?q=${encodeURIComponent(IDEA)}`,
    );
    const href = (await page.getByRole("link", { name: IDEA, exact: true }).first().getAttribute("href")) ?? "";
    const ideaId = Number(/^\/ide\/(\d+)$/.exec(href)?.[1]);

    await commentAsRizal(ideaId, `Sudah kami coba di kelurahan kami (${lang}-${viewport}), antrean jauh berkurang.`);
    await runScheduler(inject("baseUrl"));
    await expect.poll(() => unreadCount(page), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.reload();
    const count = await unreadCount(page);
    await bell(page, t)
      .filter({ hasText: String(count) })
      .waitFor();
    expect(await bell(page, t).innerText()).toContain(String(count));

    // a new cause reaches the bell at the next poll, and a polite live region says so
    await commentAsRizal(ideaId, "Apakah formulirnya bisa dipakai untuk layanan KIA juga?");
    await runScheduler(inject("baseUrl"));
    await expect.poll(() => unreadCount(page), { timeout: 10_000 }).toBe(count + 1);
    await page.clock.fastForward(61_000);
    await bell(page, t)
      .filter({ hasText: String(count + 1) })
      .waitFor();
    await page
      .getByRole("banner")
      .getByRole("status")
      .filter({ hasText: t("notifications.announceOne", { total: count + 1 }) })
      .waitFor();

    await bell(page, t).click();
    await expectPath(page, "/notifikasi");
    await page.getByRole("heading", { level: 1, name: t("notifications.title") }).waitFor();
    const sentence = t("notification.comment", { name: RIZAL.name, title: IDEA });
    const newest = page.getByRole("link", { name: sentence, exact: true }).first();
    await newest.waitFor();
    expect(await newest.getAttribute("href")).toBe(`/ide/${ideaId}`);
    await page
      .getByRole("main")
      .getByText(t("notifications.unreadCount", { count: count + 1 }), { exact: true })
      .waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: t("notifications.markAllRead"), exact: true }).click();
    await page.getByText(t("notifications.noneUnread"), { exact: true }).waitFor();
    expect(await unreadCount(page)).toBe(0);
    expect(await page.getByRole("banner").locator(".bell-count").count()).toBe(0);
    expect(await bell(page, t).innerText()).not.toMatch(/\d/);
    expect(await page.getByRole("button", { name: new RegExp(`^${t("notifications.markRead")}`) }).count()).toBe(0);
  });

  it("keeps a muted kind off in the settings", async () => {
    const page = await pages.open(viewport);
    await signInThroughForm(page, lang, { identifier: YULIANA.nip, password: DEMO_PASSWORD }, "/notifikasi");
    await expectPath(page, "/notifikasi");
    await page.getByRole("link", { name: t("notifications.settingsLink"), exact: true }).click();
    await expectPath(page, "/notifikasi/pengaturan");
    const points = page.getByRole("checkbox", { name: t("notificationKind.points_earned"), exact: true });
    await points.waitFor();
    expect(await points.isChecked()).toBe(true);
    await expectNoAxeViolations(page);

    await points.uncheck();
    await page.getByRole("button", { name: t("settings.save"), exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: t("settings.saved") })
      .waitFor();
    const stored = PreferencesAnswer.parse(await (await page.request.get("/api/v1/notifications/preferences")).json());
    expect(stored.kinds.find((k) => k.kind === "points_earned")?.enabled).toBe(false);

    await page.reload();
    await points.waitFor();
    expect(await points.isChecked()).toBe(false);
    // back as it was, for the other variants
    await points.check();
    await page.getByRole("button", { name: t("settings.save"), exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: t("settings.saved") })
      .waitFor();
  });
});
