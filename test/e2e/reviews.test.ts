/**
 * Reviews in the browser: a committee member of the demo scores the idea still waiting in their
 * queue (rubric with descriptions, an estimate computed like the server's, a refusal shown on its
 * field, a draft, a confirmed submission); a chair reads the committee's progress and the ranking
 * (raw and normalised), shortlists, approves or rejects with a reason, and is told why a reviewer
 * cannot be assigned. Bahasa Indonesia on a phone and a desktop, and once in English.
 *
 * Each variant works in its own agency (scripts/seed/reviews.ts leaves every chair one review to
 * write), and the board's decisions never close a review another test still has to write.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { DEFAULT_RUBRIC } from "../../src/domain/rubric.ts";
import { reviewScore } from "../../src/domain/scoring.ts";
import { expectNoAxeViolations, launchBrowser, PageFactory, type ViewportName } from "./browser.ts";
import { textIn, type Lang } from "./i18n.ts";
import { descriptionOf, expectPath, expectTitle, mainNavLink, signInThroughForm } from "./journey.ts";
import {
  CHAIR_ANDIR,
  CHAIR_BINJAI,
  CHAIR_LHOKSEUMAWE,
  CHAIR_PANGKALPINANG,
  DEMO_PASSWORD,
  type Persona,
} from "./personas.ts";
import { AssignmentAnswer, RankingAnswer, ReviewQueueAnswer } from "./answers.ts";

let browser: Browser;
let pages: PageFactory;

beforeAll(async () => {
  browser = await launchBrowser();
  pages = new PageFactory(browser, inject("baseUrl"));
});
afterEach(() => pages.closeAll());
afterAll(() => browser?.close());

const KIPP = "Kompetisi Inovasi Pelayanan Publik 2026";

type Variant = {
  lang: Lang;
  viewport: ViewportName;
  /** writes the one review the seed left open for them */
  reviewer: Persona;
  ideaToScore: string;
  /** decides on ideas whose reviews nobody still writes in this file */
  chair: Persona;
  decide: (board: Board) => Promise<void>;
};

type Board = { page: Page; t: ReturnType<typeof textIn> };

/** Presses a decision button of the ranking and waits for the status it announces. */
async function decide({ page, t }: Board, action: "shortlist" | "approve", title: string, status: string) {
  await page
    .getByRole("button", { name: t("ranking.decideLabel", { action: t(`ideaAction.${action}`), title }), exact: true })
    .click();
  // the chair reads what follows (points, who is told) before it happens
  const confirm = page.getByRole("dialog", {
    name: t(action === "shortlist" ? "confirm.shortlistTitle" : "confirm.approveTitle"),
  });
  await confirm.getByText(t("confirm.told")).waitFor();
  await confirm.getByRole("button", { name: t(`ideaAction.${action}`), exact: true }).click();
  await confirm.waitFor({ state: "detached" });
  await page
    .getByRole("status")
    .filter({ hasText: t("ranking.decided", { title, status: t(`ideaStatus.${status}`) }) })
    .waitFor();
}

