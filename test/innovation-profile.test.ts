import { env } from "cloudflare:test";
import { and, eq, like } from "drizzle-orm";
import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb, runBatch } from "../src/db/client";
import { lockProfile } from "../src/db/queries/innovation-profile.queries";
import { auditLog, ideas, innovationEvidence } from "../src/db/schema";
import type { IdeaStatus } from "../src/domain/idea-status";
import { createPersonas } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { HTML, PNG, fileOf } from "./fixtures/files";
import { bodyOf, byId, client, problemOf } from "./fixtures/client";
import { api } from "./fixtures/http";
import { addCoauthor } from "./fixtures/idea-team";
import { insertIdea, openCampaign, type TestCampaign } from "./fixtures/ideas";
import { insertEvidenceFile, insertProfile, pdfText, PROFILE_BODY } from "./fixtures/innovation-profile";
import { z } from "@hono/zod-openapi";
import { signedInColleague } from "./fixtures/colleagues";

let p: Awaited<ReturnType<typeof createPersonas>>;
let kotak: TestCampaign;
beforeAll(async () => {
  p = await createPersonas();
  kotak = await openCampaign(p.agency);
});

const person = () => signedInColleague(p.unit);

/** An idea of a fresh author in `status`, the author signed in. */
async function ideaOf(status: IdeaStatus = "approved") {
  const author = await person();
  const idea = await insertIdea(kotak, author, { status, title: `Antrean daring ${crypto.randomUUID().slice(0, 6)}` });
  return { author, idea: { id: idea.id, agencyId: p.agency.id } };
}

const putProfile = (id: number, cookie: string, body: unknown = PROFILE_BODY) =>
  api("PUT", `/api/v1/ideas/${id}/profile`, { cookie, body });
/** The fixture's profile as the typed client takes it (its arrays are read-only). */
const PROFILE_JSON = { ...PROFILE_BODY, sdgs: [...PROFILE_BODY.sdgs], indicators: [...PROFILE_BODY.indicators] };
const profileOf = async (id: number, cookie: string) =>
  bodyOf(await client(cookie).api.v1.ideas[":id"].profile.$get(byId(id)), 200);

function linkBody(extra: Record<string, unknown> = {}) {
  return { kind: "liputan_media", title: "Berita antrean daring", url: "https://berita.example.id/antrean", ...extra };
}

