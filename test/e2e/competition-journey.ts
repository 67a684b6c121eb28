/**
 * Steps of the competition journey (test/e2e/competition.test.ts) that read better by name: the
 * team's innovation profile with one piece of evidence, the guest's invitation from the mail
 * sink, and a photo a phone camera could have taken.
 */
import type { Page } from "playwright-core";
import { inject } from "vitest";
import type { textIn } from "./i18n.ts";
import { runScheduler } from "./scheduler.ts";
import { caughtMails } from "./answers.ts";

type T = ReturnType<typeof textIn>;

/** The team fills the idea's innovation profile (one indicator) and adds a link as its evidence. */
export async function fillProfileWithEvidence(page: Page, t: T, indicator: string): Promise<void> {
  const section = page.getByRole("region", { name: t("innov.title"), exact: true });
  await section.getByRole("button", { name: t("innov.fill"), exact: true }).click();
  const form = section.getByRole("form", { name: t("innov.fill") });
  await form.getByLabel(t("innov.stage"), { exact: true }).selectOption("penerapan");
  await form.getByLabel(new RegExp(`^${t("innov.trialDate")}`)).fill("2022-01-10");
  await form.getByLabel(new RegExp(`^${t("innov.implementationDate")}`)).fill("2022-03-01");
  await form.getByLabel(t("innov.type"), { exact: true }).selectOption("digital");
  await form.getByLabel(t("innov.form"), { exact: true }).selectOption("pelayanan_publik");
  await form.getByLabel(t("innov.urusan"), { exact: true }).selectOption("kesehatan");
  await form.getByLabel(t("sdg.3"), { exact: true }).check();
  await form.getByLabel(t("innov.objectives"), { exact: true }).fill("Memangkas waktu tunggu pasien Puskesmas.");
  await form.getByLabel(t("innov.targetGroups"), { exact: true }).fill("Pasien rawat jalan");
  await form.getByRole("button", { name: t("innov.addIndicator"), exact: true }).click();
  await form.getByLabel(t("innov.indicatorName"), { exact: true }).fill(indicator);
  await form.getByLabel(t("innov.indicatorUnit"), { exact: true }).fill("menit");
  await form.getByLabel(t("innov.before"), { exact: true }).fill("180");
  await form.getByLabel(t("innov.after"), { exact: true }).fill("25");
  await form.getByRole("button", { name: t("innov.save"), exact: true }).click();
  await section.getByText(t("innov.saved")).waitFor();

  const add = section.getByRole("form", { name: t("innov.addEvidence") });
  await add.getByLabel(t("innov.evidenceKind"), { exact: true }).selectOption("liputan_media");
  await add.getByLabel(t("innov.evidenceTitle"), { exact: true }).fill("Berita antrean daring Puskesmas");
  await add.getByLabel(t("innov.evidenceIndicator"), { exact: true }).selectOption({ label: indicator });
  await add.getByLabel(t("innov.evidenceUrl"), { exact: true }).fill("https://berita.example.id/puskesmas");
  await add.getByRole("button", { name: t("innov.addEvidence"), exact: true }).click();
  await section.getByRole("link", { name: "Berita antrean daring Puskesmas" }).waitFor();
}

/** The activation link of the external reviewer's invitation, once the scheduler has sent it. */
export async function invitation(to: string): Promise<string> {
  const sink = inject("mailSinkUrl");
  for (let i = 0; i < 30; i++) {
    const all = await caughtMails(sink);
    const found = all.find((m) => m.envelopeTo.includes(to) && m.subject.startsWith("Undangan penilai eksternal"));
    if (found) return /https?:\/\/\S+\/aktivasi\?token=\S+/.exec(found.text)![0];
    await runScheduler(inject("baseUrl"));
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`no invitation to ${to}`);
}

/**
 * A 640×480 picture of a service counter, drawn by the browser itself (this machine has no
 * camera and no internet): what the reviewer's phone would send.
 */
export async function counterPhoto(page: Page): Promise<Buffer> {
  const html = `<body style="margin:0">
    <div style="width:640px;height:480px;display:grid;place-items:center;font:700 44px sans-serif;color:#fff;
      background:linear-gradient(160deg,#7a8f99 0 38%,#c9b79c 38% 100%)">
      <div style="background:#0b4f5c;padding:28px 40px;border-radius:10px;border:8px solid #f2b544;text-align:center">
        LOKET 1<br><span style="font-size:30px">ANTREAN DARING</span></div>
    </div></body>`;
  // a desktop context of its own: a phone's would lay the picture out 980 px wide
  const context = await page
    .context()
    .browser()!
    .newContext({ viewport: { width: 640, height: 480 } });
  const shot = await context.newPage();
  await shot.setContent(html);
  const png = await shot.screenshot({ type: "png" });
  await context.close();
  return png;
}