const VARIANTS: readonly Variant[] = [
  {
    lang: "id",
    viewport: "phone",
    reviewer: CHAIR_BINJAI,
    ideaToScore: "Posyandu digital pemantauan gizi balita",
    chair: CHAIR_ANDIR,
    // the idea stays under review (its chair still scores it in the next variant)
    decide: (board) => decide(board, "shortlist", "Papan informasi layanan kelurahan berbasis QR", "shortlisted"),
  },
  {
    lang: "id",
    viewport: "desktop",
    reviewer: CHAIR_ANDIR,
    ideaToScore: "Papan informasi layanan kelurahan berbasis QR",
    chair: CHAIR_BINJAI,
    decide: async (board) => {
      await decide(board, "shortlist", "Posyandu digital pemantauan gizi balita", "shortlisted");
      await decide(board, "approve", "Tanda tangan elektronik untuk izin usaha mikro", "approved");
    },
  },
  {
    lang: "en",
    viewport: "desktop",
    reviewer: CHAIR_PANGKALPINANG,
    ideaToScore: "Dasbor stok obat puskesmas",
    chair: CHAIR_LHOKSEUMAWE,
    decide: async ({ page, t }) => {
      const title = "Sertifikat elektronik untuk surat dinas antar OPD";
      // a chair of a related unit cannot review it: the server's reason is shown in the board
      const select = page.getByLabel(t("committee.addReviewer"), { exact: true });
      await select.selectOption({ label: `${CHAIR_LHOKSEUMAWE.name} — ${t("committee.role.chair")}` });
      await page.getByRole("button", { name: t("committee.assign"), exact: true }).click();
      await page.getByText(t("code.assignment.conflict_of_interest"), { exact: true }).waitFor();

      await page
        .getByRole("button", { name: t("ranking.decideLabel", { action: t("ideaAction.reject"), title }), exact: true })
        .click();
      const dialog = page.getByRole("dialog", { name: t("ranking.rejectTitle", { title }) });
      await dialog.getByRole("button", { name: t("ideaAction.reject"), exact: true }).click();
      expect(await descriptionOf(page, "ranking-reject-reason")).toContain(t("ideaDialog.reasonRequired"));
      await dialog
        .getByLabel(t("idea.reason"), { exact: true })
        .fill("Sudah tercakup oleh aplikasi Srikandi yang dipakai semua OPD.");
      await dialog.getByRole("button", { name: t("ideaAction.reject"), exact: true }).click();
      await dialog.waitFor({ state: "detached" });
      await page
        .getByRole("status")
        .filter({ hasText: t("ranking.decided", { title, status: t("ideaStatus.rejected") }) })
        .waitFor();
      // decided: no more decisions offered for it
      expect(
        await page
          .getByRole("button", {
            name: t("ranking.decideLabel", { action: t("ideaAction.approve"), title }),
            exact: true,
          })
          .count(),
      ).toBe(0);
    },
  },
];

async function signInTo(page: Page, lang: Lang, persona: Persona, next: string): Promise<void> {
  await signInThroughForm(page, lang, { identifier: persona.nip, password: DEMO_PASSWORD }, next);
  await expectPath(page, next);
}

/** Scores rotating through 3..5 (not all equal, so a criterion's weight matters). */
const SCORES = Object.fromEntries(DEFAULT_RUBRIC.map((c, i) => [c.key, 3 + (i % 3)]));

