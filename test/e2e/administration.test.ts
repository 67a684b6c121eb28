/**
 * Running the platform and an agency from the browser: the platform admin registers an agency on
 * Makassar time and deactivates it after being told what that does; an agency admin sets the
 * emblem, the public library and the certificate signer; the reward rules are edited within their
 * bounds with a month's preview and published; an ASN reports an idea and a comment through the
 * reason dialog and the admin moderates them; the audit log is filtered and downloaded for Excel.
 * Bahasa Indonesia on a phone and English on a desktop.
 */
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { drawEmblem } from "./emblem.ts";
import { textIn } from "./i18n.ts";
import { chooseLanguage, expectFocusOn, expectPath, signInForm, signInThroughForm, VARIANTS } from "./journey.ts";
import { insertReportableIdea } from "./moderation-fixture.ts";
import {
  ANDI,
  DEMO_PASSWORD,
  DEWI,
  LILY_ADMIN,
  RAHMAT_PLATFORM,
  SRI_ADMIN,
  TEUKU_ADMIN,
  YULIANA,
  type Persona,
} from "./personas.ts";

/** Two of the four: enough to see both languages and both layouts, at half the time. */
const TWO = [VARIANTS[0]!, VARIANTS[3]!].map((v, index) => ({ ...v, index }));

let browser: Browser;
let pages: PageFactory;
const persistTo = inject("persistTo");

beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

async function signedIn(variant: (typeof TWO)[number], who: Persona, next: string): Promise<Page> {
  const page = await pages.open(variant.viewport);
  await signInThroughForm(page, variant.lang, { identifier: who.nip, password: DEMO_PASSWORD }, next);
  await expectPath(page, next);
  return page;
}

describe.each(TWO)("the platform admin ($lang, $viewport)", (variant) => {
  const t = textIn(variant.lang);

  it("registers an agency on WITA with its first admin, then deactivates it after saying what happens", async () => {
    const page = await signedIn(variant, RAHMAT_PLATFORM, "/platform");
    const n = `${variant.index}${Date.now() % 100_000}`;
    const name = `Pemerintah Kota Uji ${n}`;
    await page.getByLabel(t("platform.name"), { exact: true }).fill(name);
    await page.getByLabel(t("platform.slug"), { exact: true }).fill(`kota-uji-${n}`);
    await page.getByLabel(t("platform.region"), { exact: true }).fill("Sulawesi Selatan");
    await page.getByRole("radio", { name: t("timeZone.Asia/Makassar") }).check();
    await page.getByLabel(t("platform.unitCode"), { exact: true }).fill("SETDA");
    await page.getByLabel(t("platform.unitName"), { exact: true }).fill("Sekretariat Daerah");
    await page.getByLabel(t("platform.adminName"), { exact: true }).fill("Andi Makkasau");
    // 13 is not a month: the NIP's birth date part is refused, by the server, in the admin's language
    const nip = page.getByLabel(t("platform.adminNip"), { exact: true });
    await nip.fill(`198513152010011${String(900 + variant.index)}`);
    await page.getByLabel(t("platform.adminEmail"), { exact: true }).fill(`admin.${n}@makassar.go.id`);
    await page.getByRole("button", { name: t("platform.submit"), exact: true }).click();
    await expectFocusOn(page, "agency-form-errors");
    expect(await page.locator("#agency-form-errors").innerText()).toContain(t("field.nip.birth_date"));
    await expectNoAxeViolations(page);

    await nip.fill(`198503152010011${String(900 + variant.index)}`);
    await page.getByRole("button", { name: t("platform.submit"), exact: true }).click();
    const created = page.locator(".agency-created");
    await created.waitFor();
    const password = /[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}/.exec(await created.innerText())?.[0];
    expect(password).toBeDefined();

    const card = page.locator(".agency-card", { hasText: name });
    await card.waitFor();
    expect(await card.innerText()).toContain(t("timeZone.short.Asia/Makassar"));
    await card.getByRole("button", { name: t("platform.deactivateLabel", { name }) }).click();
    const dialog = page.getByRole("dialog", { name: t("platform.deactivateTitle", { name }) });
    expect(await dialog.innerText()).toContain(t("platform.deactivateText"));
    await expectNoAxeViolations(page);
    await dialog.getByRole("button", { name: t("platform.deactivate"), exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: t("platform.deactivated", { name }) })
      .waitFor();
    await card.getByRole("button", { name: t("platform.reactivateLabel", { name }) }).waitFor();

    // its first admin can no longer sign in
    const other = await pages.open(variant.viewport);
    await signInThroughForm(other, variant.lang, {
      identifier: `198503152010011${900 + variant.index}`,
      password: password!,
    });
    await signInForm(other, variant.lang)
      .summary.filter({ hasText: t("signIn.invalidCredentials") })
      .waitFor();
  });
});

