/**
 * Photos on the checklist items of a field-verification round: the sheet's reviewer (a colleague
 * or an external reviewer) takes them, the admin sees them in the round's results, and the
 * innovation's dossier lists them in its evidence index (PDF and ZIP) once the sheet is submitted.
 */
import { z } from "@hono/zod-openapi";
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { roundPhotos } from "../src/db/schema";
import { OPEN_GATES } from "../src/domain/eligibility";
import { createPersonas, createUnit, createUser, type TestUser } from "./fixtures/builders";
import { insertCompetition, insertEntry, insertOpenSheet, score, SUBSTANCE } from "./fixtures/competitions";
import { fileOf, GIF, JPEG, PDF, PNG } from "./fixtures/files";
import { bodyOf, byId, client } from "./fixtures/client";
import { testDb } from "./fixtures/db";
import { api } from "./fixtures/http";
import { competition, insertIdea } from "./fixtures/ideas";
import { insertProfile, pdfText } from "./fixtures/innovation-profile";

let p: Awaited<ReturnType<typeof createPersonas>>;
let author: TestUser;
beforeAll(async () => {
  p = await createPersonas();
  author = await createUser(await createUnit(p.agency), { name: "Dewi Anggraini" });
});

const FIELD = [
  { key: "loket", label: "Loket antrean daring berjalan", weight: 0, scaleMax: 1 },
  { key: "papan", label: "Papan informasi terpasang", weight: 0, scaleMax: 1 },
];

/** A field-verification round (checklist), open, with a sheet of `reviewer` on an approved idea. */
async function fieldSheet(
  reviewer: TestUser,
  options: { kind?: "checklist" | "rubric"; conflict?: "undeclared" | "none" } = {},
) {
  const campaign = await competition(p.agency, "review");
  const kind = options.kind ?? "checklist";
  const [roundId] = await insertCompetition(
    campaign,
    [
      {
        name: "Verifikasi lapangan",
        kind,
        weight: 100,
        advance: { mode: "all" },
        items: kind === "checklist" ? FIELD : SUBSTANCE,
        memberIds: [reviewer.id],
      },
    ],
    OPEN_GATES,
  );
  const idea = await insertIdea(campaign, author, { status: "approved", title: `Antrean daring ${Date.now()}` });
  const entry = await insertEntry(campaign, idea, p.admin.user);
  const sheet = await insertOpenSheet(roundId!, entry, reviewer, { conflict: options.conflict ?? "none" });
  return { campaign, roundId: roundId!, idea, entry, sheet };
}

const upload = (cookie: string, sheetId: number, file: File, itemKey = "loket") =>
  client(cookie).api.v1["round-assignments"][":id"].photos.$post({ ...byId(sheetId), form: { file, itemKey } });
const uploaded = async (cookie: string, sheetId: number, file: File, itemKey?: string) =>
  bodyOf(await upload(cookie, sheetId, file, itemKey), 201);

/** The parts of the dossier ZIP's `dosir.json` these tests read. */
const DossierJson = z.looseObject({
  bukti: z.array(
    z.looseObject({
      nomor: z.number(),
      jenis: z.looseObject({ kode: z.string() }),
      verifikasi: z.looseObject({ babak: z.string(), butir: z.string() }).nullable(),
    }),
  ),
  kompetisi: z.array(
    z.looseObject({
      babak: z.array(z.looseObject({ hasil: z.looseObject({ kode: z.string() }), skor: z.number().nullable() })),
      nilaiAkhir: z.number().nullable(),
    }),
  ),
});

/** The sheet's photo rows, keyed by their column names. */
const photoRows = (sheetId: number) =>
  testDb
    .select({
      id: roundPhotos.id,
      item_key: roundPhotos.itemKey,
      r2_key: roundPhotos.r2Key,
      file_name: roundPhotos.fileName,
      content_type: roundPhotos.contentType,
      size: roundPhotos.size,
      uploaded_by: roundPhotos.uploadedBy,
    })
    .from(roundPhotos)
    .where(eq(roundPhotos.assignmentId, sheetId))
    .orderBy(roundPhotos.id);