describe.each(VARIANTS)("reviews ($lang, $viewport)", ({ lang, viewport, reviewer, ideaToScore, chair, decide }) => {
  const t = textIn(lang);
  const number = (value: number) => new Intl.NumberFormat(lang === "en" ? "en-GB" : "id-ID").format(value);

  it("lets a reviewer score the idea waiting in their queue and submit it after confirming", async () => {
    const page = await pages.open(viewport);
    await signInTo(page, lang, reviewer, "/ide");
    await (await mainNavLink(page, t("a11y.mainNav"), t("nav.menu"), t("nav.reviews"))).click();
    await expectPath(page, "/penilaian");
    await page.getByRole("heading", { level: 1, name: t("reviews.title") }).waitFor();

    const queue = ReviewQueueAnswer.parse(await (await page.request.get("/api/v1/reviews/mine")).json());
    await page
      .getByText(t("reviews.progress", { submitted: queue.counts.submitted, assigned: queue.counts.assigned }))
      .waitFor();
    const toDo = page.getByRole("region", { name: t("reviews.openTitle"), exact: true });
    await toDo.getByRole("link", { name: ideaToScore, exact: true }).waitFor();
    await expectNoAxeViolations(page);
    await toDo.getByRole("link", { name: ideaToScore, exact: true }).click();

    await page.getByRole("heading", { level: 1, name: ideaToScore }).waitFor();
    await expectTitle(page, `${t("review.pageTitle", { title: ideaToScore })} · Gagas`);

    // an empty review is never sent: "Kirim" names every criterion and the recommendation, no dialog
    await page.getByRole("button", { name: t("review.submit"), exact: true }).click();
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    const confirm = page.getByRole("dialog", { name: t("review.confirmTitle") });
    expect(await confirm.count()).toBe(0);
    // the seed may have left some criteria scored in the draft: those are not named
    let unscored = 0;
    for (const criterion of DEFAULT_RUBRIC) {
      const group = page.getByRole("group", {
        name: new RegExp(`^${lang === "en" ? criterion.labelEn : criterion.labelId}`),
      });
      if ((await group.getByRole("radio", { checked: true }).count()) === 0) unscored += 1;
    }
    expect(await summary.locator("li").count()).toBe(unscored + 1);
    expect(await summary.innerText()).toContain(`${t("review.recommendation")}: ${t("review.recommendationMissing")}`);
    expect(await page.locator("#review-recommendation").getAttribute("aria-describedby")).toContain(
      "review-recommendation-error",
    );

    for (const criterion of DEFAULT_RUBRIC) {
      const label = lang === "en" ? criterion.labelEn : criterion.labelId;
      const group = page.getByRole("group", { name: new RegExp(`^${label}`) });
      // the rubric's description is part of the group's description
      expect(await group.getAttribute("aria-describedby")).toContain(`score-${criterion.key}-description`);
      await group.getByText(lang === "en" ? criterion.descriptionEn : criterion.descriptionId).waitFor();
      await group.getByRole("radio", { name: String(SCORES[criterion.key]), exact: true }).check();
      // each message goes as its field is fixed
      expect(await group.getByText(t("review.scoreMissing")).count()).toBe(0);
    }
    expect(await summary.locator("li").count()).toBe(1);
    const expected = reviewScore(DEFAULT_RUBRIC, SCORES)!;
    await page
      .locator(".score-preview-value")
      .filter({ hasText: number(expected) })
      .waitFor();
    await page.getByText(t("review.previewComplete")).waitFor();

    // saved by itself, without pressing anything; a reload brings the scores back from the server
    const savedLine = page
      .getByRole("status")
      .filter({ hasText: new RegExp(`${t("review.savedAt", { time: "" }).trim()} \\d{2}[.:]\\d{2}`) });
    await savedLine.waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: ideaToScore }).waitFor();
    await page.getByText(t("review.previewComplete")).waitFor();
    await expectNoAxeViolations(page);

    // offline, the note is kept on this device and sent when the connection returns
    await page.context().setOffline(true);
    await page
      .getByLabel(new RegExp(`^${t("review.note")}`))
      .fill("Layak dinominasikan; mohon data sebelum dan sesudah uji coba.");
    await page
      .getByRole("status")
      .filter({ hasText: t("review.keptOffline") })
      .waitFor();
    await page.context().setOffline(false);
    await page
      .getByRole("status")
      .filter({ hasText: t("review.savedAfterOffline", { time: "10.00" }).split(". ")[1]! })
      .waitFor();
    const stored = AssignmentAnswer.parse(
      await (await page.request.get(page.url().replace(/.*\/penilaian\//, "/api/v1/assignments/"))).json(),
    );
    expect(stored.review?.note).toBe("Layak dinominasikan; mohon data sebelum dan sesudah uji coba.");

    await page.getByRole("radio", { name: t("recommendation.shortlist"), exact: true }).check();
    await summary.waitFor({ state: "detached" });
    await page.getByRole("button", { name: t("review.submit"), exact: true }).click();
    await confirm.getByText(t("review.confirmScore", { score: number(expected), scored: 6, total: 6 })).waitFor();
    await confirm.getByRole("button", { name: t("review.confirmSubmit"), exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: t("review.submittedNotice") })
      .waitFor();
    const result = page.getByRole("region", { name: t("review.summaryTitle") });
    expect(await result.getByRole("row", { name: new RegExp(`^${t("review.total")}`) }).innerText()).toContain(
      t("review.scoreOf", { score: number(expected), max: 100 }),
    );
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: t("review.backToQueue"), exact: true }).click();
    const done = page.getByRole("region", { name: t("reviews.submittedTitle"), exact: true });
    await done.getByRole("link", { name: ideaToScore, exact: true }).waitFor();
  });

  it("shows a chair the committee's progress and the ranking, and takes their decisions", async () => {
    const page = await pages.open(viewport);
    await signInTo(page, lang, chair, "/kampanye");
    await page.getByRole("link", { name: KIPP, exact: true }).click();
    await page.getByRole("link", { name: t("committee.link"), exact: true }).click();
    const members = page.getByRole("region", { name: t("committee.membersTitle"), exact: true });
    await members.waitFor();
    await page.getByRole("heading", { level: 1, name: KIPP }).waitFor();
    await expectTitle(page, `${t("committee.pageTitle", { title: KIPP })} · Gagas`);
    expect(await members.innerText()).toContain(chair.name);
    expect(await members.innerText()).toContain(t("committee.role.chair"));

    const campaignId = new URL(page.url()).pathname.split("/")[2];
    const raw = RankingAnswer.parse(await (await page.request.get(`/api/v1/campaigns/${campaignId}/ranking`)).json());
    const table = page.getByRole("table", { name: t("ranking.caption", { kind: t("ranking.raw") }) });
    await table.waitFor();
    const rows = table.getByRole("row");
    expect(await rows.count()).toBe(raw.items.length + 1);
    const first = raw.items[0]!;
    const firstRow = await rows.nth(1).innerText();
    expect(firstRow).toContain(first.idea.title);
    expect(firstRow).toContain(t("ranking.reviewsOf", first.reviews));
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: t("ranking.normalised"), exact: true }).click();
    const normalisedTable = page.getByRole("table", { name: t("ranking.caption", { kind: t("ranking.normalised") }) });
    await normalisedTable.waitFor();
    expect(
      await page.getByRole("button", { name: t("ranking.normalised"), exact: true }).getAttribute("aria-pressed"),
    ).toBe("true");
    const normalised = RankingAnswer.parse(
      await (await page.request.get(`/api/v1/campaigns/${campaignId}/ranking?normalised=true`)).json(),
    );
    expect(await normalisedTable.getByRole("row").nth(1).innerText()).toContain(normalised.items[0]!.idea.title);
    const rankingLink = (name: string) => page.getByRole("link", { name, exact: true }).getAttribute("href");
    expect(await rankingLink(t("ranking.downloadRanking"))).toBe(
      `/api/v1/campaigns/${campaignId}/ranking.csv?normalised=true`,
    );
    // and for Excel set to Indonesian: semicolons and decimal commas
    expect(await rankingLink(t("csv.excelId", { label: t("ranking.downloadRanking") }))).toBe(
      `/api/v1/campaigns/${campaignId}/ranking.csv?normalised=true&separator=semicolon`,
    );

    await decide({ page, t });
    await expectNoAxeViolations(page);
  });
});

