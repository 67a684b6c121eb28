/** The author of an idea invites a colleague to co-author it and attaches a file; a disguised file is refused. */
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { textIn } from "./i18n.ts";
import { signInThroughForm, VARIANTS } from "./journey.ts";
import { DEMO_PASSWORD, DEWI } from "./personas.ts";

const IDEA = "Surat keterangan domisili tanpa tatap muka"; // Dewi's, submitted
// colleagues not yet on the team of this idea (the seed has Andi accepted and Rizki invited)
const INVITEES = ["Fitri", "Budi", "Nurhayati", "Rahmat"];
// a 1×1 PNG, and an executable renamed to .pdf
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001a5f645400000000049454e44ae426082",
  "hex",
);
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 1)]);

let browser: Browser;
let pages: PageFactory;
beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

describe.each(VARIANTS.map((v, i) => ({ ...v, invitee: INVITEES[i]!, index: i })))(
  "team and files ($lang, $viewport)",
  ({ lang, viewport, invitee, index }) => {
    const t = textIn(lang);

    it("invites a colleague and attaches a file; a disguised executable is refused", async () => {
      const page = await pages.open(viewport);
      await signInThroughForm(page, lang, { identifier: DEWI.nip, password: DEMO_PASSWORD }, "/ide?saya=1");
      await page.getByRole("link", { name: IDEA }).first().click();
      await page.getByRole("heading", { level: 2, name: t("team.tools") }).waitFor();

      await page.getByLabel(t("team.invite"), { exact: true }).fill(invitee);
      await page
        .getByRole("button", { name: new RegExp(invitee) })
        .first()
        .click();
      await page.locator(".team").getByText(new RegExp(invitee)).first().waitFor();

      const file = page.getByLabel(t("team.upload"), { exact: true });
      await file.setInputFiles({ name: `peta-${index}.png`, mimeType: "image/png", buffer: PNG });
      await page.getByRole("button", { name: t("team.uploadSubmit"), exact: true }).click();
      await page.locator(".attachments").getByText(`peta-${index}.png`).waitFor();

      await file.setInputFiles({ name: "laporan.pdf", mimeType: "application/pdf", buffer: EXE });
      await page.getByRole("button", { name: t("team.uploadSubmit"), exact: true }).click();
      await page
        .getByRole("alert")
        .filter({ hasText: t("code.attachment.unsupported_type") })
        .waitFor();
      expect(await page.locator(".attachments").innerText()).not.toContain("laporan.pdf");
      await expectNoAxeViolations(page);
    });
  },
);