function evidenceForm(file: File, fields: Record<string, string>) {
  const form = new FormData();
  form.append("file", file);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

describe("PUT /api/v1/ideas/{id}/profile", () => {
  it("saves the whole profile of an approved idea for its author, keys the indicators and writes an audit row", async () => {
    const { author, idea } = await ideaOf();
    const view = await bodyOf(
      await client(author.cookie).api.v1.ideas[":id"].profile.$put({ ...byId(idea.id), json: PROFILE_JSON }),
      200,
    );
    expect(view).toMatchObject({ available: true, canEdit: true, lockedAt: null });
    expect(view.profile).toMatchObject({ stage: "penerapan", videoUrl: PROFILE_BODY.videoUrl });
    expect(view.profile!.indicators.map((i) => i.name)).toEqual(["Waktu tunggu layanan", "Aduan antrean per bulan"]);
    expect(view.profile!.indicators.every((i) => /^[a-z0-9-]+$/.test(i.key))).toBe(true);
    const audit = await testDb
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, "idea"), eq(auditLog.subjectId, idea.id)));
    expect(audit).toEqual([{ action: "innovation_profile.update", actorId: author.id }]);

    // a second save keeps the keys it is sent with
    const kept = view.profile!.indicators.map((i, n) => ({ ...PROFILE_BODY.indicators[n]!, key: i.key }));
    const again = await bodyOf(
      await client(author.cookie).api.v1.ideas[":id"].profile.$put({
        ...byId(idea.id),
        json: { ...PROFILE_JSON, indicators: kept },
      }),
      200,
    );
    expect(again.profile!.indicators.map((i) => i.key)).toEqual(view.profile!.indicators.map((i) => i.key));
  });

  it("lets an accepted co-author and the agency admin edit, but not a colleague, a reviewer or a leader", async () => {
    const { idea } = await ideaOf();
    const coauthor = await person();
    await addCoauthor(idea, coauthor);
    expect((await putProfile(idea.id, coauthor.cookie)).status).toBe(200);
    expect((await putProfile(idea.id, p.admin.cookie)).status).toBe(200);
    for (const cookie of [(await person()).cookie, p.reviewer.cookie, p.leader.cookie]) {
      const res = await putProfile(idea.id, cookie);
      expect(res.status).toBe(403);
      expect((await problemOf(res, 403)).code).toBe("profile.not_permitted");
    }
  });

  it("answers 409 profile.not_available before the idea is approved", async () => {
    const { author, idea } = await ideaOf("shortlisted");
    const res = await putProfile(idea.id, author.cookie);
    expect(res.status).toBe(409);
    expect((await problemOf(res, 409)).code).toBe("profile.not_available");
    const view = await profileOf(idea.id, author.cookie);
    expect(view).toMatchObject({ available: false, canEdit: false, profile: null });
  });

  it("refuses fields that do not fit together, each on its field with an Indonesian message", async () => {
    const { author, idea } = await ideaOf();
    const res = await putProfile(idea.id, author.cookie, {
      ...PROFILE_BODY,
      trialDate: null,
      implementationDate: "2999-01-01",
      budgetSource: null,
      legalBasisDate: null,
    });
    expect(res.status).toBe(422);
    const { errors } = await problemOf(res, 422);
    expect(errors!.map((e) => [e.path, e.code])).toEqual([
      ["json.trialDate", "profile.trial_date_required"],
      ["json.implementationDate", "profile.date_in_future"],
      ["json.budgetSource", "profile.budget_source_required"],
      ["json.legalBasisDate", "profile.legal_basis_incomplete"],
    ]);
    expect(errors![0]!.message).toBe("Isi tanggal uji coba untuk inovasi yang sudah diuji coba.");
  });

  it("takes a video link only as https", async () => {
    const { author, idea } = await ideaOf();
    for (const videoUrl of ["http://video.example.id/a", "javascript:alert(1)", "https://user:pw@example.id/v"]) {
      const res = await putProfile(idea.id, author.cookie, { ...PROFILE_BODY, videoUrl });
      expect(res.status, videoUrl).toBe(422);
      const { errors } = await problemOf(res, 422);
      expect(errors).toEqual([
        { path: "json.videoUrl", code: "profile.url_not_https", message: "Tautan video harus tautan https://" },
      ]);
    }
  });

  it("refuses an unknown urusan, SDG 18 and an empty SDG list", async () => {
    const { author, idea } = await ideaOf();
    const res = await putProfile(idea.id, author.cookie, { ...PROFILE_BODY, urusan: "sihir", sdgs: [18] });
    expect(res.status).toBe(422);
    const paths = (await problemOf(res, 422)).errors!.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["json.urusan", "json.sdgs.0"]));
    const empty = await putProfile(idea.id, author.cookie, { ...PROFILE_BODY, sdgs: [] });
    expect((await problemOf(empty, 422)).errors![0]!.message).toBe("Pilih minimal satu tujuan TPB/SDGs.");
  });
});

describe("the lock of a competition entry (lockProfile)", () => {
  it("stops every change of the profile and its evidence, and the view says so", async () => {
    const { author, idea } = await ideaOf();
    await insertProfile(idea, author);
    const file = await insertEvidenceFile(idea, author);
    const db = createDb(env.DB);
    const [locked] = await runBatch(db, [
      lockProfile(db, { agencyId: idea.agencyId, ideaId: idea.id, at: Date.now() }),
    ]);
    expect(locked!.meta.changes).toBe(1);
    const [again] = await runBatch(db, [lockProfile(db, { agencyId: idea.agencyId, ideaId: idea.id, at: Date.now() })]);
    expect(again!.meta.changes, "locking twice keeps the first time").toBe(0);

    for (const res of [
      await putProfile(idea.id, author.cookie),
      await putProfile(idea.id, p.admin.cookie),
      await api("POST", `/api/v1/ideas/${idea.id}/evidence/links`, { cookie: author.cookie, body: linkBody() }),
      await api("DELETE", `/api/v1/ideas/${idea.id}/evidence/${file.id}`, { cookie: author.cookie }),
    ]) {
      expect(res.status).toBe(409);
      expect((await problemOf(res, 409)).code).toBe("profile.locked");
    }
    const view = await profileOf(idea.id, author.cookie);
    expect(view.canEdit).toBe(false);
    expect(view.lockedAt).not.toBeNull();
    expect(view.evidence).toHaveLength(1);
  });

  it("does not lock another agency's profile", async () => {
    const { author, idea } = await ideaOf();
    await insertProfile(idea, author);
    const db = createDb(env.DB);
    const [res] = await runBatch(db, [lockProfile(db, { agencyId: p.otherAgency.id, ideaId: idea.id, at: 1 })]);
    expect(res!.meta.changes).toBe(0);
  });
});

