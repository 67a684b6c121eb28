/**
 * The committee in the campaign editor, in the browser: an agency admin opens a competition's
 * editor, finds people by name (one of them still without the reviewer role, which the editor
 * offers to grant), appoints a chair and reviewers, and saves; the chair then sees the committee
 * board, with the vote-burst flag on the ranking and on the idea. Once review runs, the admin
 * takes off a reviewer who still has unsubmitted reviews and passes them on; the people concerned
 * are notified. On a phone and a desktop, in Bahasa Indonesia.
 *
 *   E2E_SCREENSHOTS=1 also writes the phone screenshots into docs/screenshots/.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, PageFactory, type ViewportName } from "./browser.ts";
import {
  committeeOutcome,
  insertCommitteeCampaign,
  insertOpenAssignments,
  type CommitteeCast,
} from "./committee-fixture.ts";
import { ROOT } from "./dev-server.ts";
import { textIn } from "./i18n.ts";
import { signInThroughForm } from "./journey.ts";
import { DEMO_PASSWORD, LILY_ADMIN } from "./personas.ts";

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

/** A phone screenshot for docs/screenshots/ (only when asked): of `selector`, or of the screen as seen. */
async function shoot(page: Page, viewport: ViewportName, name: string, selector?: string) {
  if (!process.env.E2E_SCREENSHOTS || viewport !== "phone") return;
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const file = path.join(SHOTS, name);
  if (selector) await page.locator(selector).screenshot({ path: file });
  else await page.screenshot({ path: file });
}

async function signedIn(viewport: ViewportName, identifier: string, next: string) {
  const page = await pages.open(viewport);
  await signInThroughForm(page, "id", { identifier, password: DEMO_PASSWORD }, next);
  await page.waitForURL((url) => url.pathname === next);
  return page;
}

/** Types a name into the committee search and presses the button `label` offers for that person. */
async function appoint(page: Page, name: string, label: string) {
  const search = page.getByLabel(t("committeeEditor.searchLabel"), { exact: true });
  await search.fill(name);
  await page.getByRole("button", { name: label, exact: true }).click();
  await page
    .getByRole("list", { name: t("committeeEditor.membersLabel") })
    .getByText(name, { exact: true })
    .waitFor();
}

const VARIANTS = [
  { viewport: "phone", tag: "Ponsel", seq: 7 },
  { viewport: "desktop", tag: "Layar", seq: 8 },
] as const;