describe.each(TWO)("an agency admin's settings ($lang, $viewport)", (variant) => {
  const t = textIn(variant.lang);

  it("sets the emblem, opens the innovation library to the public and names the certificate signer", async () => {
    const page = await signedIn(variant, LILY_ADMIN, "/admin");
    await page.getByRole("link", { name: t("admin.settings"), exact: true }).click();
    await expectPath(page, "/admin/pengaturan");
    const file = page.getByLabel(t("agencySettings.emblemFile"), { exact: true });
    await file.setInputFiles({ name: "lambang.png", mimeType: "image/png", buffer: await drawEmblem(page, "PGK") });
    await page.getByRole("button", { name: t("agencySettings.emblemUpload"), exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: t("agencySettings.emblemSaved") })
      .waitFor();
    await page
      .getByRole("img", { name: t("agencySettings.emblemAlt", { name: "Pemerintah Kota Pangkalpinang" }) })
      .first()
      .waitFor();
    // the header takes the emblem from the refreshed agency, a moment after the settings' preview
    await page.locator("header img.agency-emblem").waitFor();
    expect(await page.locator("header img.agency-emblem").count()).toBe(1);
    // removed, the header shows Gagas's own mark again; then the emblem goes back up
    await page.getByRole("button", { name: t("agencySettings.emblemRemove"), exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: t("agencySettings.emblemRemoved") })
      .waitFor();
    await page.locator("header img.agency-emblem").waitFor({ state: "detached" });
    await file.setInputFiles({ name: "lambang.png", mimeType: "image/png", buffer: await drawEmblem(page, "PGK") });
    await page.getByRole("button", { name: t("agencySettings.emblemUpload"), exact: true }).click();
    await page.locator("header img.agency-emblem").waitFor();

    const library = page.getByLabel(t("agencySettings.library"), { exact: true });
    await library.check();
    await page.getByLabel(t("agencySettings.signerFixed"), { exact: true }).check();
    await page.getByLabel(t("agencySettings.signerName"), { exact: true }).fill("Drs. Radmida Dawam");
    await page.getByLabel(t("agencySettings.signerPosition"), { exact: true }).fill("Sekretaris Daerah");
    await page.getByLabel(t("agencySettings.signerNip")).fill("19680412199303101");
    await page.getByLabel(t("agencySettings.place"), { exact: true }).fill("Pangkalpinang");
    await page.getByRole("button", { name: t("agencySettings.save"), exact: true }).click();
    // a NIP of 17 digits is named on its field
    await expectFocusOn(page, "settings-errors");
    expect(await page.locator("#settings-errors").innerText()).toContain(t("field.nip.format"));
    await page.getByLabel(t("agencySettings.signerNip")).fill("196804121993031017");
    await page.getByRole("button", { name: t("agencySettings.save"), exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: t("agencySettings.saved") })
      .waitFor();
    expect(await page.locator("#settings-place-preview").innerText()).toContain("Pangkalpinang, ");
    await expectNoAxeViolations(page);

    // anyone can now read the agency's implemented innovations, without the proposers' names
    const visitor = await pages.open(variant.viewport);
    await visitor.goto("/pustaka/instansi/pangkalpinang");
    await chooseLanguage(visitor, variant.lang);
    await visitor
      .getByRole("heading", { level: 1, name: t("publicLibrary.heading", { agency: "Pemerintah Kota Pangkalpinang" }) })
      .waitFor();
    await visitor.locator(".idea-card").first().waitFor();
    expect(await visitor.locator("main").innerText()).not.toContain(YULIANA.name);
    await expectNoAxeViolations(visitor);
  });
});