describe("evidence per indicator", () => {
  it("adds a typed link for an indicator and a file in the attachments' storage, and downloads the file", async () => {
    const { author, idea } = await ideaOf();
    await insertProfile(idea, author);
    const link = await api("POST", `/api/v1/ideas/${idea.id}/evidence/links`, {
      cookie: author.cookie,
      body: linkBody({ indicatorKey: "waktu" }),
    });
    expect(link.status, await link.clone().text()).toBe(201);
    expect(await link.json()).toMatchObject({ kind: "liputan_media", indicatorKey: "waktu", file: null });

    const upload = await client(author.cookie).api.v1.ideas[":id"].evidence.files.$post({
      ...byId(idea.id),
      form: {
        file: fileOf(PNG, "Foto loket (1).PNG"),
        kind: "foto_video",
        title: "Foto loket baru",
        indicatorKey: "aduan",
      },
    });
    const stored = await bodyOf(upload, 201);
    expect(stored.file).toEqual({ fileName: "Foto loket (1).png", contentType: "image/png", size: PNG.length });

    const res = await api("GET", `/api/v1/ideas/${idea.id}/evidence/${stored.id}`, { cookie: p.leader.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("attachment");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG);
    const asLink = await api(
      "GET",
      `/api/v1/ideas/${idea.id}/evidence/${(await profileOf(idea.id, author.cookie)).evidence[0]!.id}`,
      { cookie: author.cookie },
    );
    expect(asLink.status).toBe(409);
    expect((await problemOf(asLink, 409)).code).toBe("evidence.is_link");
  });

  it("refuses a slot that is not one of the seven, an indicator the profile lacks, an http link and a script file", async () => {
    const { author, idea } = await ideaOf();
    await insertProfile(idea, author);
    const post = (body: unknown) =>
      api("POST", `/api/v1/ideas/${idea.id}/evidence/links`, { cookie: author.cookie, body });
    const badKind = await post(linkBody({ kind: "foto" }));
    expect(badKind.status).toBe(422);
    expect((await problemOf(badKind, 422)).errors![0]!.path).toBe("json.kind");
    const unknown = await post(linkBody({ indicatorKey: "tidak-ada" }));
    expect(unknown.status).toBe(422);
    expect((await problemOf(unknown, 422)).errors![0]!.code).toBe("evidence.indicator_unknown");
    const http = await post(linkBody({ url: "http://berita.example.id/a" }));
    expect((await problemOf(http, 422)).errors![0]!.code).toBe("profile.url_not_https");
    const script = await api("POST", `/api/v1/ideas/${idea.id}/evidence/files`, {
      cookie: author.cookie,
      rawBody: evidenceForm(fileOf(HTML, "bukti.pdf"), { kind: "sop", title: "SOP layanan" }),
    });
    expect(script.status).toBe(415);
    expect(await testDb.$count(innovationEvidence, eq(innovationEvidence.ideaId, idea.id))).toBe(0);
  });

  it("needs a saved profile first", async () => {
    const { author, idea } = await ideaOf();
    const res = await api("POST", `/api/v1/ideas/${idea.id}/evidence/links`, {
      cookie: author.cookie,
      body: linkBody(),
    });
    expect(res.status).toBe(409);
    expect((await problemOf(res, 409)).code).toBe("profile.missing");
  });

  it("keeps an indicator that evidence supports: dropping it is 409 profile.indicator_in_use", async () => {
    const { author, idea } = await ideaOf();
    await insertProfile(idea, author);
    await api("POST", `/api/v1/ideas/${idea.id}/evidence/links`, {
      cookie: author.cookie,
      body: linkBody({ indicatorKey: "aduan" }),
    });
    const res = await putProfile(idea.id, author.cookie, {
      ...PROFILE_BODY,
      indicators: [{ ...PROFILE_BODY.indicators[0], key: "waktu" }],
    });
    expect(res.status).toBe(409);
    expect((await problemOf(res, 409)).code).toBe("profile.indicator_in_use");
  });

  it("removes a file with its object and an audit row", async () => {
    const { author, idea } = await ideaOf();
    await insertProfile(idea, author);
    const file = await insertEvidenceFile(idea, author);
    const res = await api("DELETE", `/api/v1/ideas/${idea.id}/evidence/${file.id}`, { cookie: author.cookie });
    expect(res.status).toBe(204);
    expect(await env.ATTACHMENTS.get(file.r2Key)).toBeNull();
    const audit = await testDb
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, idea.id), like(auditLog.action, "innovation_evidence%")));
    expect(audit).toEqual([{ action: "innovation_evidence.remove" }]);
  });
});

