/**
 * Taking things back, as people do: a chair sends a submitted review back and withdraws the
 * assignment on the committee board; an agency admin merges a duplicate into the idea it repeats;
 * an invitee accepts co-authorship while another declines; a colleague takes back their support
 * and deletes their own comment, and the campaign then tells them how much support they have left;
 * a person reads their account's dates on the profile. Each once, in one language and viewport, on
 * ideas of its own.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { insertIdea, insertInvitation, insertSubmittedReview } from "./housekeeping-fixture.ts";
import { textIn, type Lang } from "./i18n.ts";
import { expectPath, signInThroughForm } from "./journey.ts";
import { ANDI, CHAIR_BINJAI, DEMO_PASSWORD, DEWI, REVIEWER_BINJAI, SRI_ADMIN, type Persona } from "./personas.ts";

const persistTo = inject("persistTo");
const KIPP = "Kompetisi Inovasi Pelayanan Publik 2026";
const VOTED_IDEA = "Peta digital lokasi lampu jalan padam"; // Andi's, Binjai, voting open
const CAMPAIGN = "Gerakan Inovasi Digital Pelayanan 2027"; // its campaign
const stamp = Date.now() % 1_000_000;

let browser: Browser;
let pages: PageFactory;
beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

async function signInTo(page: Page, lang: Lang, persona: Persona, next: string): Promise<void> {
  await signInThroughForm(page, lang, { identifier: persona.nip, password: DEMO_PASSWORD }, next);
  await expectPath(page, next);
}

describe("taking things back", () => {
  it("a chair sends a submitted review back, then withdraws the assignment (id, phone)", async () => {
    const t = textIn("id");
    const title = `Lampiran formulir daring tersimpan ${stamp}`;
    const ideaId = await insertIdea(persistTo, DEWI, title, "in_review");
    const assignmentId = await insertSubmittedReview(persistTo, ideaId, REVIEWER_BINJAI, CHAIR_BINJAI);

    const page = await pages.open("phone");
    await signInTo(page, "id", CHAIR_BINJAI, `/penilaian/${assignmentId}`);
    await page.getByRole("button", { name: t("review.reopen"), exact: true }).click();
    const dialog = page.getByRole("dialog", { name: t("review.reopenTitle") });
    await dialog.getByLabel(t("idea.reason"), { exact: true }).fill("Skor kemanfaatan belum diberi alasan.");
    await dialog.getByRole("button", { name: t("review.reopen"), exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByText(t("review.reopenedNotice", { name: REVIEWER_BINJAI.name })).waitFor();
    expect(await page.getByRole("button", { name: t("review.reopen"), exact: true }).count()).toBe(0);

    // a draft again: the board offers to withdraw it
    await page.goto("/kampanye");
    await page.getByRole("link", { name: KIPP, exact: true }).click();
    await page.getByRole("link", { name: t("committee.link"), exact: true }).click();
    const withdraw = page.getByRole("button", {
      name: t("committee.withdrawLabel", { name: REVIEWER_BINJAI.name, title }),
      exact: true,
    });
    await withdraw.click();
    const confirm = page.getByRole("dialog", { name: t("committee.withdrawTitle") });
    await confirm.getByRole("button", { name: t("committee.withdraw"), exact: true }).click();
    await confirm.waitFor({ state: "detached" });
    const row = page.locator(".assign-idea").filter({ has: page.getByRole("link", { name: title, exact: true }) });
    await row.getByText(t("committee.noAssignmentsForIdea"), { exact: true }).waitFor();
    expect(await withdraw.count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it("an agency admin merges a duplicate into the idea it repeats (id, desktop)", async () => {
    const t = textIn("id");
    const kept = await insertIdea(persistTo, DEWI, `Tanda terima otomatis permohonan ${stamp}`, "submitted");
    const duplicate = await insertIdea(persistTo, ANDI, `Tanda terima otomatis untuk pemohon ${stamp}`, "submitted");

    const page = await pages.open("desktop");
    await signInTo(page, "id", SRI_ADMIN, `/ide/${duplicate}`);
    await page.getByRole("button", { name: t("ideaAction.merge"), exact: true }).click();
    const dialog = page.getByRole("dialog", { name: t("ideaDialog.mergeTitle") });
    await dialog.getByLabel(t("ideaDialog.mergeTarget"), { exact: true }).fill(String(kept));
    await dialog
      .getByLabel(t("idea.reason"), { exact: true })
      .fill("Usulan yang sama dengan ide yang lebih dulu masuk.");
    await dialog.getByRole("button", { name: t("ideaAction.merge"), exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await page
      .locator(".decision-merged")
      .filter({ hasText: t("idea.mergedInto") })
      .waitFor();
    expect(await page.getByRole("link", { name: t("idea.mergedIntoLink", { id: kept }) }).getAttribute("href")).toBe(
      `/ide/${kept}`,
    );
    expect(await page.locator(".idea-actions").count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it("one invitee accepts co-authorship, another declines (en, phone)", async () => {
    const t = textIn("en");
    const ideaId = await insertIdea(persistTo, DEWI, `Pengingat jadwal rekam KTP ${stamp}`, "submitted");
    await insertInvitation(persistTo, ideaId, REVIEWER_BINJAI);
    await insertInvitation(persistTo, ideaId, ANDI);
    const team = (page: Page) => page.locator(".team");

    const page = await pages.open("phone");
    await signInTo(page, "en", REVIEWER_BINJAI, `/ide/${ideaId}`);
    const member = team(page).locator(".team-member").filter({ hasText: REVIEWER_BINJAI.name });
    expect(await member.innerText()).toContain(t("idea.invitePending"));
    await page.getByRole("button", { name: t("team.accept"), exact: true }).click();
    await page.getByText(t("team.invited"), { exact: true }).waitFor({ state: "detached" });
    expect(await member.innerText()).toContain(t("idea.role.coauthor"));
    expect(await member.innerText()).not.toContain(t("idea.invitePending"));
    await expectNoAxeViolations(page);
    await pages.closeAll();

    const other = await pages.open("phone");
    await signInTo(other, "en", ANDI, `/ide/${ideaId}`);
    await team(other).getByText(ANDI.name).waitFor();
    await other.getByRole("button", { name: t("team.decline"), exact: true }).click();
    await other.getByText(t("team.invited"), { exact: true }).waitFor({ state: "detached" });
    await team(other).getByText(REVIEWER_BINJAI.name).waitFor();
    expect(await team(other).innerText()).not.toContain(ANDI.name);
  });

  it("a colleague takes back their support and deletes their own comment (en, desktop)", async () => {
    const t = textIn("en");
    const page = await pages.open("desktop");
    await signInTo(page, "en", SRI_ADMIN, "/ide");
    await page.getByRole("searchbox").first().fill("lampu jalan");
    await page.getByRole("link", { name: VOTED_IDEA }).first().click();
    await page.getByRole("heading", { level: 1, name: VOTED_IDEA }).waitFor();

    const count = async () => Number((await page.locator(".vote-count").innerText()).match(/\d+/)![0]);
    const support = page.getByRole("button", { name: t("vote.support"), exact: true });
    const retract = page.getByRole("button", { name: t("vote.retract"), exact: true });
    if (await retract.isVisible()) {
      await retract.click();
      await support.waitFor();
    }
    const before = await count();
    await support.click();
    await retract.waitFor();
    expect(await count()).toBe(before + 1);
    await retract.click();
    await support.waitFor();
    expect(await count()).toBe(before);
    expect(await support.getAttribute("aria-pressed")).toBe("false");
    const left = Number((await page.locator(".vote-box").innerText()).match(/: (\d+)/)![1]);

    const body = `Salah ketik, abaikan komentar ini ${stamp}.`;
    await page.getByLabel(t("discussion.new"), { exact: true }).fill(body);
    await page
      .getByRole("button", { name: t("discussion.send"), exact: true })
      .first()
      .click();
    const comment = page.locator(".comment").filter({ hasText: body });
    await comment.getByRole("button", { name: t("discussion.delete"), exact: true }).click();
    await page.getByText(body).waitFor({ state: "detached" });
    await page.getByText(t("discussion.deleted")).first().waitFor();
    await expectNoAxeViolations(page);

    // the campaign says the same: what I support there and what is left
    await page.goto("/kampanye");
    await page.getByRole("link", { name: CAMPAIGN, exact: true }).click();
    const mine = page.getByRole("region", { name: t("campaign.myVotes"), exact: true });
    await mine.getByRole("status").waitFor();
    const budget = Number(
      await page
        .locator(".details > div")
        .filter({ hasText: t("campaign.voteBudget") })
        .locator("dd")
        .innerText(),
    );
    const used = budget - left;
    expect(await mine.getByRole("status").innerText()).toBe(
      used === 0 ? t("campaign.myVotesNone", { budget }) : t("campaign.myVotesUsed", { used, remaining: left, budget }),
    );
    await expectNoAxeViolations(page);
  });

  it("a person reads since when their account exists and when they last signed in (id, phone)", async () => {
    const t = textIn("id");
    const page = await pages.open("phone");
    const before = Date.now();
    await signInTo(page, "id", DEWI, "/profil");
    const details = page.getByRole("region", { name: t("profile.details"), exact: true });
    const row = (label: string) => details.locator(".details > div").filter({ hasText: label }).locator("dd time");
    await row(t("profile.lastLogin")).waitFor();
    // this sign-in, on the agency's clock
    const lastLogin = Date.parse((await row(t("profile.lastLogin")).getAttribute("datetime"))!);
    expect(lastLogin).toBeGreaterThanOrEqual(before - 60_000);
    const created = Date.parse((await row(t("profile.createdAt")).getAttribute("datetime"))!);
    expect(created).toBeLessThan(lastLogin);
    expect(await details.innerText()).not.toContain(t("profile.datesFailed"));
    await expectNoAxeViolations(page);
  });
});