describe.each(TWO)("the reward rules ($lang, $viewport)", (variant) => {
  const t = textIn(variant.lang);

  it("refuses a value out of bounds, previews the month and publishes a new version into the history", async () => {
    const page = await signedIn(variant, TEUKU_ADMIN, "/admin/poin");
    const rule = "Ide direplikasi instansi lain";
    const label = variant.lang === "en" ? "Idea replicated by another agency" : rule;
    const points = page.getByRole("group", { name: label }).getByLabel(t("rules.points"), { exact: true });
    const before = Number(await points.inputValue());
    await points.fill("5000");
    await page.getByRole("button", { name: /^(Terbitkan|Publish)/ }).click();
    await expectFocusOn(page, "rules-errors");
    expect(await page.locator("#rules-errors").innerText()).toContain(
      t("rules.outOfBounds", { min: "0", max: variant.lang === "en" ? "1,000" : "1.000" }),
    );

    await points.fill(String(before + 5));
    // the agency's month moves by the replicated idea's five points
    const preview = page.locator(".rules-preview table");
    await preview.waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: /^(Terbitkan|Publish)/ }).click();
    const dialog = page.getByRole("dialog");
    expect(await dialog.innerText()).toContain(t("rules.publishText"));
    await dialog.getByRole("button", { name: /^(Terbitkan|Publish)/ }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /diterbitkan|was published/ })
      .waitFor();
    const history = page.locator(".rules-history");
    await history
      .getByText(`${label}: ${t("rules.changePoints", { from: String(before), to: String(before + 5) })}`)
      .waitFor();
  });
});

describe.each(TWO)("moderation ($lang, $viewport)", (variant) => {
  const t = textIn(variant.lang);
  // the phone hides the idea and dismisses the comment's reports; the desktop the other way round
  const hidden = variant.index === 0 ? "idea" : "comment";
  const dismissed = hidden === "idea" ? "comment" : "idea";
  const REASONS = { idea: "Iklan jualan pribadi, bukan ide layanan.", comment: "Mengusir rekan dari grup." };

  /** An ASN reports the idea and its comment, each through the reason dialog (no browser prompt). */
  async function reportBoth(dewi: Page) {
    await dewi.getByRole("button", { name: t("ideaModeration.report"), exact: true }).click();
    const dialog = dewi.getByRole("dialog", { name: t("ideaModeration.reportTitle") });
    await dialog.getByRole("button", { name: t("ideaModeration.report"), exact: true }).click();
    await expectFocusOn(dewi, "idea-moderation-reason");
    await dialog.getByLabel(t("idea.reason"), { exact: true }).fill(REASONS.idea);
    await expectNoAxeViolations(dewi);
    await dialog.getByRole("button", { name: t("ideaModeration.report"), exact: true }).click();
    await dewi
      .getByRole("status")
      .filter({ hasText: t("ideaModeration.reported") })
      .waitFor();

    await dewi.getByRole("button", { name: t("discussion.report"), exact: true }).click();
    const commentDialog = dewi.getByRole("dialog", { name: t("discussionModeration.reportTitle") });
    await commentDialog.getByLabel(t("idea.reason"), { exact: true }).fill(REASONS.comment);
    await commentDialog.getByRole("button", { name: t("discussion.report"), exact: true }).click();
    await dewi
      .getByRole("status")
      .filter({ hasText: t("discussion.reported") })
      .waitFor();
  }

  /** Confirms a moderation dialog (with a reason when it asks for one) and waits for the page to say it is done. */
  async function decide(sri: Page, dialogTitle: string, button: string, done: string, reason?: string) {
    const dialog = sri.getByRole("dialog", { name: dialogTitle });
    if (reason) await dialog.getByLabel(t("idea.reason"), { exact: true }).fill(reason);
    await dialog.getByRole("button", { name: button, exact: true }).click();
    await sri.getByRole("status").filter({ hasText: done }).waitFor();
  }

  it(`takes an ASN's reports of an idea and a comment, hides the ${hidden}, dismisses the ${dismissed}'s reports and restores`, async () => {
    const title = `Jual pulsa murah ${variant.index}-${Date.now() % 100_000}`;
    const ideaId = await insertReportableIdea(persistTo, ANDI, title);
    const dewi = await signedIn(variant, DEWI, `/ide/${ideaId}`);
    await reportBoth(dewi);

    const sri = await signedIn(variant, SRI_ADMIN, "/admin/moderasi");
    const queued = {
      idea: sri.locator("#reported-ideas-title ~ ul .moderation-item", { hasText: title }),
      comment: sri.locator("#reported-comments-title ~ ul .moderation-item", { hasText: REASONS.comment }),
    };
    expect(await queued.idea.innerText()).toContain(REASONS.idea);

    await queued[hidden].getByRole("button", { name: t("moderation.hideLabel", { title }) }).click();
    expect(await sri.getByRole("dialog").innerText()).toContain(
      t(hidden === "idea" ? "moderation.hideIdeaText" : "moderation.hideCommentText"),
    );
    await decide(
      sri,
      t(hidden === "idea" ? "moderation.hideIdeaTitle" : "moderation.hideCommentTitle"),
      t("moderation.hide"),
      t("moderation.hidDone"),
      "Melanggar etika diskusi.",
    );
    const hiddenItem = sri
      .locator("#hidden-items-title ~ ul .moderation-item", { hasText: "Melanggar etika diskusi." })
      .filter({ hasText: title });
    await hiddenItem.waitFor();

    await queued[dismissed].getByRole("button", { name: t("moderation.dismissLabel", { title }) }).click();
    await decide(sri, t("moderation.dismissTitle"), t("moderation.dismiss"), t("moderation.dismissedDone"));
    await queued[dismissed].waitFor({ state: "detached" });
    await expectNoAxeViolations(sri);

    // what the reporter sees now: a hidden idea is gone, a hidden comment shows only why
    await dewi.goto(`/ide/${ideaId}`);
    if (hidden === "idea") await dewi.getByRole("heading", { level: 1, name: t("notFound.title") }).waitFor();
    else await dewi.getByText(t("discussion.hidden", { reason: "Melanggar etika diskusi." })).waitFor();

    // shown again, with a reason its author reads
    await hiddenItem.getByRole("button", { name: t("moderation.restoreLabel", { title }) }).click();
    await decide(
      sri,
      t("moderation.restoreTitle"),
      t("moderation.restore"),
      t("moderation.restoredDone"),
      "Sudah diubah.",
    );
    await dewi.goto(`/ide/${ideaId}`);
    await dewi.getByRole("heading", { level: 1, name: title }).waitFor();
    await dewi.getByText("Yang tidak setuju silakan keluar dari grup!").waitFor();
  });
});