describe("opening review", () => {
  it("names a due date in the past on its field, then reports what was started", async () => {
    const t = textIn("id");
    const page = await pages.open("desktop");
    await signInTo(page, "id", CHAIR_LHOKSEUMAWE, "/kampanye");
    await page.getByRole("link", { name: KIPP, exact: true }).click();
    await page.getByRole("link", { name: t("committee.link"), exact: true }).click();
    const form = page.getByRole("region", { name: t("committee.startTitle"), exact: true });
    await form.getByRole("radio", { name: t("committee.mode.top"), exact: true }).check();
    await form.getByLabel(t("committee.k"), { exact: true }).fill("3");
    await form.getByLabel(t("committee.dueAt"), { exact: true }).fill("2020-01-06T08:00");
    await form.getByRole("button", { name: t("committee.start"), exact: true }).click();
    await form.locator(".error-summary").waitFor();
    expect(await descriptionOf(page, "start-due")).toContain(t("code.review.due_in_past"));

    await form.getByLabel(t("committee.dueAt"), { exact: true }).fill("2030-01-06T08:00");
    await form.getByRole("button", { name: t("committee.start"), exact: true }).click();
    // every idea of this competition already went through review: nothing new starts
    await form.getByText(t("committee.startedCount", { count: 0, date: "" }).split(",")[0]!).waitFor();
    await expectNoAxeViolations(page);
  });
});