describe.each(VARIANTS)("the committee editor on a $viewport", ({ viewport, tag, seq }) => {
  let cast: CommitteeCast;
  const persistTo = inject("persistTo");

  beforeAll(async () => {
    cast = await insertCommitteeCampaign(persistTo, LILY_ADMIN.nip, tag, seq);
  }, 120_000);

  it(
    "lets the admin appoint a chair and reviewers by search, granting the reviewer role where needed",
    { timeout: 180_000 },
    async () => {
      const editor = `/admin/kampanye/${cast.campaignId}`;
      const page = await signedIn(viewport, LILY_ADMIN.nip, editor);
      await page.getByRole("heading", { name: t("committeeEditor.title"), exact: true }).waitFor();
      await page.getByText(t("committeeEditor.empty"), { exact: true }).waitFor();

      await appoint(page, cast.chair.name, t("committeeEditor.addChairLabel", { name: cast.chair.name }));
      for (const r of cast.reviewers)
        await appoint(page, r.name, t("committeeEditor.addReviewerLabel", { name: r.name }));
      // by NIP, someone who is not a reviewer yet: the editor says why and offers the role
      await page.getByLabel(t("committeeEditor.searchLabel"), { exact: true }).fill(cast.candidate.nip);
      await page.getByText(t("committeeEditor.noRoleHint"), { exact: true }).waitFor();
      await page
        .getByRole("button", { name: t("committeeEditor.grantLabel", { name: cast.candidate.name }), exact: true })
        .click();
      await page
        .getByRole("list", { name: t("committeeEditor.membersLabel") })
        .getByText(cast.candidate.name, { exact: true })
        .waitFor();
      await shoot(page, viewport, "committee-editor-phone.png", ".committee-editor");

      await page.getByRole("button", { name: t("committeeEditor.save"), exact: true }).click();
      await page
        .getByRole("status")
        .filter({ hasText: t("committeeEditor.saved") })
        .waitFor();

      // the chair sees the board: the committee, and the burst on the ranking and on the idea
      const chair = await signedIn(viewport, cast.chair.nip, `/kampanye/${cast.campaignId}/komite`);
      const members = chair.locator(".member-list");
      for (const name of [cast.chair.name, ...cast.reviewers.map((r) => r.name), cast.candidate.name])
        await members.getByText(name, { exact: true }).waitFor();
      await chair.getByText(t("burst.flag"), { exact: true }).waitFor();
      await chair.getByRole("heading", { name: t("burst.title"), exact: true }).waitFor();
      expect(await chair.getByText(t("burst.flag"), { exact: true }).count()).toBe(1);
      await chair.goto(`/ide/${cast.rallied.id}`);
      await chair.getByRole("heading", { name: t("burst.title"), exact: true }).waitFor();
      await chair.getByText(t("burst.onlyYou"), { exact: true }).waitFor();
    },
  );

  it(
    "lets the admin take off a reviewer with open reviews and pass them on, and tells the people concerned",
    { timeout: 180_000 },
    async () => {
      await insertOpenAssignments(persistTo, cast);
      const [leaver, second, third] = cast.reviewers;
      const page = await signedIn(viewport, LILY_ADMIN.nip, `/admin/kampanye/${cast.campaignId}`);
      await page.getByText(t("committeeEditor.openWork", { count: 2 }), { exact: true }).waitFor();
      await page
        .getByRole("button", { name: t("committeeEditor.removeLabel", { name: leaver!.name }), exact: true })
        .click();
      await page.getByText(t("committeeEditor.leavingWithWork", { count: 2 }), { exact: true }).waitFor();

      await page.getByRole("button", { name: t("committeeEditor.save"), exact: true }).click();
      const dialog = page.getByRole("dialog", { name: t("committeeEditor.reassignTitle") });
      await dialog.waitFor();
      await shoot(page, viewport, "committee-reassign-phone.png");
      await dialog.getByRole("button", { name: t("committeeEditor.reassignConfirm"), exact: true }).click();
      await dialog.waitFor({ state: "detached" });
      await page
        .getByRole("status")
        .filter({ hasText: t("committeeEditor.saved") })
        .waitFor();
      // balanced and conflict-free: the idea the second reviewer already has goes to the third
      await page
        .getByText(t("committeeEditor.moved", { title: cast.rallied.title, from: leaver!.name, to: third!.name }), {
          exact: true,
        })
        .waitFor();
      await page
        .getByText(
          t("committeeEditor.moved", { title: cast.other.title, from: leaver!.name, to: cast.candidate.name }),
          {
            exact: true,
          },
        )
        .waitFor();
      expect(
        await page
          .getByRole("list", { name: t("committeeEditor.membersLabel") })
          .getByText(leaver!.name)
          .count(),
      ).toBe(0);

      const { assignments, notices } = await committeeOutcome(persistTo, cast);
      expect(assignments).toEqual(
        [
          { idea_id: cast.rallied.id, name: second!.name },
          { idea_id: cast.rallied.id, name: third!.name },
          { idea_id: cast.other.id, name: cast.candidate.name },
        ].sort((a, b) => a.idea_id - b.idea_id || a.name.localeCompare(b.name)),
      );
      expect(notices).toEqual(
        expect.arrayContaining([
          { name: leaver!.name, kind: "committee_removed" },
          { name: third!.name, kind: "review_assigned" },
          { name: cast.candidate.name, kind: "review_assigned" },
        ]),
      );
    },
  );
});
