import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { queryD1 } from "./d1.ts";
import { textIn } from "./i18n.ts";
import { chooseLanguage, descriptionOf, expectFocusOn, expectPath, signInForm, signInThroughForm } from "./journey.ts";
import {
  AI_TWO_DEVICES,
  DEMO_PASSWORD,
  DEWI,
  IQBAL_MUST_CHANGE,
  NURUL_CHANGES_PASSWORD,
  RIZKI_THROTTLED,
  SRI_ADMIN,
} from "./personas.ts";

let browser: Browser;
let pages: PageFactory;
const baseUrl = inject("baseUrl");

beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, baseUrl);
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

const id = textIn("id");
const en = textIn("en");

describe("where sign-in leads", () => {
  it("returns to the page asked for in ?next=, including after the /profil redirect", async () => {
    const page = await pages.open("desktop");
    await signInThroughForm(page, "id", { identifier: DEWI.nip, password: DEMO_PASSWORD }, "/tentang");
    await expectPath(page, "/tentang");

    const other = await pages.open("phone");
    await other.goto("/profil");
    await expectPath(other, "/masuk?next=/profil");
    const form = signInForm(other, "id");
    await form.identifier.fill(DEWI.nip);
    await form.password.fill(DEMO_PASSWORD);
    await form.submit.click();
    await expectPath(other, "/profil");
  });

  it("ignores a ?next= that leaves the site or the pages, and goes to the home page instead", async () => {
    const page = await pages.open("desktop");
    await signInThroughForm(page, "id", { identifier: DEWI.nip, password: DEMO_PASSWORD }, "//evil.example/steal");
    await expectPath(page, "/");
    expect(new URL(page.url()).origin).toBe(baseUrl);

    // a signed-in person opening /masuk is sent on at once, by the same rule
    const refused = ["https://evil.example/", "/\\evil.example", "/api/v1/auth/me", "/masuk", "tentang"];
    for (const next of refused) {
      await page.goto(`/masuk?next=${encodeURIComponent(next)}`);
      await expectPath(page, "/");
      expect(new URL(page.url()).origin).toBe(baseUrl);
    }
    await page.goto("/masuk?next=%2Ftentang%3Fdari%3Dprofil");
    await expectPath(page, "/tentang?dari=profil");
  });
});

describe("sign-in problems", () => {
  it("after five failures says how many minutes to wait, from Retry-After, and keeps the input", async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: baseUrl },
        body: JSON.stringify({ identifier: RIZKI_THROTTLED.nip, password: `tebakan-${attempt}` }),
      });
      expect(response.status).toBe(401);
    }
    const page = await pages.open("phone");
    await signInThroughForm(page, "id", { identifier: RIZKI_THROTTLED.nip, password: DEMO_PASSWORD });
    const form = signInForm(page, "id");
    await form.summary.waitFor();
    const shown = await form.summary.innerText();
    // the window is 15 minutes; a slow machine may already be inside the 15th
    expect([15, 14].some((minutes) => shown.includes(id("signIn.throttled", { minutes })))).toBe(true);
    await expectFocusOn(page, "signin-errors");
    expect(await form.identifier.inputValue()).toBe(RIZKI_THROTTLED.nip);
    expect(await form.password.inputValue()).toBe(DEMO_PASSWORD);
  });

  it("says the server is unreachable, keeps the input, and signs in once it is back", async () => {
    const page = await pages.open("desktop");
    await page.route("**/api/v1/auth/login", (route) => route.abort("internetdisconnected"));
    await signInThroughForm(page, "en", { identifier: DEWI.email, password: DEMO_PASSWORD }, "/profil");
    const form = signInForm(page, "en");
    await form.summary.filter({ hasText: en("code.network.unreachable") }).waitFor();
    expect(await form.identifier.inputValue()).toBe(DEWI.email);
    expect(await form.password.inputValue()).toBe(DEMO_PASSWORD);

    await page.unroute("**/api/v1/auth/login");
    await form.submit.click();
    await expectPath(page, "/profil");
  });
});