describe.each(TWO)("the audit log ($lang, $viewport)", (variant) => {
  const t = textIn(variant.lang);

  it("filters by person and action and downloads the filtered log for Excel", async () => {
    const page = await signedIn(variant, SRI_ADMIN, "/admin/audit");
    // something for the log to show: the admin hides an idea (through the API; moderation has its own journey)
    const ideaId = await insertReportableIdea(persistTo, ANDI, `Promosi ${variant.index}-${Date.now() % 100_000}`);
    const hidden = await page.request.post(`/api/v1/ideas/${ideaId}/hide`, {
      data: { reason: "Promosi usaha pribadi." },
      headers: { origin: inject("baseUrl") },
    });
    expect(hidden.status()).toBe(200);
    await page.reload();
    expect(await page.locator(".lead").innerText()).toContain("WIB");
    await page.getByLabel(t("audit.person"), { exact: true }).fill("Sri Wahyuni");
    await page.getByRole("button", { name: /Sri Wahyuni Lubis/ }).click();
    await page.getByLabel(t("audit.action"), { exact: true }).selectOption("idea.hide");
    await page.getByRole("button", { name: t("audit.apply"), exact: true }).click();
    const entry = page.locator(".audit-entry").first();
    await entry.waitFor();
    expect(await entry.innerText()).toContain(variant.lang === "en" ? "Hid an idea" : "Menyembunyikan ide");
    expect(await page.locator(".audit-entry").allInnerTexts()).not.toContainEqual(expect.stringContaining("award"));
    await expectNoAxeViolations(page);

    const plain = await page.getByRole("link", { name: t("audit.download"), exact: true }).getAttribute("href");
    expect(plain).toContain("separator=comma");
    const excelId = page.getByRole("link", { name: t("csv.excelId", { label: t("audit.download") }), exact: true });
    expect(await excelId.getAttribute("href")).toContain("action=idea.hide");
    const [download] = await Promise.all([page.waitForEvent("download"), excelId.click()]);
    expect(download.suggestedFilename()).toMatch(/^log-audit-binjai-\d{4}-\d{2}-\d{2}\.csv$/);
    const body = await readFile((await download.path())!);
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe("Waktu;Tindakan;Kode Tindakan;Oleh;Subjek;ID Subjek;Rincian");
    expect(lines[1]).toContain(";Menyembunyikan ide;idea.hide;Sri Wahyuni Lubis;idea;");
  });
});
