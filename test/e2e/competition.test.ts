/**
 * Issue 20 in one journey, in the browser: an approved idea's team fills its innovation profile and
 * evidence; the admin invites an external reviewer, lays out KIPP's three rounds plus a field
 * verification with a gate, enters two innovations (one attempt is refused with the gate's reason
 * first), and opens each round in turn. The external reviewer accepts the e-mailed invitation,
 * declares no conflict and scores blind; an internal reviewer scores through the API. In the field
 * verification the external reviewer attaches a photo from the phone to a checklist item. The
 * final ranking combines substance (70 %) and presentation (30 %), and the dossier PDF shows the
 * profile, the rounds' outcome and the field photo in its evidence index. Phone (360 px), Bahasa Indonesia.
 *
 *   E2E_SCREENSHOTS=1 also writes the screenshots into docs/screenshots/.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { request, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, PageFactory } from "./browser.ts";
import { insertCompetitionCampaign } from "./competition-fixture.ts";
import { counterPhoto, fillProfileWithEvidence, invitation } from "./competition-journey.ts";
import { queryD1 } from "./d1.ts";
import { ROOT } from "./dev-server.ts";
import { textIn } from "./i18n.ts";
import { signInThroughForm } from "./journey.ts";
import { DEMO_PASSWORD, LILY_ADMIN } from "./personas.ts";
import { MySheetsAnswer, SheetAnswer } from "./answers.ts";

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

/** A screenshot for docs/screenshots/ (only when asked): of `part`, or of the whole page. */
async function shoot(page: Page, name: string, part?: Locator) {
  if (!process.env.E2E_SCREENSHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  if (part) await part.screenshot({ path: path.join(SHOTS, name) });
  else await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
}

/** What both reviewers give per round, item by item in the round's order, for A and for B. */
const SCORES: Record<number, [number[], number[]]> = {
  // screening: every item passes
  1: [
    [1, 1, 1],
    [1, 1, 1],
  ],
  // substance: A all 5 = 100; B 5,5,5,4,4 = 20+20+20+16+16 = 92 (both reach 85)
  2: [
    [5, 5, 5, 5, 5],
    [5, 5, 5, 4, 4],
  ],
  // presentation (scale 10): A 8,8 = 80; B 10,9 = 95
  3: [
    [8, 8],
    [10, 9],
  ],
  // field verification: every item passes
  4: [
    [1, 1],
    [1, 1],
  ],
};

/** The field verification: a checklist the external reviewer alone walks through, weighing 0 %. */
const FIELD_ITEMS = ["Loket antrean daring berjalan", "Papan informasi terpasang"];

describe("an innovation from its profile through a competition's rounds to its dossier", () => {
  it(
    "fills the profile, runs the rounds with an external reviewer's blind scores and field photo, and downloads the dossier",
    { timeout: 300_000 },
    async () => {
      const tag = `J${Date.now() % 100000}`;
      const cast = await insertCompetitionCampaign(inject("persistTo"), LILY_ADMIN.nip, tag);
      const [titleA, titleB] = cast.ideas;
      const indicator = "Waktu tunggu pasien";

      // the team grows the approved idea into an innovation profile with its evidence
      const team = await pages.open("phone");
      await signInThroughForm(
        team,
        "id",
        { identifier: cast.author.nip, password: DEMO_PASSWORD },
        `/ide/${cast.firstIdeaId}`,
      );
      await team.getByRole("heading", { level: 1, name: titleA }).waitFor();
      await fillProfileWithEvidence(team, t, indicator);

      const guestEmail = `rina.${tag.toLowerCase()}@usu.ac.id`;
      const guestName = `Dr. Rina Siregar ${tag}`;
      const admin = await pages.open("phone");
      const path = `/admin/kampanye/${cast.campaignId}/babak`;
      await signInThroughForm(admin, "id", { identifier: LILY_ADMIN.nip, password: DEMO_PASSWORD }, path);
      await admin.getByRole("heading", { level: 1, name: t("competitions.title") }).waitFor();

      // the external reviewer is invited
      await admin.getByLabel(t("guests.name"), { exact: true }).fill(guestName);
      await admin.getByLabel(t("guests.email"), { exact: true }).fill(guestEmail);
      await admin.getByLabel(t("guests.institution"), { exact: true }).fill("Universitas Sumatera Utara");
      await admin.getByLabel(t("guests.expertise"), { exact: true }).fill("Kebijakan publik");
      await admin.getByRole("button", { name: t("guests.invite") }).click();
      await admin.getByText(t("guests.invited", { email: guestEmail })).waitFor();

      // KIPP's three rounds, both reviewers on every panel, KIPP's gates; then a field verification
      // (a checklist weighing 0 %) walked by the external reviewer alone
      await admin.getByRole("button", { name: t("competitions.useKipp") }).click();
      for (const n of [1, 2, 3]) {
        const round = admin.getByRole("group", { name: t("competitions.roundHeading", { n }) });
        await round.getByRole("checkbox", { name: cast.reviewer.name }).check();
        await round.getByRole("checkbox", { name: new RegExp(guestName) }).check();
      }
      await admin.getByRole("button", { name: t("competitions.addRound") }).click();
      const field = admin.getByRole("group", { name: t("competitions.roundHeading", { n: 4 }) });
      await field.getByLabel(t("competitions.roundName"), { exact: true }).fill("Verifikasi lapangan");
      await field.getByLabel(t("competitions.kind"), { exact: true }).selectOption("checklist");
      await field.getByLabel(t("competitions.weight"), { exact: true }).fill("0");
      await field.getByLabel(t("competitions.items"), { exact: true }).fill(FIELD_ITEMS.join("\n"));
      await field.getByRole("checkbox", { name: new RegExp(guestName) }).check();
      await admin.getByRole("button", { name: t("competitions.save") }).click();
      await admin.getByRole("heading", { name: t("competitions.entriesTitle") }).waitFor();
      await shoot(
        admin,
        "competition-layout-phone.png",
        admin.getByRole("group", { name: t("competitions.roundHeading", { n: 2 }) }),
      );

      // a one-year-old innovation fails the two-year gate, and is told why before anything is written
      const enterIdea = async (title: string, since: string) => {
        await admin.getByLabel(t("competitions.idea"), { exact: true }).selectOption({ label: title });
        await admin.getByLabel(t("competitions.operatingSince"), { exact: true }).fill(since);
      };
      const lastYear = new Date(Date.now() - 400 * 86_400_000).toISOString().slice(0, 10);
      await enterIdea(titleA, lastYear);
      await admin.getByRole("button", { name: t("competitions.check") }).click();
      await admin.getByText(t("competitions.notEligible")).waitFor();
      await admin.getByText(/harus sudah berjalan minimal 2 tahun/).waitFor();
      await shoot(admin, "competition-gate-phone.png", admin.locator("section[aria-labelledby=entries-title]"));
      const entries = admin.locator("section[aria-labelledby=entries-title]");
      for (const title of [titleA, titleB]) {
        await enterIdea(title, "2022-03-01");
        await admin.getByRole("button", { name: t("competitions.enter"), exact: true }).click();
        // the entry shows in the list below the form; if not, say what the form said instead
        await entries
          .getByText(new RegExp(`${title} · `))
          .waitFor({ timeout: 15_000 })
          .catch(async () => {
            throw new Error(`not entered: ${title}\n${await entries.innerText()}`);
          });
      }

      // the guest accepts the invitation and lands on their assignments
      const guest = await pages.open("phone");
      await guest.goto(await invitation(guestEmail));
      await guest.getByLabel(t("password.new"), { exact: true }).fill("Penilai-Kampus-USU-25");
      await guest.getByLabel(t("password.confirm"), { exact: true }).fill("Penilai-Kampus-USU-25");
      await guest.getByRole("button", { name: t("activate.submit") }).click();
      await guest.waitForURL((url) => url.pathname === "/penilaian-babak");

      // the internal reviewer scores through the API
      const baseURL = inject("baseUrl");
      const internal = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
      expect(
        (
          await internal.post("/api/v1/auth/login", {
            data: { identifier: cast.reviewer.nip, password: DEMO_PASSWORD },
          })
        ).status(),
      ).toBe(200);

      const adminRound = (n: number) =>
        admin.locator(".agency-card").filter({ hasText: t("competitions.roundHeading", { n }) });
      const photo = await counterPhoto(admin);
      for (const n of [1, 2, 3, 4]) {
        await admin.reload();
        await adminRound(n)
          .getByRole("button", { name: t("competitions.open") })
          .click();
        await adminRound(n).getByText(t("competitions.roundState.open")).waitFor();

        const mine = MySheetsAnswer.parse(await (await internal.get("/api/v1/round-assignments")).json());
        for (const sheet of mine.items.filter((s) => s.state === "draft")) {
          const values = SCORES[n]![sheet.title === titleA ? 0 : 1];
          const detail = SheetAnswer.parse(await (await internal.get(`/api/v1/round-assignments/${sheet.id}`)).json());
          const scores = Object.fromEntries(detail.round.items.map((item, i) => [item.key, values[i]!]));
          await internal.put(`/api/v1/round-assignments/${sheet.id}/conflict`, { data: { conflict: false } });
          const saved = await internal.put(`/api/v1/round-assignments/${sheet.id}`, { data: { scores, submit: true } });
          expect(saved.status(), await saved.text()).toBe(200);
        }

        for (const title of [titleA, titleB]) {
          await guest.goto("/penilaian-babak");
          await guest.getByRole("link", { name: title }).first().waitFor();
          const card = guest
            .locator(".assignment-card")
            .filter({ hasText: title })
            .filter({ hasText: t("roundReviews.state.todo") });
          await card.getByRole("link", { name: title }).click();
          await guest.getByRole("heading", { name: t("roundReview.conflictTitle") }).waitFor();
          // blind: neither the proposer's name nor their unit
          expect(await guest.locator("main").innerText()).not.toContain(`Pengusul Berjenjang ${tag}`);
          if (n === 1 && title === titleA) {
            await shoot(guest, "competition-conflict-phone.png");
            await expectNoAxeViolations(guest);
          }
          await guest.getByLabel(t("roundReview.noConflict")).check();
          await guest.getByRole("button", { name: t("roundReview.declare") }).click();
          await guest.getByRole("heading", { name: t("roundReview.scoreTitle") }).waitFor();
          const values = SCORES[n]![title === titleA ? 0 : 1];
          if (n === 4 && title === titleA) {
            // the field verification: a photo of the counter, from the phone's camera, on the first item
            const item = FIELD_ITEMS[0]!;
            const camera = guest.getByLabel(t("roundReview.photoAddFor", { item }), { exact: true });
            expect(await camera.getAttribute("capture")).toBe("environment");
            await camera.setInputFiles({ name: "IMG_0412.png", mimeType: "image/png", buffer: photo });
            await guest.getByText(t("roundReview.photoAdded", { item })).waitFor();
            const thumbnail = guest.getByRole("img", { name: t("roundReview.photoAlt", { n: 1, item }) });
            await thumbnail.waitFor();
            await guest.waitForFunction(
              (alt) => [...document.images].some((i) => i.alt === alt && i.complete && i.naturalWidth > 0),
              t("roundReview.photoAlt", { n: 1, item }),
            );
            // a photo on the wrong item is taken back before the sheet is sent
            const other = FIELD_ITEMS[1]!;
            await guest
              .getByLabel(t("roundReview.photoAddFor", { item: other }), { exact: true })
              .setInputFiles({ name: "IMG_0413.png", mimeType: "image/png", buffer: photo });
            await guest.getByText(t("roundReview.photoAdded", { item: other })).waitFor();
            await guest.getByRole("button", { name: t("roundReview.photoRemove", { n: 1, item: other }) }).click();
            await guest.getByText(t("roundReview.photoRemoved")).waitFor();
            await guest.getByRole("img", { name: t("roundReview.photoAlt", { n: 1, item: other }) }).waitFor({
              state: "detached",
            });
          }
          if (n === 1 || n === 4) {
            for (const box of await guest.locator("form input[type=checkbox]").all()) await box.check();
            if (n === 4 && title === titleA) {
              await shoot(
                guest,
                "competition-field-photo-phone.png",
                guest.locator("form[aria-labelledby=score-title]"),
              );
              await expectNoAxeViolations(guest);
            }
          } else {
            const selects = await guest.locator("form select").all();
            for (const [i, select] of selects.entries()) await select.selectOption(String(values[i]));
          }
          if (n === 2 && title === titleB)
            await shoot(guest, "competition-score-phone.png", guest.locator("form[aria-labelledby=score-title]"));
          await guest.getByRole("button", { name: t("roundReview.submit") }).click();
          await guest.getByText(t("roundReview.submitted")).waitFor();
        }

        await admin.reload();
        await adminRound(n)
          .getByRole("button", { name: t("competitions.close") })
          .click();
        await adminRound(n).getByText(t("competitions.roundState.closed")).waitFor();
      }
      await internal.dispose();

      // the admin sees the field photo with the round's results
      const fieldPhoto = adminRound(4).getByRole("img", {
        name: t("competitions.photoAlt", {
          n: 1,
          caption: t("competitions.photoOf", { entry: titleA, item: FIELD_ITEMS[0]! }),
        }),
      });
      await fieldPhoto.waitFor();
      await shoot(admin, "competition-field-results-phone.png", adminRound(4));

      // the final ranking: A = 0.7 × 100 + 0.3 × 80 = 94; B = 0.7 × 92 + 0.3 × 95 = 64.4 + 28.5 = 92.9
      const final = admin.getByRole("table", { name: t("competitions.finalTitle") });
      await final.waitFor();
      const rows = await final.locator("tbody tr").allInnerTexts();
      expect(rows[0]).toContain(titleA);
      expect(rows[0]).toContain("94");
      expect(rows[1]).toContain(titleB);
      expect(rows[1]).toContain("92,9");
      await shoot(admin, "competition-final-phone.png", admin.locator("section[aria-labelledby=final-title]"));
      await expectNoAxeViolations(admin);

      await guest.goto("/penilaian-babak");
      await guest.getByText(t("roundReviews.state.submitted")).first().waitFor();
      await shoot(guest, "competition-guest-list-phone.png");
      // the guest reaches nothing else of the agency
      const other = await guest.evaluate(async () => (await fetch("/api/v1/ideas")).status);
      expect(other).toBe(403);

      // 12 sheets of the three KIPP rounds (two reviewers, two entries) and the guest's two field checklists
      const [row] = await queryD1<{ n: number }>(
        inject("persistTo"),
        `SELECT count(*) AS n FROM round_assignments WHERE conflict = 'none' AND state = 'submitted' AND round_id IN (SELECT id FROM competition_rounds WHERE campaign_id = ${cast.campaignId});`,
      );
      expect(row!.n).toBe(14);

      // the dossier, one tap from the idea page: the profile, the rounds' outcome, the field photo
      await team.goto(`/ide/${cast.firstIdeaId}`);
      const [pdf] = await Promise.all([
        team.waitForEvent("download"),
        team.getByRole("link", { name: t("innov.dossierPdf"), exact: true }).click(),
      ]);
      const text = execFileSync("pdftotext", ["-raw", (await pdf.path())!, "-"], { encoding: "utf8" });
      for (const expected of [
        titleA,
        "Penerapan",
        "Kesehatan",
        `Sebelum: 180 menit -> Sesudah: 25 menit`,
        "[Liputan media] Berita antrean daring Puskesmas",
        `Kompetisi: Kompetisi Inovasi Berjenjang ${tag}`,
        "Babak 2 - Evaluasi proposal (bobot 70%): Lolos, nilai 100, peringkat 1",
        "Babak 3 - Presentasi dan wawancara (bobot 30%): Lolos, nilai 80",
        "Nilai akhir gabungan: 94 - peringkat 1 dari 2 peserta",
        `2. [Foto verifikasi lapangan] ${FIELD_ITEMS[0]}`,
        "Babak: Verifikasi lapangan",
        "Berkas: bukti/02-IMG_0412.png",
      ]) {
        expect(text, expected).toContain(expected);
      }
    },
  );
});
