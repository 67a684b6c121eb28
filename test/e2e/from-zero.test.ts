/**
 * From zero: a database with nothing but the migrations and the bootstrap command (no demo seed),
 * served by a `wrangler dev` of its own, and everything after that in the browser, in Bahasa
 * Indonesia. The platform admin the bootstrap made registers an agency; its admin sets the
 * emblem and the units, imports the people from CSV, gives them temporary passwords and opens a
 * competition; ASN sign in, submit an idea, support it and discuss it; the admin closes voting;
 * the chair starts the review, two reviewers score, the chair decides; the leader announces an
 * award, downloads the certificate; once the admin opens the Hall of Fame to the public, a visitor
 * finds the award there and verifies the certificate. Desk work on a desktop, the ASN and a
 * reviewer on a phone.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { DEFAULT_RUBRIC } from "../../src/domain/rubric.ts";
import { wrangler } from "../../scripts/wrangler.ts";
import { launchBrowser, PageFactory, type ViewportName } from "./browser.ts";
import { ROOT, startDevServer, type DevServer } from "./dev-server.ts";
import { drawEmblem } from "./emblem.ts";
import { textIn } from "./i18n.ts";
import { expectPath, signInThroughForm } from "./journey.ts";
import { z } from "@hono/zod-openapi";

const run = promisify(execFile);
const t = textIn("id");

/** The deployment's first agency and platform admin, as README's "first agency" steps make them. */
const HOME_AGENCY = { slug: "diskominfo-sumut", name: "Dinas Komunikasi dan Informatika Provinsi Sumatera Utara" };
const PLATFORM_ADMIN = { nip: "197901102005011001", name: "Rudi Hartono Simanjuntak", email: "rudi@sumutprov.go.id" };
const BOOTSTRAP_PASSWORD = "Danau-Toba-Pertama-2026";

/** The agency the platform admin registers in the browser. */
const AGENCY = { slug: "tebingtinggi", name: "Pemerintah Kota Tebing Tinggi", region: "Sumatera Utara" };
const AGENCY_ADMIN = { nip: "198604172011012002", name: "Maya Sari Damanik", email: "maya@tebingtinggikota.go.id" };
const UNITS = [
  { code: "DISDUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil" },
  { code: "DINKES", name: "Dinas Kesehatan" },
];
/** A unit added, then deactivated: it was merged into another. */
const MERGED_UNIT = { code: "BAGUM", name: "Bagian Umum" };

type Person = { nip: string; name: string; email: string; unit: string; position: string; roles: string };
const person = (nip: string, name: string, unit: string, position: string, roles: string): Person => ({
  nip,
  name,
  email: `${name.split(" ")[0]!.toLowerCase()}.${nip.slice(-3)}@tebingtinggikota.go.id`,
  unit,
  position,
  roles,
});
/** Who the admin imports from CSV. */
const AUTHOR = person("199202142016031003", "Fajar Ramadhan Purba", "DISDUKCAPIL", "Pengelola Layanan", "asn");
const VOTER = person("199405222018012004", "Lestari Ningsih Saragih", "DINKES", "Perawat Terampil", "asn");
const CHAIR = person(
  "197812052003121005",
  "Hendra Gunawan Sitepu",
  "SETDA",
  "Kepala Bagian Organisasi",
  "asn|reviewer",
);
const REVIEWER_1 = person("198307182008012006", "Rina Wati Hutapea", "DINKES", "Analis Kebijakan", "asn|reviewer");
const REVIEWER_2 = person("198511302010011007", "Bambang Sutrisno Manurung", "SETDA", "Perencana Ahli", "asn|reviewer");
const LEADER = person("197003151995031008", "Syahrial Lubis", "SETDA", "Sekretaris Daerah", "asn|leader");
/** Imported from CSV; the leader the admin adds by hand. */
const IMPORTED = [AUTHOR, VOTER, CHAIR, REVIEWER_1, REVIEWER_2];

/** Types a name into the campaign editor's committee search and presses the button offered for that person. */
async function appoint(page: Page, name: string, label: string) {
  await page.getByLabel(t("committeeEditor.searchLabel"), { exact: true }).fill(name);
  await page.getByRole("button", { name: label, exact: true }).click();
  await page
    .getByRole("list", { name: t("committeeEditor.membersLabel") })
    .getByText(name, { exact: true })
    .waitFor();
}

