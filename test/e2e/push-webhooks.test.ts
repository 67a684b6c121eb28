/**
 * Reaching people outside the app, in the browser on a phone:
 * - the agency admin registers a webhook (to a receiver on loopback), copies the secret shown once,
 *   and after a colleague's comment and a scheduler run reads in its delivery log that it was sent —
 *   and the receiver checked the signature with that secret;
 * - a person turns push on in the notification settings: permission, the service worker's
 *   `pushManager.subscribe` with the server's VAPID key, and the subscription saved — or, where this
 *   headless Chromium has no push service, the page says why in the person's language.
 * Phone screenshots of both pages go to docs/screenshots/ when E2E_SCREENSHOTS=1.
 */
import type { Server } from "node:http";
import path from "node:path";
import type { APIRequestContext, Browser, Page } from "playwright-core";
import { request } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { startReceiver } from "../loopback/receiver.ts";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { ROOT } from "./dev-server.ts";
import { textIn } from "./i18n.ts";
import { signInThroughForm } from "./journey.ts";
import { DEMO_PASSWORD, DEWI, LILY_ADMIN, SRI_ADMIN, type Persona } from "./personas.ts";
import { runScheduler } from "./scheduler.ts";
import { z } from "@hono/zod-openapi";
import { ArrivalSchema, HookUrlSchema, IdeaListAnswer, PushSubscriptionsAnswer, SessionAnswer } from "./answers.ts";

const t = textIn("id");
const SHOTS = path.join(ROOT, "docs", "screenshots");

let browser: Browser;
let pages: PageFactory;
let receiver: { origin: string; server: Server };

beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
  receiver = await startReceiver();
});
afterEach(() => pages.closeAll());
afterAll(async () => {
  await browser?.close();
  receiver?.server.closeAllConnections();
  await new Promise((resolve) => receiver?.server.close(resolve));
});