/** The part of the dossier's `dosir.json` these tests read (keys in the order the file writes them). */
const DossierJson = z.object({
  profilInovasi: z.record(z.string(), z.unknown()),
  bukti: z.array(
    z.object({
      nomor: z.number(),
      jenis: z.object({ kode: z.string() }),
      berkas: z.object({ path: z.string() }).nullable(),
      tautan: z.string().nullable(),
    }),
  ),
  tim: z.array(z.unknown()),
});

describe("tenant isolation", () => {
  it("answers another agency's admin 404 on the profile, the evidence and the dossier", async () => {
    const { author, idea } = await ideaOf();
    await insertProfile(idea, author);
    const file = await insertEvidenceFile(idea, author);
    for (const [method, path] of [
      ["GET", `/api/v1/ideas/${idea.id}/profile`],
      ["PUT", `/api/v1/ideas/${idea.id}/profile`],
      ["GET", `/api/v1/ideas/${idea.id}/evidence/${file.id}`],
      ["DELETE", `/api/v1/ideas/${idea.id}/evidence/${file.id}`],
      ["GET", `/api/v1/ideas/${idea.id}/dossier.pdf`],
      ["GET", `/api/v1/ideas/${idea.id}/dossier.zip`],
    ] as const) {
      const res = await api(method, path, {
        cookie: p.otherAdmin.cookie,
        ...(method === "PUT" ? { body: PROFILE_BODY } : {}),
      });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
  });

  it("does not serve one idea's evidence under another idea's id", async () => {
    const { author, idea } = await ideaOf();
    const other = await ideaOf();
    await insertProfile(other.idea, other.author);
    const file = await insertEvidenceFile(other.idea, other.author);
    const res = await api("GET", `/api/v1/ideas/${idea.id}/evidence/${file.id}`, { cookie: author.cookie });
    expect(res.status).toBe(404);
  });
});

describe("the dossier as PDF and ZIP", () => {
  async function filledIdea() {
    const { author, idea } = await ideaOf();
    expect((await putProfile(idea.id, author.cookie)).status).toBe(200);
    await api("POST", `/api/v1/ideas/${idea.id}/evidence/links`, { cookie: author.cookie, body: linkBody() });
    const upload = await api("POST", `/api/v1/ideas/${idea.id}/evidence/files`, {
      cookie: author.cookie,
      rawBody: evidenceForm(fileOf(PNG, "loket.png"), { kind: "regulasi", title: "SK Wali Kota" }),
    });
    expect(upload.status).toBe(201);
    const title = (await testDb.select({ title: ideas.title }).from(ideas).where(eq(ideas.id, idea.id)).get())!.title;
    return { author, idea, title };
  }

  it("draws the profile, indicators, evidence index, team and review outcome into the PDF", async () => {
    const { author, idea, title } = await filledIdea();
    const res = await api("GET", `/api/v1/ideas/${idea.id}/dossier.pdf`, { cookie: author.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="dosir-inovasi-\d+-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    for (const expected of [
      "Pemerintah Kota Uji",
      title,
      "Penerapan",
      "Digital",
      "Inovasi pelayanan publik",
      "Administrasi kependudukan dan pencatatan sipil",
      "16. Perdamaian, keadilan dan kelembagaan yang tangguh",
      "Rp 25.000.000 (APBD)",
      "Perwal No. 12 Tahun 2025, tanggal 20 Mei 2025",
      PROFILE_BODY.videoUrl,
      "Waktu tunggu layanan",
      "Sebelum: 240 menit -> Sesudah: 20 menit",
      "[Regulasi] SK Wali Kota",
      "https://berita.example.id/antrean",
      "(pengusul)",
      "Disetujui",
    ]) {
      expect(text, expected).toContain(expected);
    }
    // the national forms' order: the regulation before the media coverage
    expect(text.indexOf("[Regulasi]")).toBeLessThan(text.indexOf("[Liputan media]"));
  });

  it("packs the JSON in the forms' order, the PDF and every evidence file into one ZIP", async () => {
    const { author, idea, title } = await filledIdea();
    const res = await api("GET", `/api/v1/ideas/${idea.id}/dossier.zip`, { cookie: p.reviewer.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files)).toEqual(["dosir.json", "dosir.pdf", "bukti/01-loket.png"]);
    expect(files["bukti/01-loket.png"]).toEqual(PNG);
    expect(strFromU8(files["dosir.pdf"]!.slice(0, 5))).toBe("%PDF-");
    const json: unknown = JSON.parse(strFromU8(files["dosir.json"]!));
    const data = DossierJson.parse(json);
    expect(Object.keys(z.record(z.string(), z.unknown()).parse(json))).toEqual([
      "format",
      "dibuat",
      "instansi",
      "idGagas",
      "profilInovasi",
      "indikator",
      "bukti",
      "tim",
      "penilaian",
      "kompetisi",
      "tanggalTertulis",
    ]);
    expect(Object.keys(data.profilInovasi).slice(0, 8)).toEqual([
      "namaInovasi",
      "tahapan",
      "inisiator",
      "jenis",
      "bentuk",
      "urusanPemerintahan",
      "tanggalUjiCoba",
      "tanggalPenerapan",
    ]);
    expect(data.profilInovasi).toMatchObject({
      namaInovasi: title,
      tahapan: { kode: "penerapan", label: "Penerapan" },
    });
    expect(data.bukti.map((b) => [b.nomor, b.jenis.kode, b.berkas?.path ?? b.tautan])).toEqual([
      [1, "regulasi", "bukti/01-loket.png"],
      [2, "liputan_media", "https://berita.example.id/antrean"],
    ]);
    expect(data.tim).toEqual([expect.objectContaining({ nama: author.name, peran: "Pengusul" })]);
  });

  it("gives the printable HTML dossier the same profile, indicators and evidence index as the PDF", async () => {
    const { author, idea } = await filledIdea();
    const res = await api("GET", `/api/v1/ideas/${idea.id}/dossier`, { cookie: author.cookie });
    expect(res.status).toBe(200);
    const page = await res.text();
    for (const expected of [
      '<h2 id="s2">2. Profil Inovasi</h2>',
      "Administrasi kependudukan dan pencatatan sipil",
      "Rp 25.000.000 (APBD)",
      "Waktu tunggu layanan: sebelum 240 menit, sesudah 20 menit",
      "[Regulasi]",
      '<a href="https://berita.example.id/antrean">Berita antrean daring</a>',
    ]) {
      expect(page, expected).toContain(expected);
    }
  });

  it("makes a dossier of an idea without a profile yet, saying so", async () => {
    const { author, idea } = await ideaOf("submitted");
    const res = await api("GET", `/api/v1/ideas/${idea.id}/dossier.pdf`, { cookie: author.cookie });
    expect(res.status).toBe(200);
    expect(await pdfText(new Uint8Array(await res.arrayBuffer()))).toContain("Profil inovasi belum diisi oleh tim.");
  });
});
