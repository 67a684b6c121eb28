/**
 * Three small pages a person reaches outside the main journeys: the link at the foot of a notification
 * e-mail that stops that kind of e-mail, the shared innovation library, and the admin's search
 * synonyms in the agency settings.
 */
import { request, type Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { textIn } from "./i18n.ts";
import { signInThroughForm } from "./journey.ts";
import { DEMO_PASSWORD, DEWI, LILY_ADMIN, SRI_ADMIN } from "./personas.ts";
import { runScheduler } from "./scheduler.ts";
import { type CaughtMail, caughtMails, IdeaListAnswer } from "./answers.ts";

let browser: Browser;
let pages: PageFactory;
beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

const t = textIn("id");

/** The first e-mail to `to` whose subject starts so, running the scheduler until it leaves. */
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

describe("outside the main journeys", () => {
  it("stops e-mail of one kind from the link in a mention e-mail", { timeout: 90_000 }, async () => {
    // Dewi mentions Sri in a comment (through the API: the mention picker has its own journey)
    const baseURL = inject("baseUrl");
    const dewi = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
    const login = await dewi.post("/api/v1/auth/login", { data: { identifier: DEWI.nip, password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    const list = IdeaListAnswer.parse(await (await dewi.get("/api/v1/ideas?limit=20")).json());
    const posted = await dewi.post(`/api/v1/ideas/${list.items[0]!.id}/comments`, {
      data: { body: `@[${SRI_ADMIN.name}] mohon dicek, apakah data antrean sudah bisa dibagikan?` },
    });
    expect(posted.status(), await posted.text()).toBe(201);
    await dewi.dispose();

    const mail = await caughtMail(SRI_ADMIN.email, "Anda disebut");
    const link = mail.text.match(/https?:\/\/\S+\/berhenti-langganan\S+/)?.[0];
    expect(link, mail.text).toBeDefined();
    const reader = await pages.open("phone");
    await reader.goto(new URL(link!).pathname + new URL(link!).search);
    await reader.getByRole("heading", { level: 1, name: t("unsubscribe.title") }).waitFor();
    await reader.getByText(t("unsubscribe.done")).waitFor();
    await expectNoAxeViolations(reader);
  });

  it("opens the shared innovation library and one of its innovations", async () => {
    const page = await pages.open("phone");
    await signInThroughForm(page, "id", { identifier: DEWI.nip, password: DEMO_PASSWORD }, "/pustaka");
    await page.getByRole("heading", { level: 1, name: t("library.title") }).waitFor();
    const first = page.locator("main a[href^='/pustaka/']:not([href^='/pustaka/instansi/'])").first();
    await first.waitFor();
    await expectNoAxeViolations(page);
    await first.click();
    await page.waitForURL(/\/pustaka\/\d+$/);
  });

  it("lets the admin add a search synonym in the agency settings", async () => {
    const page = await pages.open("desktop");
    await signInThroughForm(page, "id", { identifier: LILY_ADMIN.nip, password: DEMO_PASSWORD }, "/admin/pengaturan");
    const section = page.getByRole("region", { name: t("synonyms.title") });
    const box = section.getByLabel(t("synonyms.label"));
    await box.waitFor();
    const kept = (await box.inputValue()).split("\n").filter((line) => line.trim() !== "");
    const lines = [...kept, "Disdukcapil = Dinas Kependudukan dan Pencatatan Sipil"];
    await box.fill(lines.join("\n"));
    await section.getByRole("button", { name: t("synonyms.save"), exact: true }).click();
    await section.getByText(t("synonyms.saved", { count: lines.length })).waitFor();
  });
});