async function apiAs(who: Persona): Promise<APIRequestContext> {
  const baseURL = inject("baseUrl");
  const context = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const login = await context.post("/api/v1/auth/login", { data: { identifier: who.nip, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  return context;
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SCREENSHOTS) return;
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
}

describe("webhooks (admin, phone)", () => {
  it("registers a webhook, shows its secret once, and logs the delivery of a colleague's comment", async () => {
    const hook = HookUrlSchema.parse(
      await (await fetch(`${receiver.origin}/hooks`, { method: "POST", body: "{}" })).json(),
    );
    const page = await pages.open("phone");
    await signInThroughForm(page, "id", { identifier: SRI_ADMIN.nip, password: DEMO_PASSWORD }, "/admin");
    await page.getByRole("link", { name: t("admin.webhooks"), exact: true }).click();
    await page.getByRole("heading", { level: 1, name: t("webhooks.title") }).waitFor();
    await page.getByText(t("webhooks.empty")).waitFor();

    // plain HTTP to another machine is refused, in Indonesian, on the field
    await page.getByLabel(t("webhooks.name")).fill("Gateway WhatsApp Diskominfo");
    await page.getByLabel(t("webhooks.url")).fill("http://gateway.example.com/gagas");
    await page.getByLabel(t("notificationKind.comment_on_my_idea")).check();
    await page.getByRole("button", { name: t("webhooks.add") }).click();
    await page.getByText(t("field.webhook.url_not_https")).waitFor();
    await shoot(page, "webhooks-error-phone.png");

    await page.getByLabel(t("webhooks.url")).fill(hook.url);
    await page.getByRole("button", { name: t("webhooks.add") }).click();
    const notice = page.getByRole("alert").filter({ hasText: t("webhooks.secretLead") });
    const secret = (await notice.locator("code").textContent()) ?? "";
    expect(secret).toMatch(/^whsec_/);
    await fetch(`${receiver.origin}/hooks/${hook.id}/secret`, { method: "POST", body: JSON.stringify({ secret }) });
    await shoot(page, "webhooks-secret-phone.png");
    await page.getByRole("button", { name: t("webhooks.secretDone") }).click();
    await expect.poll(() => page.getByText(secret).count()).toBe(0);

    // a colleague comments on an idea of someone else in Binjai; the scheduler notifies its authors
    const dewi = await apiAs(DEWI);
    const me = SessionAnswer.parse(await (await dewi.get("/api/v1/auth/me")).json());
    const list = IdeaListAnswer.parse(await (await dewi.get("/api/v1/ideas?limit=50")).json());
    const idea = list.items.find((i) => i.author && i.author.id !== me.user.id);
    expect(idea, "a Binjai idea by someone else").toBeDefined();
    const comment = await dewi.post(`/api/v1/ideas/${idea!.id}/comments`, {
      data: { body: "Sudah kami coba di Dukcapil, warga senang antreannya pendek." },
    });
    expect(comment.status()).toBe(201);
    await dewi.dispose();
    await runScheduler(inject("baseUrl"));
    const arrivalsOf = async () =>
      z.array(ArrivalSchema).parse(await (await fetch(`${receiver.origin}/hooks/${hook.id}/messages`)).json());
    await expect.poll(async () => (await arrivalsOf()).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const arrivals = await arrivalsOf();
    expect(arrivals.map((a) => a.error ?? "verified")).toContain("verified");

    await page.reload();
    await page.getByRole("button", { name: t("webhooks.showLog") }).click();
    const log = page.getByRole("region", { name: t("webhooks.logTitle", { name: "Gateway WhatsApp Diskominfo" }) });
    await log.getByText(t("webhooks.state.sent")).first().waitFor();
    await expect.poll(() => log.getByText(t("notificationKind.comment_on_my_idea")).count()).toBeGreaterThan(0);
    await log
      .getByText(t("webhooks.status", { status: 200 }))
      .first()
      .waitFor();
    await expectNoAxeViolations(page);
    await shoot(page, "webhooks-log-phone.png");

    // stop it, so later journeys' notifications are not sent to a receiver that is gone
    await page.getByRole("button", { name: t("webhooks.delete") }).click();
    await page
      .getByRole("alert")
      .getByRole("button", { name: t("webhooks.delete") })
      .click();
    await page.getByText(t("webhooks.empty")).waitFor();
  });

  it("is refused to a person who is not an admin", async () => {
    const page = await pages.open("phone");
    await signInThroughForm(page, "id", { identifier: DEWI.nip, password: DEMO_PASSWORD }, "/admin/webhook");
    await page.getByText(t("admin.onlyAdmins")).waitFor();
  });
});

describe("push in the notification settings (phone)", () => {
  it("asks for permission and subscribes this device with the server's VAPID key, or says why it cannot", async () => {
    const page = await pages.open("phone");
    await page.context().grantPermissions(["notifications"]);
    await signInThroughForm(
      page,
      "id",
      { identifier: LILY_ADMIN.nip, password: DEMO_PASSWORD },
      "/notifikasi/pengaturan",
    );
    const section = page.getByRole("region", { name: t("push.title") });
    await section.getByText(t("push.off"), { exact: true }).waitFor();
    // the service worker registers a few seconds after the first page settled
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await shoot(page, "notification-settings-push-phone.png");

    await section.getByRole("button", { name: t("push.enable") }).click();
    const on = section.getByText(t("push.on"), { exact: true });
    const failed = section.getByRole("alert");
    await expect.poll(async () => (await on.count()) + (await failed.count()), { timeout: 20_000 }).toBeGreaterThan(0);
    if ((await on.count()) > 0) {
      const saved = PushSubscriptionsAnswer.parse(await (await page.request.get("/api/v1/push/subscriptions")).json());
      expect(saved.items).toHaveLength(1);
      await section.getByRole("button", { name: t("push.disable") }).click();
      await section.getByText(t("push.off"), { exact: true }).waitFor();
    } else {
      // headless Chromium without a push service: the subscribe call itself fails, and the page says so
      const message = (await failed.textContent()) ?? "";
      console.log(`[push] pushManager.subscribe in headless Chromium: ${message}`);
      expect(message).toContain(t("push.failed", { reason: "" }).trim());
      expect(message).toMatch(/AbortError|NotAllowedError|InvalidStateError|NotSupportedError/);
      const saved = PushSubscriptionsAnswer.parse(await (await page.request.get("/api/v1/push/subscriptions")).json());
      expect(saved.items).toEqual([]);
    }
    await expectNoAxeViolations(page);
  });
});