async function storedKeys(roundId: number, sheetId: number) {
  return (await env.ATTACHMENTS.list({ prefix: `rounds/${roundId}/${sheetId}/` })).objects.map((o) => o.key);
}

async function expectNothingStored(roundId: number, sheetId: number) {
  expect(await photoRows(sheetId)).toEqual([]);
  expect(await storedKeys(roundId, sheetId)).toEqual([]);
}

describe("POST /api/v1/round-assignments/{id}/photos", () => {
  it("stores an external reviewer's photo on a checklist item of their own sheet: the object in R2, its row, and the sheet lists it", async () => {
    const { roundId, sheet } = await fieldSheet(p.guest_reviewer.user);
    const photo = await uploaded(p.guest_reviewer.cookie, sheet.id, fileOf(JPEG, "IMG_2041.jpeg", "image/jpeg"));
    expect(photo).toMatchObject({
      itemKey: "loket",
      fileName: "IMG_2041.jpg",
      contentType: "image/jpeg",
      size: JPEG.length,
    });
    const [row] = await photoRows(sheet.id);
    expect(row).toMatchObject({ id: photo.id, item_key: "loket", uploaded_by: p.guest_reviewer.user.id });
    expect(row!.r2_key).toMatch(new RegExp(`^rounds/${roundId}/${sheet.id}/[A-Za-z0-9_-]{20,}$`));
    expect(await storedKeys(roundId, sheet.id)).toEqual([row!.r2_key]);

    const view = await client(p.guest_reviewer.cookie).api.v1["round-assignments"][":id"].$get(byId(sheet.id));
    expect((await bodyOf(view, 200)).photos).toEqual([photo]);
    const file = await api("GET", `/api/v1/round-assignments/${sheet.id}/photos/${photo.id}`, {
      cookie: p.guest_reviewer.cookie,
    });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/jpeg");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(JPEG);
  });

  it("answers 415 photo.not_image for a PDF (an attachment, not a photo) and for a page renamed .png, storing nothing", async () => {
    const { roundId, sheet } = await fieldSheet(p.reviewer.user);
    const pdf = await upload(p.reviewer.cookie, sheet.id, fileOf(PDF, "foto.pdf", "application/pdf"));
    expect(pdf.status).toBe(415);
    expect(pdf.headers.get("content-type")).toBe("application/problem+json");
    expect(await pdf.json()).toMatchObject({
      code: "photo.not_image",
      detail: "Attach a photo: PNG, JPEG, WebP or GIF",
    });
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    expect((await upload(p.reviewer.cookie, sheet.id, fileOf(html, "loket.png", "image/png"))).status).toBe(415);
    await expectNothingStored(roundId, sheet.id);
  });

  it("answers 413 attachment.too_large above the attachments' 10 MB, storing nothing", async () => {
    const { roundId, sheet } = await fieldSheet(p.reviewer.user);
    const over = new Uint8Array(10 * 1024 * 1024 + 1);
    over.set(PNG);
    const res = await upload(p.reviewer.cookie, sheet.id, fileOf(over, "besar.png", "image/png"));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "attachment.too_large" });
    await expectNothingStored(roundId, sheet.id);
  });

  it("refuses someone else's sheet: 403 for a colleague on the panel, 404 for another agency's admin, storing nothing", async () => {
    const { roundId, sheet } = await fieldSheet(p.guest_reviewer.user);
    const colleague = await upload(p.reviewer.cookie, sheet.id, fileOf(PNG, "loket.png"));
    expect(colleague.status).toBe(403);
    expect(await colleague.json()).toMatchObject({ code: "forbidden" });
    expect((await upload(p.admin.cookie, sheet.id, fileOf(PNG, "loket.png"))).status).toBe(403);
    expect((await upload(p.otherAdmin.cookie, sheet.id, fileOf(PNG, "loket.png"))).status).toBe(404);
    await expectNothingStored(roundId, sheet.id);
  });

  it("answers 422 photo.unknown_item on its field for a key the round does not have", async () => {
    const { roundId, sheet } = await fieldSheet(p.reviewer.user);
    const res = await upload(p.reviewer.cookie, sheet.id, fileOf(PNG, "loket.png"), "parkir");
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ path: "form.itemKey", code: "photo.unknown_item" }] });
    await expectNothingStored(roundId, sheet.id);
  });

  it("answers 409 before the conflict declaration, in a rubric round, and once the sheet is submitted", async () => {
    const undeclared = await fieldSheet(p.reviewer.user, { conflict: "undeclared" });
    const first = await upload(p.reviewer.cookie, undeclared.sheet.id, fileOf(PNG, "a.png"));
    expect(await first.json()).toMatchObject({ status: 409, code: "round.conflict_undeclared" });

    const rubric = await fieldSheet(p.reviewer.user, { kind: "rubric" });
    const second = await upload(p.reviewer.cookie, rubric.sheet.id, fileOf(PNG, "a.png"), "kebaruan");
    expect(await second.json()).toMatchObject({ status: 409, code: "photo.not_checklist" });

    const done = await fieldSheet(p.reviewer.user);
    await score(p.reviewer.cookie, done.sheet.id, { loket: 1, papan: 1 });
    const third = await upload(p.reviewer.cookie, done.sheet.id, fileOf(PNG, "a.png"));
    expect(await third.json()).toMatchObject({ status: 409, code: "round.submitted" });
    await expectNothingStored(done.roundId, done.sheet.id);
  });

  it("answers 409 photo.limit_reached at the fifth photo of one item, while another item still takes one", async () => {
    const { roundId, sheet } = await fieldSheet(p.reviewer.user);
    for (const n of [1, 2, 3, 4])
      expect((await upload(p.reviewer.cookie, sheet.id, fileOf(GIF, `loket-${n}.gif`))).status).toBe(201);
    const fifth = await upload(p.reviewer.cookie, sheet.id, fileOf(GIF, "loket-5.gif"));
    expect(fifth.status).toBe(409);
    expect(await fifth.json()).toMatchObject({ code: "photo.limit_reached" });
    expect((await upload(p.reviewer.cookie, sheet.id, fileOf(PNG, "papan.png"), "papan")).status).toBe(201);
    expect(await storedKeys(roundId, sheet.id)).toHaveLength(5);
    expect(await photoRows(sheet.id)).toHaveLength(5);
  });
});

