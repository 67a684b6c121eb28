/**
 * Screenshots of the account pages for docs/screenshots/, taken only when asked:
 *   E2E_SCREENSHOTS=1 npm run test:e2e -- test/e2e/screenshots.test.ts
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, inject, it } from "vitest";
import { launchBrowser, PageFactory } from "./browser.ts";
import { ROOT } from "./dev-server.ts";
import { textIn } from "./i18n.ts";
import { signInForm } from "./journey.ts";
import { DEMO_PASSWORD, DEWI } from "./personas.ts";

const OUT = path.join(ROOT, "docs", "screenshots");

describe.runIf(process.env.E2E_SCREENSHOTS)("screenshots", () => {
  let browser: Browser;
  let pages: PageFactory;
  beforeAll(async () => {
    browser = await launchBrowser();
    pages = new PageFactory(browser, inject("baseUrl"));
    mkdirSync(OUT, { recursive: true });
  });
  afterEach(() => pages.closeAll());
  afterAll(() => browser?.close());

  it.each(["phone", "desktop"] as const)("of sign-in and profile on a %s", async (viewport) => {
    const page = await pages.open(viewport);
    await page.goto("/masuk");
    const form = signInForm(page, "id");
    await form.identifier.waitFor();
    await page.getByText(textIn("id")("footer.version", { version: "" }).trim()).waitFor();
    await page.screenshot({ path: path.join(OUT, `signin-${viewport}.png`), fullPage: true });

    await form.identifier.fill(DEWI.nip);
    await form.password.fill(DEMO_PASSWORD);
    await form.submit.click();
    await page.getByRole("heading", { level: 1, name: DEWI.name }).waitFor();
    await page.locator("body").focus();
    await page.screenshot({ path: path.join(OUT, `profile-${viewport}.png`), fullPage: true });
  });
});
