import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { textIn } from "./i18n.ts";
import {
  chooseLanguage,
  descriptionOf,
  expectFocusOn,
  expectPath,
  expectTitle,
  focused,
  signInForm,
  signInThroughForm,
  tabUntil,
  VARIANTS,
} from "./journey.ts";
import { DEMO_PASSWORD, DEWI, MISTYPERS } from "./personas.ts";

let browser: Browser;
let pages: PageFactory;

beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

describe.each(VARIANTS.map((v, index) => ({ ...v, mistyper: MISTYPERS[index]! })))(
  "sign-in ($lang, $viewport)",
  ({ lang, viewport, mistyper }) => {
    const t = textIn(lang);

    it("lets an ASN of the demo sign in with their NIP and shows their profile", async () => {
      const page = await pages.open(viewport);
      await page.goto("/");
      await chooseLanguage(page, lang);
      await page.getByRole("link", { name: t("nav.signIn"), exact: true }).click();
      await expectPath(page, "/masuk");

      const form = signInForm(page, lang);
      await form.identifier.fill(DEWI.nip);
      await form.password.fill(DEMO_PASSWORD);
      await form.submit.click();

      // sign-in lands on the home page, which greets the person; their profile is one step away
      await expectPath(page, "/");
      await page.getByRole("heading", { level: 1, name: t("myHome.greeting", { name: "Dewi" }) }).waitFor();
      await page.goto("/profil");
      await page.getByRole("heading", { level: 1, name: DEWI.name }).waitFor();
      const details = await page.locator(".details").innerText();
      for (const shown of [DEWI.nip, DEWI.email, DEWI.position, DEWI.unitName, DEWI.agency.name, t("role.asn")]) {
        expect(details).toContain(shown);
      }
      await expectTitle(page, `${t("profile.title")} · Gagas`);
      // the header now names the person and offers to sign out
      await page.getByRole("banner").getByRole("link", { name: DEWI.name }).waitFor();
      await page
        .getByRole("banner")
        .getByRole("button", { name: t("account.signOut"), exact: true })
        .waitFor();
    });

    it("ties a wrong-password error to the password field, focuses the summary and keeps the NIP", async () => {
      const page = await pages.open(viewport);
      await signInThroughForm(page, lang, { identifier: mistyper.nip, password: "salah-sekali-123" });

      const form = signInForm(page, lang);
      await form.summary.waitFor();
      expect(await form.summary.getAttribute("role")).toBe("alert");
      expect(await form.summary.innerText()).toContain(t("signIn.invalidCredentials"));
      await expectFocusOn(page, "signin-errors");
      expect(await form.password.getAttribute("aria-invalid")).toBe("true");
      expect(await descriptionOf(page, "signin-password")).toContain(t("signIn.invalidCredentials"));
      expect(await form.identifier.inputValue()).toBe(mistyper.nip);
      expect(await form.password.inputValue()).toBe("salah-sekali-123");
      await expectPath(page, "/masuk");

      // the summary's entry leads to the field
      await form.summary.getByRole("link").click();
      await expectFocusOn(page, "signin-password");
    });

    it("signs out back to the signed-out header, after which /profil sends to /masuk", async () => {
      const page = await pages.open(viewport);
      await signInThroughForm(page, lang, { identifier: DEWI.email, password: DEMO_PASSWORD }, "/profil");
      await expectPath(page, "/profil");

      const header = page.getByRole("banner");
      await header.getByRole("button", { name: t("account.signOut"), exact: true }).click();
      await expectPath(page, "/masuk");
      await header.getByRole("link", { name: t("nav.signIn"), exact: true }).waitFor();
      expect(await header.getByRole("link", { name: DEWI.name }).count()).toBe(0);
      await page
        .getByRole("status")
        .filter({ hasText: t("signIn.signedOut") })
        .waitFor();

      await page.goto("/profil");
      await expectPath(page, "/masuk?next=/profil");
      // the session is gone on the server too, not only in this tab
      const me = await page.request.get("/api/v1/auth/me");
      expect(me.status()).toBe(401);
    });

    it("works by keyboard alone: Tab reaches the language, the fields and the button, Enter submits", async () => {
      const page = await pages.open(viewport);
      await page.goto("/masuk");
      await signInForm(page, "id").identifier.waitFor();

      if (lang === "en") {
        await tabUntil(page, (el) => el.text.startsWith("EN"));
        expect((await focused(page)).ring).toBe(true);
        await page.keyboard.press("Enter");
        await page.waitForFunction(() => document.documentElement.lang === "en");
      }
      await tabUntil(page, (el) => el.id === "signin-identifier");
      expect((await focused(page)).ring).toBe(true);
      await page.keyboard.type(DEWI.nip);
      await page.keyboard.press("Tab");
      expect(await focused(page)).toMatchObject({ id: "signin-password", ring: true });
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press("Tab");
      expect(await focused(page)).toMatchObject({ id: "signin-show-password", type: "checkbox" });
      await page.keyboard.press("Tab");
      expect(await focused(page)).toMatchObject({ tag: "button", text: t("signIn.submit"), ring: true });

      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Shift+Tab");
      expect((await focused(page)).id).toBe("signin-password");
      await page.keyboard.press("Enter");
      // sign-in lands on the home page, which greets the person; their profile is one step away
      await expectPath(page, "/");
      await page.getByRole("heading", { level: 1, name: t("myHome.greeting", { name: "Dewi" }) }).waitFor();
      await page.goto("/profil");
      await page.getByRole("heading", { level: 1, name: DEWI.name }).waitFor();
    });

    it("has no axe violations on home, sign-in (clean and with errors) and profile", async () => {
      const page = await pages.open(viewport);
      await page.goto("/");
      await chooseLanguage(page, lang);
      // the home page's own status line (the app's offline and draft notices sit outside <main>)
      await page.getByRole("main").getByRole("status").first().waitFor();
      await expectNoAxeViolations(page);

      await page.goto("/masuk?next=/profil");
      const form = signInForm(page, lang);
      await form.identifier.waitFor();
      await expectNoAxeViolations(page);

      await form.submit.click(); // both fields empty: errors found before asking the server
      await form.summary.waitFor();
      await expectNoAxeViolations(page);

      await form.identifier.fill(mistyper.nip);
      await form.password.fill("masih-salah-456");
      await form.submit.click();
      await form.summary.filter({ hasText: t("signIn.invalidCredentials") }).waitFor();
      await expectNoAxeViolations(page);

      await form.identifier.fill(DEWI.nip);
      await form.password.fill(DEMO_PASSWORD);
      await form.submit.click();
      await page.getByRole("heading", { level: 1, name: DEWI.name }).waitFor();
      await expectNoAxeViolations(page);

      await page.getByRole("button", { name: t("password.submit") }).click();
      await page.locator("#password-errors").waitFor();
      await expectNoAxeViolations(page);
    });
  },
);

describe.each(["phone", "desktop"] as const)("language switch (%s)", (viewport) => {
  it("changes the page to English and keeps it after a reload", async () => {
    const page = await pages.open(viewport);
    const [id, en] = [textIn("id"), textIn("en")];
    await page.goto("/masuk");
    await page.getByRole("heading", { level: 1, name: id("signIn.title") }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("id");

    await page.getByRole("button", { name: /^EN\b/ }).click();
    await page.getByRole("heading", { level: 1, name: en("signIn.title") }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    // the title follows the heading in an effect: wait for it rather than read it at once
    await expectTitle(page, `${en("signIn.title")} · Gagas`);
    expect(await page.getByRole("button", { name: /^EN\b/ }).getAttribute("aria-pressed")).toBe("true");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: en("signIn.title") }).waitFor();
    await signInForm(page, "en").identifier.waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");

    await page.getByRole("link", { name: en("nav.home"), exact: true }).click();
    await page.getByRole("heading", { level: 1, name: en("home.title") }).waitFor();
  });
});