describe("GET and DELETE /api/v1/round-assignments/{id}/photos/{photoId}", () => {
  it("serves the photo to its reviewer and the admin, and to nobody else of the agency", async () => {
    const { sheet } = await fieldSheet(p.guest_reviewer.user);
    const photo = await uploaded(p.guest_reviewer.cookie, sheet.id, fileOf(PNG, "loket.png"));
    const path = `/api/v1/round-assignments/${sheet.id}/photos/${photo.id}`;
    expect((await api("GET", path, { cookie: p.admin.cookie })).status).toBe(200);
    expect((await api("GET", path, { cookie: p.reviewer.cookie })).status).toBe(403);
    expect((await api("GET", path, { cookie: p.asn.cookie })).status).toBe(403);
    expect((await api("GET", path, { cookie: p.otherAdmin.cookie })).status).toBe(404);
    // a photo of another sheet under this sheet's path is unknown
    const other = await fieldSheet(p.guest_reviewer.user);
    expect(
      (await api("GET", `/api/v1/round-assignments/${other.sheet.id}/photos/${photo.id}`, { cookie: p.admin.cookie }))
        .status,
    ).toBe(404);
  });

  it("removes the row and then the object while the sheet is a draft, and answers 409 once it is submitted", async () => {
    const { roundId, sheet } = await fieldSheet(p.reviewer.user);
    const kept = await uploaded(p.reviewer.cookie, sheet.id, fileOf(PNG, "papan.png"), "papan");
    const gone = await uploaded(p.reviewer.cookie, sheet.id, fileOf(PNG, "salah.png"));
    const res = await api("DELETE", `/api/v1/round-assignments/${sheet.id}/photos/${gone.id}`, {
      cookie: p.reviewer.cookie,
    });
    expect(res.status).toBe(204);
    expect((await photoRows(sheet.id)).map((r) => r.id)).toEqual([kept.id]);
    expect(await storedKeys(roundId, sheet.id)).toHaveLength(1);

    await score(p.reviewer.cookie, sheet.id, { loket: 1, papan: 1 });
    const late = await api("DELETE", `/api/v1/round-assignments/${sheet.id}/photos/${kept.id}`, {
      cookie: p.reviewer.cookie,
    });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: "round.submitted" });
    expect(await photoRows(sheet.id)).toHaveLength(1);
  });
});