const CAMPAIGN = "Kompetisi Inovasi Pelayanan Publik Tebing Tinggi 2026";
const IDEA = "Perekaman KTP elektronik keliling ke kelurahan";
const AWARD = "Inovator Pelayanan Terbaik 2026";
const COMMENT = "Setuju. Jadwalnya bisa diumumkan lewat grup kelurahan seminggu sebelumnya.";
const COMMENT_EDITED = `${COMMENT} Sertakan juga nomor WhatsApp petugas.`;
const TEMPORARY_PASSWORD = /[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}/;

/** Everyone's password after their first sign-in (each sets their own, in the change form). */
const passwordOf = (nip: string) => `Kota-Lemang-${nip.slice(-4)}-2026`;

/** What the journey learns on the way: temporary passwords, the campaign, the idea, the certificate code. */
const temporary = new Map<string, string>();
const journey = { campaignId: 0, ideaId: 0, code: "" };

let runDir: string;
let server: DevServer | undefined;
let browser: Browser | undefined;
let pages: PageFactory;

beforeAll(async () => {
  runDir = mkdtempSync(path.join(tmpdir(), "gagas-from-zero-"));
  const persistTo = path.join(runDir, "state");
  await wrangler(["d1", "migrations", "apply", "gagas", "--local", "--persist-to", persistTo], { quiet: true });
  // README, "Deploying to Cloudflare": the first agency and its platform admin, nothing else
  await run(
    process.execPath,
    [
      // as `npm run bootstrap` runs it: the loader lets it import the drizzle schema
      ...["--import", "./scripts/lib/resolve-ts.mjs"],
      path.join(ROOT, "scripts", "bootstrap.ts"),
      ...["--persist-to", persistTo, "--slug", HOME_AGENCY.slug, "--agency", HOME_AGENCY.name],
      ...["--region", "Sumatera Utara", "--unit-code", "KOMINFO", "--unit", "Bidang Aplikasi Informatika"],
      ...["--nip", PLATFORM_ADMIN.nip, "--name", PLATFORM_ADMIN.name, "--email", PLATFORM_ADMIN.email],
    ],
    {
      cwd: ROOT,
      env: { ...process.env, GAGAS_BOOTSTRAP_PASSWORD: BOOTSTRAP_PASSWORD, WRANGLER_SEND_METRICS: "false", CI: "true" },
    },
  );
  server = await startDevServer({ persistTo, assets: inject("assets") });
  browser = await launchBrowser();
  pages = new PageFactory(browser, server.baseUrl);
}, 240_000);
afterEach(() => pages?.closeAll());
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (runDir) rmSync(runDir, { recursive: true, force: true });
}, 60_000);

/** Signs in with the temporary password, is sent to the change form first, sets their own and goes on to `next`. */
async function firstSignIn(viewport: ViewportName, nip: string, password: string, next: string): Promise<Page> {
  const page = await pages.open(viewport);
  await signInThroughForm(page, "id", { identifier: nip, password }, next);
  await expectPath(page, `/ganti-kata-sandi?next=${next}`);
  await page.getByRole("heading", { level: 1, name: t("password.mustChangeTitle") }).waitFor();
  await page.getByLabel(t("password.current"), { exact: true }).fill(password);
  await page.getByLabel(t("password.new"), { exact: true }).fill(passwordOf(nip));
  await page.getByLabel(t("password.confirm"), { exact: true }).fill(passwordOf(nip));
  await page.getByRole("button", { name: t("password.submit") }).click();
  await expectPath(page, next);
  return page;
}

/** Signs in with the password they set at their first sign-in. */
async function signIn(viewport: ViewportName, nip: string, next: string): Promise<Page> {
  const page = await pages.open(viewport);
  await signInThroughForm(page, "id", { identifier: nip, password: passwordOf(nip) }, next);
  await expectPath(page, next);
  return page;
}

