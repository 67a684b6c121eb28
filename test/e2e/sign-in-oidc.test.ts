/**
 * Sign-in with the agency's own identity provider, in a browser, against the loopback OpenID
 * provider (scripts/lib/loopback-idp.ts): Pangkalpinang's admin sets it up on /admin/sso; Rizal
 * signs in through it; with passwords switched off, his password is refused and the agency's page
 * offers only the provider's button; a NIP without an account is refused in words.
 * Screens at 360 px go to docs/screenshots/ when E2E_SCREENSHOTS is set.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { IDP_CLIENT_SECRET, IDP_CLIENTS, IDP_PASSWORD } from "../../scripts/lib/loopback-idp-accounts.ts";
import { launchBrowser, PageFactory } from "./browser.ts";
import { queryD1 } from "./d1.ts";
import { ROOT } from "./dev-server.ts";
import { textIn } from "./i18n.ts";
import { expectPath, signInThroughForm } from "./journey.ts";
import { DEMO_PASSWORD, LILY_ADMIN, RIZAL } from "./personas.ts";

const t = textIn("id");
const PROVIDER = "SSO Pemkot Pangkalpinang";
const AGENCY_PAGE = `/masuk?instansi=${LILY_ADMIN.agency.slug}`;
const OUT = path.join(ROOT, "docs", "screenshots");

let browser: Browser;
let pages: PageFactory;
beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
  if (process.env.E2E_SCREENSHOTS) mkdirSync(OUT, { recursive: true });
});
afterEach(() => pages.closeAll());
afterAll(async () => {
  // whatever happened, Pangkalpinang's people keep signing in with passwords in the other journeys
  await queryD1(
    inject("persistTo"),
    `UPDATE agency_oidc SET password_sign_in = 1 WHERE agency_id = (SELECT id FROM agencies WHERE slug = '${LILY_ADMIN.agency.slug}')`,
  );
  await browser?.close();
});

async function shoot(page: Page, name: string) {
  if (!process.env.E2E_SCREENSHOTS) return;
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(OUT, name), fullPage: true });
}

/** Lily on /admin/sso, signed in with her password. */
async function openProviderPage(): Promise<Page> {
  const page = await pages.open("phone");
  await signInThroughForm(page, "id", { identifier: LILY_ADMIN.nip, password: DEMO_PASSWORD }, "/admin/sso");
  await expectPath(page, "/admin/sso");
  await page.getByRole("heading", { level: 1, name: t("oidcAdmin.title") }).waitFor();
  return page;
}

/** On the provider's own login page: the NIP as user name, its password, "Masuk". */
async function signInAtProvider(page: Page, nip: string) {
  await page.waitForURL((url) => url.origin === inject("oidcIssuer"));
  await page.getByLabel("Nama pengguna (NIP)").fill(nip);
  await page.getByLabel("Kata sandi").fill(IDP_PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
}

describe("sign-in with the agency's identity provider", () => {
  it("the admin sets the provider up; Rizal signs in through it and lands where he started, signed in", async () => {
    const admin = await openProviderPage();
    await admin.getByText(t("oidcAdmin.notConfigured")).waitFor();
    await admin.getByLabel(t("oidcAdmin.displayName")).fill(PROVIDER);
    await admin.getByLabel(t("oidcAdmin.issuer")).fill(inject("oidcIssuer"));
    await admin.getByLabel(t("oidcAdmin.clientId")).fill(IDP_CLIENTS.honest);
    await admin.getByLabel(t("oidcAdmin.clientSecret"), { exact: true }).fill(IDP_CLIENT_SECRET);
    await admin.getByRole("button", { name: t("oidcAdmin.save") }).click();
    await admin.getByText(t("oidcAdmin.saved")).waitFor();
    // the secret is stored, never shown: the field says so and stays empty
    await admin.getByText(t("oidcAdmin.clientSecretKept")).waitFor();
    expect(await admin.getByLabel(t("oidcAdmin.clientSecret"), { exact: true }).inputValue()).toBe("");
    expect(await admin.locator(".details").innerText()).toContain(`${inject("baseUrl")}/masuk/oidc`);
    await shoot(admin, "sign-in-oidc-admin-phone.png");

    const person = await pages.open("phone");
    await person.goto(`${AGENCY_PAGE}&next=/ide`);
    // passwords still sign in here: the provider's button, then the form
    await person.getByLabel(t("signIn.password"), { exact: true }).waitFor();
    await shoot(person, "sign-in-oidc-agency-phone.png");
    await person.getByRole("button", { name: t("oidc.signInWith", { provider: PROVIDER }) }).click();
    await signInAtProvider(person, RIZAL.nip);
    await expectPath(person, "/ide");
    await person.getByRole("banner").getByRole("link", { name: RIZAL.name }).waitFor();
  });

  it("with passwords off, refuses Rizal's password, offers only the provider's button, and signs him in through it", async () => {
    const admin = await openProviderPage();
    await admin.getByLabel(t("oidcAdmin.passwordSignIn")).uncheck();
    await admin.getByRole("button", { name: t("oidcAdmin.save") }).click();
    await admin.getByText(t("oidcAdmin.saved")).waitFor();

    const person = await pages.open("phone");
    await signInThroughForm(person, "id", { identifier: RIZAL.nip, password: DEMO_PASSWORD });
    await expectPath(person, AGENCY_PAGE);
    await person.getByText(t("oidc.passwordsOff", { agency: LILY_ADMIN.agency.name, provider: PROVIDER })).waitFor();
    expect(await person.getByLabel(t("signIn.password"), { exact: true }).count()).toBe(0);
    await shoot(person, "sign-in-oidc-passwords-off-phone.png");
    await person.getByRole("button", { name: t("oidc.signInWith", { provider: PROVIDER }) }).click();
    await signInAtProvider(person, RIZAL.nip);
    await expectPath(person, "/");
    await person.getByRole("banner").getByRole("link", { name: RIZAL.name }).waitFor();
  });

  it("tells a person whose NIP has no account that none is created, and signs nobody in", async () => {
    const person = await pages.open("phone");
    await person.goto(AGENCY_PAGE);
    await person.getByRole("button", { name: t("oidc.signInWith", { provider: PROVIDER }) }).click();
    await signInAtProvider(person, "199001012015011999");
    await expectPath(person, "/masuk/oidc");
    await person.getByText(t("code.oidc.no_matching_account")).waitFor();
    await shoot(person, "sign-in-oidc-refused-phone.png");
    await person
      .getByRole("banner")
      .getByRole("link", { name: t("nav.signIn"), exact: true })
      .waitFor();
  });
});