describe("field-verification photos in the round's results and in the dossier", () => {
  it("lists the photo by entry and item in the admin's view of the round", async () => {
    const { campaign, roundId, entry, sheet } = await fieldSheet(p.guest_reviewer.user);
    const photo = await uploaded(p.guest_reviewer.cookie, sheet.id, fileOf(PNG, "loket.png"));
    const res = await client(p.admin.cookie).api.v1.campaigns[":id"].competition.$get(byId(campaign.id));
    const view = await bodyOf(res, 200);
    expect(view.rounds.find((r) => r.id === roundId)!.photos).toEqual([
      { ...photo, sheetId: sheet.id, entryId: entry.id },
    ]);
  });

  it("puts a submitted sheet's photo into the evidence index of the PDF and the ZIP with the rounds' outcome, and leaves a draft's out", async () => {
    const { roundId, idea, sheet } = await fieldSheet(p.guest_reviewer.user);
    await insertProfile({ id: idea.id, agencyId: p.agency.id }, author);
    await upload(p.guest_reviewer.cookie, sheet.id, fileOf(PNG, "loket depan.png"));
    const before = await api("GET", `/api/v1/ideas/${idea.id}/dossier.pdf`, { cookie: p.admin.cookie });
    expect(await pdfText(new Uint8Array(await before.arrayBuffer()))).not.toContain("Foto verifikasi lapangan");

    await score(p.guest_reviewer.cookie, sheet.id, { loket: 1, papan: 0 });
    expect((await api("POST", `/api/v1/rounds/${roundId}/close`, { cookie: p.admin.cookie })).status).toBe(200);
    const pdf = await api("GET", `/api/v1/ideas/${idea.id}/dossier.pdf`, { cookie: p.admin.cookie });
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    for (const expected of [
      "1. [Foto verifikasi lapangan] Loket antrean daring berjalan",
      "Babak: Verifikasi lapangan (Kompetisi Inovasi Pelayanan Publik)",
      "Berkas: bukti/01-loket depan.png",
      "Kompetisi: Kompetisi Inovasi Pelayanan Publik",
      // one item of two passed: 50; the only entry, so first of one
      "Babak 1 - Verifikasi lapangan (bobot 100%): Lolos, nilai 50, peringkat 1",
      "Nilai akhir gabungan: 50 - peringkat 1 dari 1 peserta",
    ]) {
      expect(text, expected).toContain(expected);
    }

    const zip = await api("GET", `/api/v1/ideas/${idea.id}/dossier.zip`, { cookie: p.admin.cookie });
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(files)).toEqual(["dosir.json", "dosir.pdf", "bukti/01-loket depan.png"]);
    expect(files["bukti/01-loket depan.png"]).toEqual(PNG);
    const data = DossierJson.parse(JSON.parse(strFromU8(files["dosir.json"]!)));
    expect(data.bukti).toMatchObject([
      {
        nomor: 1,
        jenis: { kode: "foto_verifikasi_lapangan" },
        verifikasi: { babak: "Verifikasi lapangan", butir: "Loket antrean daring berjalan" },
      },
    ]);
    expect(data.kompetisi).toMatchObject([{ babak: [{ hasil: { kode: "advanced" }, skor: 50 }], nilaiAkhir: 50 }]);
  });
});