/** `datetime-local` values in the browser's own time zone, `minutes` from now (to the minute). */
function localTimes(page: Page, minutes: Record<string, number>): Promise<Record<string, string>> {
  return page.evaluate((offsets) => {
    const pad = (n: number) => String(n).padStart(2, "0");
    const local = (d: Date) =>
      `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    return Object.fromEntries(
      Object.entries(offsets).map(([field, m]) => [field, local(new Date(Date.now() + m * 60_000))]),
    );
  }, minutes);
}

/** Clicks a download link and reads the file the browser saved. */
async function downloaded(page: Page, link: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return { name: file.suggestedFilename(), text: (await readFile(await file.path())).toString("utf8") };
}

const HOUR = 60;
const DAY = 24 * HOUR;

describe("Gagas from zero: bootstrap, then everything in the browser", () => {
  it("the platform admin the bootstrap made sets a password and registers the agency with its first admin", async () => {
    const page = await firstSignIn("desktop", PLATFORM_ADMIN.nip, BOOTSTRAP_PASSWORD, "/platform");
    await page.getByLabel(t("platform.name"), { exact: true }).fill(AGENCY.name);
    await page.getByLabel(t("platform.slug"), { exact: true }).fill(AGENCY.slug);
    await page.getByLabel(t("platform.region"), { exact: true }).fill(AGENCY.region);
    await page.getByRole("radio", { name: t("timeZone.Asia/Jakarta") }).check();
    await page.getByLabel(t("platform.unitCode"), { exact: true }).fill("SETDA");
    await page.getByLabel(t("platform.unitName"), { exact: true }).fill("Sekretariat Daerah");
    await page.getByLabel(t("platform.adminName"), { exact: true }).fill(AGENCY_ADMIN.name);
    await page.getByLabel(t("platform.adminNip"), { exact: true }).fill(AGENCY_ADMIN.nip);
    await page.getByLabel(t("platform.adminEmail"), { exact: true }).fill(AGENCY_ADMIN.email);
    await page.getByRole("button", { name: t("platform.submit"), exact: true }).click();
    const created = page.locator(".agency-created");
    await created.waitFor();
    const password = TEMPORARY_PASSWORD.exec(await created.innerText())?.[0];
    expect(password).toBeDefined();
    temporary.set(AGENCY_ADMIN.nip, password!);
    await page.locator(".agency-card", { hasText: AGENCY.name }).waitFor();
    await page.locator(".agency-card", { hasText: HOME_AGENCY.name }).waitFor();

    // each agency's complete backup is a download on its card (docs/OPERATIONS.md)
    const backup = await downloaded(page, page.getByRole("link", { name: t("platform.backupLabel", AGENCY) }));
    expect(backup.name).toMatch(new RegExp(`^gagas-${AGENCY.slug}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const document = z
      .object({
        agency: z.object({ slug: z.string() }),
        tables: z.object({ users: z.array(z.object({ nip: z.string() })) }),
      })
      .parse(JSON.parse(backup.text));
    expect(document.agency.slug).toBe(AGENCY.slug);
    expect(document.tables.users.map((u) => u.nip)).toEqual([AGENCY_ADMIN.nip]);
  });

  it("its admin sets the emblem, adds units, imports the people and gives each a temporary password", async () => {
    const page = await firstSignIn("desktop", AGENCY_ADMIN.nip, temporary.get(AGENCY_ADMIN.nip)!, "/admin/pengaturan");
    const file = page.getByLabel(t("agencySettings.emblemFile"), { exact: true });
    await file.setInputFiles({ name: "lambang.png", mimeType: "image/png", buffer: await drawEmblem(page, "TT") });
    await page.getByRole("button", { name: t("agencySettings.emblemUpload"), exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: t("agencySettings.emblemSaved") })
      .waitFor();
    await page.locator("header img.agency-emblem").waitFor();

    await page.goto("/admin/unit");
    for (const unit of [...UNITS, MERGED_UNIT]) {
      await page.getByLabel(t("units.code"), { exact: true }).fill(unit.code);
      await page.getByLabel(t("units.name"), { exact: true }).fill(unit.name);
      await page.getByRole("button", { name: t("units.add"), exact: true }).click();
      await page
        .getByRole("status")
        .filter({ hasText: t("units.saved", { name: unit.name }) })
        .waitFor();
    }
    await page.getByRole("button", { name: `${t("units.deactivate")} ${MERGED_UNIT.name}`, exact: true }).click();
    await page
      .locator(".unit-tree li", { hasText: MERGED_UNIT.name })
      .getByText(t("units.inactive"), { exact: true })
      .waitFor();

    await page.goto("/admin/impor");
    const csv = [
      "nip,name,email,unit_code,position,roles",
      ...IMPORTED.map((p) => [p.nip, p.name, p.email, p.unit, p.position, p.roles].join(",")),
    ].join("\n");
    await page
      .getByLabel(t("import.file"), { exact: true })
      .setInputFiles({ name: "asn-tebingtinggi.csv", mimeType: "text/csv", buffer: Buffer.from(`${csv}\n`) });
    await page.getByRole("button", { name: t("import.submit"), exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: t("import.done", { created: IMPORTED.length, updated: 0, unchanged: 0 }) })
      .waitFor();

    // no activation e-mail yet: the admin hands each person a temporary password
    await page.goto("/admin/pengguna");
    for (const p of IMPORTED) {
      await page.getByLabel(t("users.search")).fill(p.name);
      await page.locator(".user-row strong", { hasText: p.name }).waitFor();
      await page.getByRole("button", { name: t("users.resetLabel", { name: p.name }) }).click();
      const notice = page.getByRole("status").filter({ hasText: p.name });
      await notice.waitFor();
      const password = TEMPORARY_PASSWORD.exec(await notice.innerText());
      expect(password, p.name).not.toBeNull();
      temporary.set(p.nip, password![0]);
    }

    // the leader is added by hand, and the form shows the temporary password once
    await page.getByRole("button", { name: t("users.add"), exact: true }).click();
    const form = page.locator("form.admin-form");
    await form.getByLabel(t("users.nip"), { exact: true }).fill(LEADER.nip);
    await form.getByLabel(t("users.name"), { exact: true }).fill(LEADER.name);
    await form.getByLabel(t("users.email"), { exact: true }).fill(LEADER.email);
    await form.getByLabel(t("users.position"), { exact: true }).fill(LEADER.position);
    await form.getByLabel(t("users.unit"), { exact: true }).selectOption({ label: "Sekretariat Daerah" });
    await form.getByRole("checkbox", { name: t("role.leader"), exact: true }).check();
    await form.getByRole("button", { name: t("users.add"), exact: true }).click();
    const created = page.getByRole("status").filter({ hasText: LEADER.name });
    await created.waitFor();
    temporary.set(LEADER.nip, TEMPORARY_PASSWORD.exec(await created.innerText())![0]);

    // and a promotion corrected on the colleague's account
    await page.getByLabel(t("users.search")).fill(VOTER.name);
    const row = page.locator(".user-row", { hasText: VOTER.name });
    await row.getByRole("button", { name: `${t("users.edit")} ${VOTER.name}`, exact: true }).click();
    await row.getByLabel(t("users.position"), { exact: true }).fill("Perawat Ahli Pertama");
    await row.getByRole("button", { name: t("users.save"), exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: t("users.saved", { name: VOTER.name }) })
      .waitFor();
    await row.getByText("Perawat Ahli Pertama").waitFor();
    // only what was changed: she is still in her unit
    expect(await row.innerText()).toContain(UNITS[1]!.name);
  });

  it("the admin opens a competition: submission and voting from now, review next week", async () => {
    const page = await signIn("desktop", AGENCY_ADMIN.nip, "/kampanye");
    await page
      .getByRole("main")
      .getByRole("link", { name: t("campaigns.create"), exact: true })
      .click();
    await expectPath(page, "/admin/kampanye/baru");
    await page.getByLabel(t("editor.title"), { exact: true }).fill(CAMPAIGN);
    const dates = await localTimes(page, {
      submissionStart: -HOUR,
      submissionEnd: 7 * DAY,
      votingStart: -HOUR,
      votingEnd: 7 * DAY,
      reviewStart: 8 * DAY,
      reviewEnd: 20 * DAY,
      announcementAt: 25 * DAY,
    });
    for (const [field, value] of Object.entries(dates)) await page.locator(`#campaign-${field}`).fill(value);
    await page.getByLabel(t("editor.reviewersPerIdea"), { exact: true }).fill("2");
    await page.getByRole("button", { name: t("editor.create"), exact: true }).click();
    await page.waitForURL(/\/kampanye\/\d+$/, { timeout: 20_000 });
    await page.getByRole("heading", { level: 1, name: CAMPAIGN }).waitFor();
    journey.campaignId = Number(/\/kampanye\/(\d+)$/.exec(page.url())![1]);
  });

  it("an ASN submits an idea to it on a phone; a colleague supports it and comments", async () => {
    const author = await firstSignIn("phone", AUTHOR.nip, temporary.get(AUTHOR.nip)!, "/ide/baru");
    await author.getByLabel(t("ideaForm.campaign"), { exact: true }).selectOption({ label: CAMPAIGN });
    await author.getByLabel(t("ideaForm.ideaTitle"), { exact: true }).fill(IDEA);
    await author
      .getByLabel(t("ideaForm.problem"), { exact: true })
      .fill("Lansia dan warga berkebutuhan khusus sulit datang ke kantor Disdukcapil untuk perekaman KTP elektronik.");
    await author.waitForURL(/\/ide\/\d+\/ubah$/);
    await author
      .getByLabel(t("ideaForm.solution"), { exact: true })
      .fill("Petugas membawa alat perekaman ke kantor kelurahan secara bergiliran, dengan jadwal yang diumumkan.");
    await author
      .getByLabel(t("ideaForm.benefit"), { exact: true })
      .fill("Warga direkam di dekat rumah, tanpa ongkos dan tanpa antre seharian.");
    const category = author.getByLabel(t("ideaForm.category"), { exact: true });
    if (await category.isVisible()) await category.selectOption({ index: 1 });
    await author.getByRole("button", { name: t("ideaForm.submit"), exact: true }).click();
    await author.waitForURL(/\/ide\/\d+$/, { timeout: 20_000 });
    journey.ideaId = Number(/\/ide\/(\d+)$/.exec(author.url())![1]);
    await author.getByRole("heading", { level: 1, name: IDEA }).waitFor();
    expect(await author.locator(".idea-head .badge").innerText()).toContain(t("ideaStatus.submitted"));
    // a photo attached to the wrong idea goes again, after the author confirms
    const photo = { name: "foto-antrean.png", mimeType: "image/png", buffer: await drawEmblem(author, "KTP") };
    await author.getByLabel(t("team.upload"), { exact: true }).setInputFiles(photo);
    await author.getByRole("button", { name: t("team.uploadSubmit"), exact: true }).click();
    await author
      .getByRole("status")
      .filter({ hasText: t("team.uploaded", { name: photo.name }) })
      .waitFor();
    const attached = await downloaded(author, author.locator(".attachments a", { hasText: photo.name }));
    expect(attached.name).toContain("foto-antrean");
    await author.getByRole("button", { name: t("team.removeFileLabel", { name: photo.name }), exact: true }).click();
    const removal = author.getByRole("dialog", { name: t("team.removeFileTitle", { name: photo.name }) });
    await removal.getByRole("button", { name: t("team.removeFile"), exact: true }).click();
    await author
      .getByRole("status")
      .filter({ hasText: t("team.removedFile", { name: photo.name }) })
      .waitFor();
    // gone from the idea's files and from the team's list once the idea has reloaded
    await author.locator(".attachments li", { hasText: photo.name }).first().waitFor({ state: "detached" });

    const voter = await firstSignIn("phone", VOTER.nip, temporary.get(VOTER.nip)!, `/ide/${journey.ideaId}`);
    await voter.getByRole("heading", { level: 1, name: IDEA }).waitFor();
    await voter.getByRole("button", { name: t("vote.support"), exact: true }).click();
    await voter.getByRole("button", { name: t("vote.retract"), exact: true }).waitFor();
    expect(await voter.locator(".vote-count").innerText()).toContain("1");
    await voter.getByLabel(t("discussion.new"), { exact: true }).fill(COMMENT);
    await voter
      .getByRole("button", { name: t("discussion.send"), exact: true })
      .first()
      .click();
    await voter.getByText(COMMENT).waitFor();
    // commenting made her follow the idea: she stops, then follows it again after all
    const follow = voter.getByRole("button", { name: t("vote.follow"), exact: true });
    const unfollow = voter.getByRole("button", { name: t("vote.unfollow"), exact: true });
    await follow.or(unfollow).waitFor();
    if (await unfollow.isVisible()) {
      await unfollow.click();
      await follow.waitFor();
    }
    await follow.click();
    await unfollow.waitFor();
    expect(await unfollow.getAttribute("aria-pressed")).toBe("true");
    // and she adds a line to her comment
    const own = voter.getByRole("article", { name: VOTER.name });
    await own.getByRole("button", { name: t("discussion.edit"), exact: true }).click();
    await own.getByLabel(t("discussion.edit"), { exact: true }).fill(COMMENT_EDITED);
    await own.getByRole("button", { name: t("discussion.save"), exact: true }).click();
    await own.getByText(COMMENT_EDITED).waitFor();

    // the author reads it on their idea, opens the dossier to print, and takes their own data home
    await author.reload();
    await author.getByText(COMMENT_EDITED).waitFor();
    const [dossier] = await Promise.all([
      author.context().waitForEvent("page"),
      author.getByRole("link", { name: t("idea.dossier"), exact: true }).click(),
    ]);
    await dossier.getByRole("heading", { level: 1, name: IDEA }).waitFor();
    await dossier.close();
    await author.goto("/profil");
    const mine = await downloaded(author, author.getByRole("link", { name: t("profile.exportButton"), exact: true }));
    expect(mine.name).toMatch(/^gagas-data-saya-\d{4}-\d{2}-\d{2}\.json$/);
    expect(mine.text).toContain(IDEA);
  });

  it("the admin closes submission and voting early and opens the review by moving the dates", async () => {
    const page = await signIn("desktop", AGENCY_ADMIN.nip, `/admin/kampanye/${journey.campaignId}`);
    const dates = await localTimes(page, { submissionEnd: -1, votingEnd: -1, reviewStart: -1 });
    for (const [field, value] of Object.entries(dates)) await page.locator(`#campaign-${field}`).fill(value);
    await page.getByRole("button", { name: t("editor.save"), exact: true }).click();
    await page.getByText(t("editor.saved")).waitFor();

    // the committee, in the same editor: the chair and two reviewers, each found by name
    await page.getByRole("heading", { name: t("committeeEditor.title"), exact: true }).waitFor();
    await appoint(page, CHAIR.name, t("committeeEditor.addChairLabel", { name: CHAIR.name }));
    for (const reviewer of [REVIEWER_1, REVIEWER_2])
      await appoint(page, reviewer.name, t("committeeEditor.addReviewerLabel", { name: reviewer.name }));
    await page.getByRole("button", { name: t("committeeEditor.save"), exact: true }).click();
    await page
      .getByRole("status")
      .filter({ hasText: t("committeeEditor.saved") })
      .waitFor();
  });

  it("the chair starts the review; the committee's reviewers score the idea, one on a phone", async () => {
    const chair = await firstSignIn(
      "desktop",
      CHAIR.nip,
      temporary.get(CHAIR.nip)!,
      `/kampanye/${journey.campaignId}/komite`,
    );
    const members = chair.getByRole("region", { name: t("committee.membersTitle"), exact: true });
    await members.getByText(REVIEWER_2.name).waitFor();
    const form = chair.getByRole("region", { name: t("committee.startTitle"), exact: true });
    const due = await localTimes(chair, { dueAt: 5 * DAY });
    await form.getByLabel(t("committee.dueAt"), { exact: true }).fill(due.dueAt!);
    await form.getByRole("button", { name: t("committee.start"), exact: true }).click();
    await form.getByText(t("committee.startedCount", { count: 1, date: "" }).split(",")[0]!).waitFor();

    for (const [reviewer, viewport] of [
      [REVIEWER_1, "phone"],
      [REVIEWER_2, "desktop"],
    ] as const) {
      const page = await firstSignIn(viewport, reviewer.nip, temporary.get(reviewer.nip)!, "/penilaian");
      const toDo = page.getByRole("region", { name: t("reviews.openTitle"), exact: true });
      await toDo.getByRole("link", { name: IDEA, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: IDEA }).waitFor();
      for (const [i, criterion] of DEFAULT_RUBRIC.entries()) {
        const group = page.getByRole("group", { name: new RegExp(`^${criterion.labelId}`) });
        await group.getByRole("radio", { name: String(4 + (i % 2)), exact: true }).check();
      }
      await page.getByRole("radio", { name: t("recommendation.shortlist"), exact: true }).check();
      await page.getByRole("button", { name: t("review.submit"), exact: true }).click();
      const confirm = page.getByRole("dialog", { name: t("review.confirmTitle") });
      await confirm.getByRole("button", { name: t("review.confirmSubmit"), exact: true }).click();
      await page
        .getByRole("status")
        .filter({ hasText: t("review.submittedNotice") })
        .waitFor();
    }
  });

  it("the chair reads the ranking and decides: shortlisted, then approved", async () => {
    const chair = await signIn("desktop", CHAIR.nip, `/kampanye/${journey.campaignId}/komite`);
    const table = chair.getByRole("table", { name: t("ranking.caption", { kind: t("ranking.raw") }) });
    await table.getByText(IDEA).waitFor();
    expect(await table.getByRole("row").nth(1).innerText()).toContain(
      t("ranking.reviewsOf", { submitted: 2, assigned: 2 }),
    );
    for (const [action, status] of [
      ["shortlist", "shortlisted"],
      ["approve", "approved"],
    ] as const) {
      await chair
        .getByRole("button", {
          name: t("ranking.decideLabel", { action: t(`ideaAction.${action}`), title: IDEA }),
          exact: true,
        })
        .click();
      // the chair reads what follows (points, who is told) before it happens
      const confirm = chair.getByRole("dialog", {
        name: t(action === "shortlist" ? "confirm.shortlistTitle" : "confirm.approveTitle"),
      });
      await confirm.getByText(t("confirm.told")).waitFor();
      await confirm.getByRole("button", { name: t(`ideaAction.${action}`), exact: true }).click();
      await confirm.waitFor({ state: "detached" });
      await chair
        .getByRole("status")
        .filter({ hasText: t("ranking.decided", { title: IDEA, status: t(`ideaStatus.${status}`) }) })
        .waitFor();
    }

    // the board's spreadsheets: the ranking and every review
    const ranking = await downloaded(
      chair,
      chair.getByRole("link", { name: t("ranking.downloadRanking"), exact: true }),
    );
    expect(ranking.text).toContain(IDEA);
    const reviews = await downloaded(
      chair,
      chair.getByRole("link", { name: t("ranking.downloadReviews"), exact: true }),
    );
    expect(reviews.text).toContain(IDEA);

    // on the idea's page the chair sees where its support came from: one vote, from Dinas Kesehatan
    await chair.goto(`/ide/${journey.ideaId}`);
    const sources = chair.getByRole("region", { name: t("voteSources.title"), exact: true });
    const row = sources.getByRole("row", { name: new RegExp(`^${UNITS[1]!.name}`) });
    await row.waitFor();
    expect(await row.innerText()).toContain("1");
    const none = new Intl.NumberFormat("id-ID", { style: "percent" }).format(0);
    expect(await sources.innerText()).toContain(t("voteSources.authorShare", { share: none, unit: UNITS[0]!.name }));
  });

  it("the leader announces an award for the idea's author and downloads the certificate", async () => {
    const page = await firstSignIn("desktop", LEADER.nip, temporary.get(LEADER.nip)!, "/penghargaan/baru");
    await page.getByLabel(t("awardForm.awardTitle"), { exact: true }).fill(AWARD);
    await page
      .getByLabel(t("awardForm.citation"), { exact: true })
      .fill(
        `${AUTHOR.name} membawa perekaman KTP elektronik ke kelurahan, dekat dengan warga yang paling sulit datang.`,
      );
    await page.getByLabel(t("awardForm.period"), { exact: true }).fill("Tahun 2026");
    await page.getByRole("radio", { name: t("awardForm.kindPeople") }).check();
    const pick = async (label: string, query: string, name: string) => {
      await page.getByRole("searchbox", { name: label }).fill(query);
      await page
        .getByRole("button", { name: `${t("awardForm.add")} ${name}` })
        .first()
        .click();
    };
    await pick(t("awardForm.people"), "Fajar", AUTHOR.name);
    await page
      .getByRole("list", { name: t("awardForm.chosenPeople") })
      .getByText(AUTHOR.name, { exact: true })
      .waitFor();
    await pick(`${t("awardForm.ideas")} ${t("awardForm.optional")}`, "KTP elektronik", IDEA);
    await page
      .getByRole("list", { name: t("awardForm.chosenIdeas") })
      .getByText(IDEA, { exact: true })
      .waitFor();
    await page.getByLabel(t("awardForm.bonus"), { exact: true }).fill("50");
    await page.getByRole("button", { name: t("awardForm.submit"), exact: true }).click();
    // the leader checks the preview; nothing is published before it is confirmed
    const preview = page.getByRole("dialog", { name: t("awardPreview.title") });
    await preview.getByText(t("awardPreview.bonus", { points: "50" })).waitFor();
    await preview.getByRole("button", { name: t("awardPreview.confirm"), exact: true }).click();

    await page.waitForURL((url) => /^\/penghargaan\/\d+$/.test(url.pathname), { timeout: 20_000 });
    await page.getByRole("heading", { level: 1, name: AWARD }).waitFor();
    await page.getByText(t("awardPage.announced")).waitFor();
    const row = page.locator(".award-recipient", { hasText: AUTHOR.name });
    const download = row.getByRole("link", {
      name: `${t("award.download")} ${t("award.downloadFor", { name: AUTHOR.name })}`,
    });
    const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
    expect(file.suggestedFilename()).toMatch(/^piagam-GGS-[0-9A-Z-]+\.pdf$/);
    expect((await readFile(await file.path())).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    journey.code = (await row.locator(".award-code code").innerText()).trim();
    expect(journey.code).toMatch(/^GGS-[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);

    // the dashboard's spreadsheets: the ideas, the votes per unit and the awards with their certificate codes
    await page.goto(`/dasbor?kampanye=${journey.campaignId}`);
    const ideasCsv = await downloaded(
      page,
      page.getByRole("link", { name: t("dashboard.downloadIdeas"), exact: true }),
    );
    expect(ideasCsv.text.split(/\r?\n/)[0]).toContain("Judul");
    expect(ideasCsv.text).toContain(IDEA);
    const votes = await downloaded(page, page.getByRole("link", { name: t("dashboard.downloadVotes"), exact: true }));
    expect(votes.text).toContain(IDEA);
    expect(votes.text).toContain(UNITS[1]!.name);
    expect(votes.text).not.toContain(VOTER.name);
    const awards = await downloaded(page, page.getByRole("link", { name: t("dashboard.downloadAwards"), exact: true }));
    expect(awards.text).toContain(AWARD);
    expect(awards.text).toContain(journey.code);
    // the point ledger is the admin's
    expect(await page.getByRole("link", { name: t("dashboard.downloadLedger"), exact: true }).count()).toBe(0);
  });

  it("the public Hall of Fame shows the award once the admin opens it, and the certificate verifies", async () => {
    const visitor = await pages.open("phone");
    await visitor.goto(`/galeri-penghargaan/${AGENCY.slug}`);
    await visitor.getByRole("heading", { level: 2, name: t("hof.unavailableTitle") }).waitFor();

    const admin = await signIn("desktop", AGENCY_ADMIN.nip, "/admin/pengaturan");
    await admin.getByLabel(t("agencySettings.hallOfFame"), { exact: true }).check();
    await admin.getByRole("button", { name: t("agencySettings.save"), exact: true }).click();
    await admin
      .getByRole("status")
      .filter({ hasText: t("agencySettings.saved") })
      .waitFor();
    // the points the journey paid, in the admin's ledger: the award's bonus to its recipient
    await admin.goto("/dasbor");
    const ledger = await downloaded(
      admin,
      admin.getByRole("link", { name: t("dashboard.downloadLedger"), exact: true }),
    );
    expect(ledger.text).toContain(AUTHOR.name);

    await visitor.reload();
    const entry = visitor.locator(".award-entry", { has: visitor.getByRole("heading", { level: 2, name: AWARD }) });
    await entry.waitFor();
    expect(await entry.innerText()).toContain(AUTHOR.name);
    expect(await entry.innerText()).toContain(IDEA);
    await visitor.getByRole("link", { name: t("hof.verifyLink"), exact: true }).click();
    await expectPath(visitor, "/verifikasi");
    await visitor.getByRole("textbox", { name: t("verify.code"), exact: true }).fill(journey.code);
    await visitor.getByRole("button", { name: t("verify.submit"), exact: true }).click();
    await visitor.getByRole("heading", { level: 2, name: t("verify.validTitle") }).waitFor();
    const facts = await visitor.locator(".verify-facts").innerText();
    expect(facts).toContain(AUTHOR.name);
    expect(facts).toContain(AWARD);
    expect(facts).toContain(AGENCY.name);
  });
});