describe("passwords", () => {
  it("sends a person whose password was reset to the change form first, then on to ?next=", async () => {
    await queryD1(
      inject("persistTo"),
      `update users set must_change_password = 1 where nip = '${IQBAL_MUST_CHANGE.nip}'`,
    );
    const page = await pages.open("desktop");
    await signInThroughForm(page, "id", { identifier: IQBAL_MUST_CHANGE.nip, password: DEMO_PASSWORD }, "/tentang");
    await expectPath(page, "/ganti-kata-sandi?next=/tentang");
    await page.getByRole("heading", { level: 1, name: id("password.mustChangeTitle") }).waitFor();
    await expectNoAxeViolations(page);

    await page.goto("/profil"); // not before the new password is set
    await expectPath(page, "/ganti-kata-sandi?next=/profil");
    await page.getByLabel(id("password.current"), { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel(id("password.new"), { exact: true }).fill("Ombak-Selat-Malaka-2026");
    await page.getByLabel(id("password.confirm"), { exact: true }).fill("Ombak-Selat-Malaka-2026");
    await page.getByRole("button", { name: id("password.submit") }).click();
    await expectPath(page, "/profil");
    await page.getByRole("heading", { level: 1, name: IQBAL_MUST_CHANGE.name }).waitFor();
  });

  it("changes the password on the profile, with each error on its own field", async () => {
    const page = await pages.open("desktop");
    await signInThroughForm(page, "id", { identifier: NURUL_CHANGES_PASSWORD.nip, password: DEMO_PASSWORD }, "/profil");
    await expectPath(page, "/profil");
    const current = page.getByLabel(id("password.current"), { exact: true });
    const fresh = page.getByLabel(id("password.new"), { exact: true });
    const confirm = page.getByLabel(id("password.confirm"), { exact: true });
    const submit = page.getByRole("button", { name: id("password.submit") });
    const summary = page.locator("#password-errors");

    const attempt = async (values: [string, string, string], field: string, message: string) => {
      await current.fill(values[0]);
      await fresh.fill(values[1]);
      await confirm.fill(values[2]);
      await submit.click();
      await summary.filter({ hasText: message }).waitFor();
      expect(await descriptionOf(page, field)).toContain(message);
      await expectFocusOn(page, "password-errors");
    };
    await attempt(["", "Kebun-Teh-2026", "Kebun-Teh-2026"], "password-current", id("password.currentRequired"));
    await attempt([DEMO_PASSWORD, "pendek", "pendek"], "password-new", id("password.tooShort"));
    await attempt([DEMO_PASSWORD, "Kebun-Teh-2026", "Kebun-Kopi-2026"], "password-confirm", id("password.mismatch"));
    // the server's answers land on the field it names
    await attempt(
      ["bukan-sandi-lama", "Kebun-Teh-2026", "Kebun-Teh-2026"],
      "password-current",
      id("password.incorrect"),
    );
    await attempt([DEMO_PASSWORD, "indonesia123", "indonesia123"], "password-new", id("password.tooCommon"));

    await current.fill(DEMO_PASSWORD);
    await fresh.fill("Kebun-Teh-2026");
    await confirm.fill("Kebun-Teh-2026");
    await submit.click();
    await page
      .getByRole("status")
      .filter({ hasText: id("password.changed") })
      .waitFor();
    expect(await current.inputValue()).toBe("");

    // the new password is the one that works now
    const later = await pages.open("phone");
    await signInThroughForm(
      later,
      "id",
      { identifier: NURUL_CHANGES_PASSWORD.email, password: DEMO_PASSWORD },
      "/profil",
    );
    await signInForm(later, "id")
      .summary.filter({ hasText: id("signIn.invalidCredentials") })
      .waitFor();
    await signInForm(later, "id").password.fill("Kebun-Teh-2026");
    await signInForm(later, "id").submit.click();
    await expectPath(later, "/profil");
  });
});

describe("sessions and roles", () => {
  it("signs out on every device with 'Keluar dari semua perangkat'", async () => {
    const phone = await pages.open("phone");
    const desktop = await pages.open("desktop");
    for (const page of [phone, desktop]) {
      await signInThroughForm(page, "id", { identifier: AI_TWO_DEVICES.nip, password: DEMO_PASSWORD }, "/profil");
      await expectPath(page, "/profil");
    }
    await phone.getByRole("button", { name: id("account.signOutEverywhere") }).click();
    await expectPath(phone, "/masuk");
    await phone
      .getByRole("status")
      .filter({ hasText: id("signIn.signedOutEverywhere") })
      .waitFor();

    await desktop.reload();
    await expectPath(desktop, "/masuk?next=/profil");
    await desktop
      .getByRole("banner")
      .getByRole("link", { name: id("nav.signIn"), exact: true })
      .waitFor();
  });

  it("confirms a sign-out made while the profile is still loading on a slow connection", async () => {
    const page = await pages.open("phone");
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/assets/profile-*.js", async (route) => {
      await held;
      await route.continue();
    });
    await signInThroughForm(page, "id", { identifier: DEWI.nip, password: DEMO_PASSWORD }, "/profil");
    await expectPath(page, "/profil");
    await page
      .getByRole("banner")
      .getByRole("button", { name: id("account.signOut"), exact: true })
      .click();
    await expectPath(page, "/masuk");
    release();
    await page
      .getByRole("status")
      .filter({ hasText: id("signIn.signedOut") })
      .waitFor();
    await page.waitForTimeout(300); // the profile's code arrives late: the notice stays
    expect(
      await page
        .getByRole("status")
        .filter({ hasText: id("signIn.signedOut") })
        .count(),
    ).toBe(1);
  });

  it("names the roles in the chosen language", async () => {
    const page = await pages.open("phone");
    await signInThroughForm(page, "id", { identifier: SRI_ADMIN.email, password: DEMO_PASSWORD }, "/profil");
    const roles = page.locator(".chips");
    await roles.waitFor();
    expect(await roles.locator("li").allInnerTexts()).toEqual([id("role.asn"), id("role.admin")]);
    await chooseLanguage(page, "en");
    expect(await roles.locator("li").allInnerTexts()).toEqual([en("role.asn"), en("role.admin")]);
    expect(await roles.locator("li").allInnerTexts()).toEqual(["Civil servant (ASN)", "Agency admin"]);
  });
});
