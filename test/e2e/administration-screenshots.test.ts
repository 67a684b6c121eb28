/**
 * Screenshots of the administration pages for docs/screenshots/, taken only when asked:
 *   E2E_SCREENSHOTS=1 npm run test:e2e -- test/e2e/administration-screenshots.test.ts
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, PageFactory, type ViewportName } from "./browser.ts";
import { queryD1 } from "./d1.ts";
import { ROOT } from "./dev-server.ts";
import { drawEmblem } from "./emblem.ts";
import { textIn } from "./i18n.ts";
import { signInThroughForm } from "./journey.ts";
import { insertReportableIdea } from "./moderation-fixture.ts";
import { ANDI, DEMO_PASSWORD, RAHMAT_PLATFORM, SRI_ADMIN, TEUKU_ADMIN, type Persona } from "./personas.ts";

const OUT = path.join(ROOT, "docs", "screenshots");
const t = textIn("id");

async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(OUT, name), fullPage: true });
}

describe.runIf(process.env.E2E_SCREENSHOTS)("administration screenshots", () => {
  let browser: Browser;
  let pages: PageFactory;
  const persistTo = inject("persistTo");

  beforeAll(async () => {
    browser = await launchBrowser();
    pages = new PageFactory(browser, inject("baseUrl"));
    mkdirSync(OUT, { recursive: true });
    // a reported idea and comment for the moderation queue, and Pangkalpinang's library open to all
    const ideaId = await insertReportableIdea(persistTo, ANDI, "Jual pulsa dan paket data di grup kantor");
    await queryD1(
      persistTo,
      `INSERT INTO idea_reports (idea_id, user_id, reason, created_at)
         SELECT ${ideaId}, id, 'Promosi usaha pribadi, bukan ide perbaikan layanan.', ${Date.now()} FROM users WHERE nip = '199104172015032001';
       UPDATE ideas SET report_count = 1 WHERE id = ${ideaId};
       INSERT INTO comment_reports (comment_id, user_id, reason, created_at)
         SELECT c.id, u.id, 'Nada mengusir rekan, tidak sopan.', ${Date.now()} FROM comments c, users u
         WHERE c.idea_id = ${ideaId} AND u.nip = '199104172015032001';
       UPDATE comments SET report_count = 1 WHERE idea_id = ${ideaId};
       UPDATE agencies SET settings = json_set(settings, '$.libraryPublic', json('true')) WHERE slug = 'pangkalpinang';`,
    );
  });
  afterEach(() => pages.closeAll());
  afterAll(() => browser?.close());

  async function signedIn(viewport: ViewportName, who: Persona, next: string) {
    const page = await pages.open(viewport);
    await signInThroughForm(page, "id", { identifier: who.nip, password: DEMO_PASSWORD }, next);
    await page.waitForURL((url) => url.pathname === next);
    return page;
  }

  it.each(["phone", "desktop"] as const)("of the platform admin's agencies on a %s", async (viewport) => {
    const page = await signedIn(viewport, RAHMAT_PLATFORM, "/platform");
    await page.locator(".agency-card").first().waitFor();
    await shoot(page, `platform-${viewport}.png`);
  });

  it.each(["phone", "desktop"] as const)("of the agency settings and reward rules on a %s", async (viewport) => {
    const page = await signedIn(viewport, TEUKU_ADMIN, "/admin/pengaturan");
    const file = page.getByLabel(t("agencySettings.emblemFile"), { exact: true });
    await file.setInputFiles({ name: "lambang.png", mimeType: "image/png", buffer: await drawEmblem(page, "LSM") });
    await page.getByRole("button", { name: t("agencySettings.emblemUpload"), exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: t("agencySettings.emblemSaved") })
      .waitFor();
    // the header's emblem, decoded (a screenshot taken before showed a blank square)
    const emblem = page.locator("img.agency-emblem").first();
    await expect
      .poll(() => emblem.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    await shoot(page, `agency-settings-${viewport}.png`);

    await page.goto("/admin/poin");
    await page.getByRole("table").waitFor();
    await shoot(page, `reward-rules-${viewport}.png`);
  });

  it.each(["phone", "desktop"] as const)("of moderation and the audit log on a %s", async (viewport) => {
    const page = await signedIn(viewport, SRI_ADMIN, "/admin/moderasi");
    await page.locator(".moderation-item").first().waitFor();
    await shoot(page, `moderation-${viewport}.png`);

    await page.goto("/admin/audit");
    await page.locator(".audit-entry").first().waitFor();
    await shoot(page, `audit-log-${viewport}.png`);
  });

  it.each(["phone", "desktop"] as const)("of an agency's public library on a %s", async (viewport) => {
    const page = await pages.open(viewport);
    await page.goto("/pustaka/instansi/pangkalpinang");
    await page.locator(".idea-card").first().waitFor();
    await shoot(page, `public-library-${viewport}.png`);
  });
});
