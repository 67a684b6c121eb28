/**
 * Access for other systems, in the browser on a phone (360 px):
 * - a person makes a personal API token under their profile, copies the secret shown once, and the
 *   test (standing in for the other system) reads the API with it, without a cookie; after the person
 *   revokes it on the page, the same call answers 401 `token.revoked`;
 * - the agency admin makes a service token for the data warehouse, which reads the dashboard's figures,
 *   and revokes it.
 * Phone screenshots go to docs/screenshots/ when E2E_SCREENSHOTS=1.
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { ROOT } from "./dev-server.ts";
import { textIn } from "./i18n.ts";
import { descriptionOf, signInThroughForm } from "./journey.ts";
import { DEMO_PASSWORD, DEWI, SRI_ADMIN } from "./personas.ts";
import { IdeaListAnswer, ProblemAnswer, SessionAnswer } from "./answers.ts";

const t = textIn("id");
const SHOTS = path.join(ROOT, "docs", "screenshots");

let browser: Browser;
let pages: PageFactory;
beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

async function shoot(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SCREENSHOTS) return;
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
}

/** What another system sends: only the bearer token, no cookie, no Origin. */
function callWith(secret: string, apiPath: string): Promise<Response> {
  return fetch(new URL(apiPath, inject("baseUrl")), { headers: { authorization: `Bearer ${secret}` } });
}

/** Fills the token form and answers the secret the page shows once, read from the clipboard after "copy". */
async function makeToken(page: Page, name: string, scopes: string[], days: number): Promise<string> {
  await page.getByLabel(t("tokens.name")).fill(name);
  for (const scope of scopes) await page.getByLabel(t(`scope.${scope}`)).check();
  await page.getByLabel(t("tokens.expiry")).selectOption(String(days));
  await page.getByRole("button", { name: t("tokens.add") }).click();
  const notice = page.getByRole("alert").filter({ hasText: t("tokens.secretLead") });
  const shown = (await notice.locator("code").textContent()) ?? "";
  expect(shown).toMatch(/^ggs_[A-Za-z0-9_-]{43}$/);
  await notice.getByRole("button", { name: t("tokens.copy") }).click();
  await notice.getByText(t("tokens.copied")).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(shown);
  return copied;
}

async function revoke(page: Page, name: string): Promise<void> {
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
  await card.getByRole("button", { name: t("tokens.revoke") }).click();
  await card
    .getByRole("alert")
    .getByRole("button", { name: t("tokens.revoke") })
    .click();
  await page.getByText(t("tokens.revoked", { name })).waitFor();
  await expect.poll(() => page.getByRole("heading", { name }).count()).toBe(0);
}

describe("a personal API token (phone)", () => {
  it("is made on the profile, copied once, reads the API without a cookie, and stops at 401 once revoked", async () => {
    const page = await pages.open("phone");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: inject("baseUrl") });
    await signInThroughForm(page, "id", { identifier: DEWI.nip, password: DEMO_PASSWORD }, "/profil");
    await page.getByRole("link", { name: t("tokens.profileLink") }).click();
    await page.getByRole("heading", { level: 1, name: t("tokens.title") }).waitFor();
    await page.getByText(t("tokens.empty")).waitFor();
    // an ASN is offered no scope of the dashboards, exports or administration
    await expect.poll(() => page.getByLabel(t("scope.exports:read")).count()).toBe(0);
    await expect.poll(() => page.getByLabel(t("scope.admin:write")).count()).toBe(0);
    await shoot(page, "api-tokens-form-phone.png");
    // a token without a name is refused by the server, and said under the field in Indonesian
    await page.getByLabel(t("scope.ideas:read")).check();
    await page.getByRole("button", { name: t("tokens.add") }).click();
    await expect.poll(() => page.locator("#token-name").getAttribute("aria-invalid")).toBe("true");
    expect(await descriptionOf(page, "token-name")).not.toMatch(/[Rr]equired|String must/);
    await shoot(page, "api-tokens-error-phone.png");
    await page.getByLabel(t("scope.ideas:read")).uncheck();

    const secret = await makeToken(page, "Rekap mingguan Dukcapil", ["ideas:read"], 90);
    await expectNoAxeViolations(page);
    await shoot(page, "api-tokens-secret-phone.png");

    const ideas = await callWith(secret, "/api/v1/ideas?limit=5");
    expect(ideas.status).toBe(200);
    const body = IdeaListAnswer.parse(await ideas.json());
    expect(body.items.length).toBeGreaterThan(0);
    const me = SessionAnswer.parse(await (await callWith(secret, "/api/v1/auth/me")).json());
    expect(me.user.nip).toBe(DEWI.nip);
    // read-only: a write is refused, naming the scope it lacks
    const write = await fetch(new URL(`/api/v1/ideas/${body.items[0]!.id}/follow`, inject("baseUrl")), {
      method: "PUT",
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(write.status).toBe(403);
    expect(ProblemAnswer.parse(await write.json()).code).toBe("token.scope_missing.ideas:write");

    await page.getByRole("button", { name: t("tokens.secretDone") }).click();
    await expect.poll(() => page.getByText(secret).count()).toBe(0);
    await page.reload();
    const card = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: "Rekap mingguan Dukcapil" }) });
    await card.getByText("ideas:read").waitFor();
    await expect.poll(async () => (await card.textContent()) ?? "").not.toContain(t("tokens.neverUsed"));
    await shoot(page, "api-tokens-list-phone.png");

    await revoke(page, "Rekap mingguan Dukcapil");
    await page.getByText(t("tokens.empty")).waitFor();
    const after = await callWith(secret, "/api/v1/ideas?limit=5");
    expect(after.status).toBe(401);
    expect(ProblemAnswer.parse(await after.json()).code).toBe("token.revoked");
  });
});

describe("a service token (admin, phone)", () => {
  it("is made by the agency admin for the data warehouse, reads the dashboard's figures, and is revoked", async () => {
    const page = await pages.open("phone");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: inject("baseUrl") });
    await signInThroughForm(page, "id", { identifier: SRI_ADMIN.nip, password: DEMO_PASSWORD }, "/admin");
    await page.getByRole("link", { name: t("admin.serviceTokens"), exact: true }).click();
    await page.getByRole("heading", { level: 1, name: t("tokens.serviceTitle") }).waitFor();
    await page.getByText(t("tokens.empty")).waitFor();

    const secret = await makeToken(page, "Gudang data Bappeda", ["stats:read", "exports:read"], 365);
    await shoot(page, "service-tokens-secret-phone.png");
    const stats = await callWith(secret, "/api/v1/stats/dashboard");
    expect(stats.status).toBe(200);
    expect(await stats.json()).toHaveProperty("participation");
    // tied to no person: nothing outside its scopes
    const ideas = await callWith(secret, "/api/v1/ideas");
    expect(ideas.status).toBe(403);

    await page.getByRole("button", { name: t("tokens.secretDone") }).click();
    await expectNoAxeViolations(page);
    await shoot(page, "service-tokens-list-phone.png");
    await revoke(page, "Gudang data Bappeda");
    expect((await callWith(secret, "/api/v1/stats/dashboard")).status).toBe(401);
  });
});
