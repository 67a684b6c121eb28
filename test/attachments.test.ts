import { env } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDb, runBatch } from "../src/db/client";
import { attachFile } from "../src/db/queries/attachments.queries";
import { FILE_TYPES } from "../src/domain/file-type";
import type { IdeaStatus } from "../src/domain/idea-status";
import { createPersonas, type TestUser } from "./fixtures/builders";
import { DOC, EXE, GIF, HTML, JPEG, PDF, PNG, PPT, WEBP, XLS, fileOf, odf, ooxml, uploadForm } from "./fixtures/files";
import { signedInColleague } from "./fixtures/colleagues";
import { bodyOf, byId, client } from "./fixtures/client";
import { api } from "./fixtures/http";
import { addCoauthor, attachmentRows, insertAttachment, storedKeys } from "./fixtures/idea-team";
import { insertIdea, openCampaign, seatOnCommittee, type TestCampaign } from "./fixtures/ideas";

let p: Awaited<ReturnType<typeof createPersonas>>;
let kotak: TestCampaign;
beforeAll(async () => {
  p = await createPersonas();
  kotak = await openCampaign(p.agency);
});

const colleague = () => signedInColleague(p.unit);

/** An idea of a fresh author, in the given status, with the author signed in. */
async function ideaOfNewAuthor(status: IdeaStatus = "draft") {
  const author = await colleague();
  const idea = await insertIdea(kotak, author, { status });
  return { author, idea: { id: idea.id, agencyId: p.agency.id } };
}

const upload = (cookie: string, ideaId: number, file: File, kind?: string) =>
  api("POST", `/api/v1/ideas/${ideaId}/attachments`, { cookie, rawBody: uploadForm(file, kind) });
/** A file the contract's upload takes; answers the stored attachment. */
const uploaded = async (cookie: string, ideaId: number, file: File) =>
  bodyOf(await client(cookie).api.v1.ideas[":id"].attachments.$post({ ...byId(ideaId), form: { file } }), 201);

/** Nothing of an upload reached R2 or D1. */
async function expectNothingStored(ideaId: number) {
  expect(await storedKeys(ideaId)).toEqual([]);
  expect(await attachmentRows(ideaId)).toEqual([]);
}

describe("POST /api/v1/ideas/{id}/attachments", () => {
  it("stores the file in R2 and its row in D1, and the idea lists it", async () => {
    const { author, idea } = await ideaOfNewAuthor();
    const body = await uploaded(author.cookie, idea.id, fileOf(PDF, "Proposal Posyandu.pdf", "application/pdf"));
    expect(body).toEqual({
      id: expect.any(Number),
      fileName: "Proposal Posyandu.pdf",
      contentType: "application/pdf",
      size: PDF.length,
      kind: "attachment",
      uploadedBy: author.id,
      createdAt: expect.any(String),
    });
    const [row] = await attachmentRows(idea.id);
    expect(row).toMatchObject({ id: body.id, content_type: "application/pdf", size: PDF.length });
    expect(row!.r2_key).toMatch(new RegExp(`^ideas/${idea.id}/[A-Za-z0-9_-]{20,}$`));
    expect(await storedKeys(idea.id)).toEqual([row!.r2_key]);
    const stored = await env.ATTACHMENTS.get(row!.r2_key);
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(PDF);

    const detail = await bodyOf(await client(author.cookie).api.v1.ideas[":id"].$get(byId(idea.id)), 200);
    expect(detail.attachments).toEqual([expect.objectContaining({ id: body.id, fileName: "Proposal Posyandu.pdf" })]);
  });

  it("accepts every allowed type, recognised by content, with its canonical content type and extension", async () => {
    const files: [keyof typeof FILE_TYPES, Uint8Array][] = [
      ["pdf", PDF],
      ["png", PNG],
      ["jpeg", JPEG],
      ["webp", WEBP],
      ["gif", GIF],
      ["docx", ooxml("word")],
      ["xlsx", ooxml("xl")],
      ["pptx", ooxml("ppt")],
      ["odt", odf("application/vnd.oasis.opendocument.text")],
      ["ods", odf("application/vnd.oasis.opendocument.spreadsheet")],
      ["odp", odf("application/vnd.oasis.opendocument.presentation")],
      ["doc", DOC],
      ["xls", XLS],
      ["ppt", PPT],
    ];
    const { author, idea } = await ideaOfNewAuthor();
    const second = await insertIdea(kotak, author, { status: "draft" });
    for (const [i, [type, bytes]] of files.entries()) {
      const res = await upload(author.cookie, i < 7 ? idea.id : second.id, fileOf(bytes, `berkas ${type}`));
      expect(res.status, type).toBe(201);
      expect(await res.json()).toMatchObject({
        fileName: `berkas ${type}.${FILE_TYPES[type].extension}`,
        contentType: FILE_TYPES[type].contentType,
      });
    }
  });

  it("stores a PNG renamed .pdf (and declared as a PDF) as image/png, named .png", async () => {
    const { author, idea } = await ideaOfNewAuthor();
    const res = await upload(author.cookie, idea.id, fileOf(PNG, "scan KTP.pdf", "application/pdf"));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ fileName: "scan KTP.png", contentType: "image/png" });
    expect((await attachmentRows(idea.id))[0]).toMatchObject({ content_type: "image/png", file_name: "scan KTP.png" });
  });

  it("answers 415 attachment.unsupported_type for an HTML page renamed .pdf, and stores nothing", async () => {
    const { author, idea } = await ideaOfNewAuthor();
    const res = await upload(author.cookie, idea.id, fileOf(HTML, "laporan.pdf", "application/pdf"));
    expect(res.status).toBe(415);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "attachment.unsupported_type" });
    await expectNothingStored(idea.id);
  });

  it("answers 415 for a program renamed .png and for a macro-enabled workbook renamed .xlsx", async () => {
    const { author, idea } = await ideaOfNewAuthor();
    expect((await upload(author.cookie, idea.id, fileOf(EXE, "foto.png", "image/png"))).status).toBe(415);
    const xlsm = ooxml("xl", [["xl/vbaProject.bin", "Attribute VB_Name"]]);
    expect((await upload(author.cookie, idea.id, fileOf(xlsm, "anggaran.xlsx"))).status).toBe(415);
    await expectNothingStored(idea.id);
  });

  it("answers 413 attachment.too_large above 10 MB, stores nothing, and accepts exactly 10 MB", async () => {
    const { author, idea } = await ideaOfNewAuthor();
    const tenMb = new Uint8Array(10 * 1024 * 1024);
    tenMb.set(PDF);
    const over = new Uint8Array(tenMb.length + 1);
    over.set(PDF);
    const res = await upload(author.cookie, idea.id, fileOf(over, "besar.pdf"));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "attachment.too_large" });
    await expectNothingStored(idea.id);
    const exact = await upload(author.cookie, idea.id, fileOf(tenMb, "pas.pdf"));
    expect(exact.status).toBe(201);
    expect(await exact.json()).toMatchObject({ size: tenMb.length });
  });

  it("answers 409 attachment.limit_reached at the eleventh file, keeping the ten", async () => {
    const { author, idea } = await ideaOfNewAuthor();
    for (let i = 0; i < 10; i++) await insertAttachment(idea, author);
    const res = await upload(author.cookie, idea.id, fileOf(PNG, "kesebelas.png"));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "attachment.limit_reached" });
    expect(await storedKeys(idea.id)).toHaveLength(10);
    expect(await attachmentRows(idea.id)).toHaveLength(10);
  });

  describe("when the D1 write fails after the object reached R2", () => {
    // raw D1 on purpose: a trigger is DDL, which drizzle's builders do not write
    const TRIGGER = "test_attachments_fail";
    afterEach(async () => {
      await env.DB.prepare(`DROP TRIGGER IF EXISTS ${TRIGGER}`).run();
    });

    it("deletes the object: nothing is left in R2 or D1", async () => {
      const { author, idea } = await ideaOfNewAuthor();
      await env.DB.prepare(
        `CREATE TRIGGER ${TRIGGER} BEFORE INSERT ON attachments WHEN NEW.idea_id = ${idea.id} BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`,
      ).run();
      const res = await upload(author.cookie, idea.id, fileOf(PNG, "foto.png"));
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ code: "internal" });
      await expectNothingStored(idea.id);
    });
  });

  it("lets an accepted co-author upload, not an invited one (403), nor an ASN outside the team", async () => {
    const { author, idea } = await ideaOfNewAuthor("submitted");
    const [coauthor, invited] = [await colleague(), await colleague()];
    await addCoauthor(idea, coauthor);
    await addCoauthor(idea, invited, { accepted: false });
    expect((await upload(coauthor.cookie, idea.id, fileOf(PNG, "a.png"))).status).toBe(201);
    const refused = await upload(invited.cookie, idea.id, fileOf(PNG, "b.png"));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "attachment.not_permitted" });
    expect((await upload(p.asn.cookie, idea.id, fileOf(PNG, "c.png"))).status).toBe(403);
    expect(await attachmentRows(idea.id)).toHaveLength(1);
    expect(author.id).not.toBe(coauthor.id);
  });

  it("answers 409 attachment.closed to the team once review has started", async () => {
    const { author, idea } = await ideaOfNewAuthor("in_review");
    const res = await upload(author.cookie, idea.id, fileOf(PNG, "telat.png"));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "attachment.closed" });
    await expectNothingStored(idea.id);
  });

  it("lets a chair or an admin add evidence to an approved idea, but not a plain attachment", async () => {
    const { idea } = await ideaOfNewAuthor("approved");
    const chair = await colleague();
    await seatOnCommittee(kotak, chair, "chair");
    const evidence = await upload(chair.cookie, idea.id, fileOf(PDF, "berita acara.pdf"), "evidence");
    expect(evidence.status).toBe(201);
    expect(await evidence.json()).toMatchObject({ kind: "evidence", uploadedBy: chair.id });
    expect((await upload(p.admin.cookie, idea.id, fileOf(JPEG, "foto kegiatan.jpg"), "evidence")).status).toBe(201);
    expect((await upload(chair.cookie, idea.id, fileOf(PDF, "lain.pdf"))).status).toBe(403);
    expect((await upload(p.leader.cookie, idea.id, fileOf(PDF, "lain.pdf"), "evidence")).status).toBe(403);
  });

  it("answers 422 without a file, with an unknown kind or with fields a caller must not set", async () => {
    const { author, idea } = await ideaOfNewAuthor();
    const noFile = new FormData();
    noFile.append("kind", "attachment");
    const bad = [
      noFile,
      uploadForm(fileOf(PNG, "a.png"), "rahasia"),
      (() => {
        const form = uploadForm(fileOf(PNG, "a.png"));
        form.append("uploadedBy", String(p.admin.user.id));
        return form;
      })(),
    ];
    for (const form of bad) {
      const res = await api("POST", `/api/v1/ideas/${idea.id}/attachments`, { cookie: author.cookie, rawBody: form });
      expect(res.status).toBe(422);
    }
    await expectNothingStored(idea.id);
  });

  it("answers 404 for a draft of someone else and for another agency's idea", async () => {
    const { idea } = await ideaOfNewAuthor();
    expect((await upload(p.asn.cookie, idea.id, fileOf(PNG, "a.png"))).status).toBe(404);
    const foreign = await insertIdea(await openCampaign(p.otherAgency), p.otherAdmin.user);
    expect((await upload(p.asn.cookie, foreign.id, fileOf(PNG, "a.png"))).status).toBe(404);
    await expectNothingStored(foreign.id);
  });
});

describe("GET /api/v1/ideas/{id}/attachments/{attachmentId}", () => {
  it("serves the bytes as a download with the stored type, an encoded name, nosniff and no shared caching", async () => {
    const { author, idea } = await ideaOfNewAuthor("submitted");
    const { id } = await uploaded(author.cookie, idea.id, fileOf(PDF, "Laporan Nanggroë (final).pdf"));
    const res = await api("GET", `/api/v1/ideas/${idea.id}/attachments/${id}`, { cookie: p.reviewer.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="Laporan Nanggroe (final).pdf"; filename*=UTF-8''Laporan%20Nanggro%C3%AB%20%28final%29.pdf`,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("private, max-age=0");
    expect(res.headers.get("content-length")).toBe(String(PDF.length));
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
  });

  it("shows a draft's files to its team only", async () => {
    const { author, idea } = await ideaOfNewAuthor();
    const invited = await colleague();
    await addCoauthor(idea, invited, { accepted: false });
    const { id } = await insertAttachment(idea, author);
    const path = `/api/v1/ideas/${idea.id}/attachments/${id}`;
    expect((await api("GET", path, { cookie: author.cookie })).status).toBe(200);
    expect((await api("GET", path, { cookie: invited.cookie })).status).toBe(200);
    expect((await api("GET", path, { cookie: p.admin.cookie })).status).toBe(404);
  });

  it("answers 404 for another agency's attachment and for an attachment asked through another idea", async () => {
    const foreignIdea = await insertIdea(await openCampaign(p.otherAgency), p.otherAdmin.user);
    const foreign = await insertAttachment({ id: foreignIdea.id, agencyId: p.otherAgency.id }, p.otherAdmin.user);
    const res = await api("GET", `/api/v1/ideas/${foreignIdea.id}/attachments/${foreign.id}`, {
      cookie: p.admin.cookie,
    });
    expect(res.status).toBe(404);
    const { author, idea } = await ideaOfNewAuthor("submitted");
    expect(
      (await api("GET", `/api/v1/ideas/${idea.id}/attachments/${foreign.id}`, { cookie: author.cookie })).status,
    ).toBe(404);
  });
});

describe("DELETE /api/v1/ideas/{id}/attachments/{attachmentId}", () => {
  it("lets the uploader remove a file: the row and the object are gone", async () => {
    const { author, idea } = await ideaOfNewAuthor();
    const coauthor = await colleague();
    await addCoauthor(idea, coauthor);
    const { id } = await uploaded(coauthor.cookie, idea.id, fileOf(PNG, "a.png"));
    const res = await api("DELETE", `/api/v1/ideas/${idea.id}/attachments/${id}`, { cookie: coauthor.cookie });
    expect(res.status).toBe(204);
    await expectNothingStored(idea.id);
    expect((await api("GET", `/api/v1/ideas/${idea.id}/attachments/${id}`, { cookie: author.cookie })).status).toBe(
      404,
    );
  });

  it("lets an author remove a co-author's file, and refuses an ASN outside the team (403)", async () => {
    const { author, idea } = await ideaOfNewAuthor("submitted");
    const coauthor = await colleague();
    await addCoauthor(idea, coauthor);
    const file = await insertAttachment(idea, coauthor);
    const refused = await api("DELETE", `/api/v1/ideas/${idea.id}/attachments/${file.id}`, { cookie: p.asn.cookie });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "attachment.not_permitted" });
    expect(await storedKeys(idea.id)).toEqual([file.r2Key]);
    expect(
      (await api("DELETE", `/api/v1/ideas/${idea.id}/attachments/${file.id}`, { cookie: author.cookie })).status,
    ).toBe(204);
    await expectNothingStored(idea.id);
  });

  it("answers 409 attachment.closed once review has started, keeping the file", async () => {
    const { author, idea } = await ideaOfNewAuthor("in_review");
    const file = await insertAttachment(idea, author);
    const res = await api("DELETE", `/api/v1/ideas/${idea.id}/attachments/${file.id}`, { cookie: author.cookie });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "attachment.closed" });
    expect(await storedKeys(idea.id)).toEqual([file.r2Key]);
  });

  it("answers 404 for another agency's attachment", async () => {
    const foreignIdea = await insertIdea(await openCampaign(p.otherAgency), p.otherAdmin.user, { status: "draft" });
    const foreign = await insertAttachment({ id: foreignIdea.id, agencyId: p.otherAgency.id }, p.otherAdmin.user);
    const res = await api("DELETE", `/api/v1/ideas/${foreignIdea.id}/attachments/${foreign.id}`, {
      cookie: p.admin.cookie,
    });
    expect(res.status).toBe(404);
    expect(await storedKeys(foreignIdea.id)).toEqual([foreign.r2Key]);
  });
});

describe("the attachment row re-checks its conditions inside the batch", () => {
  const write = async (
    idea: { id: number; agencyId: number },
    uploader: TestUser,
    statuses: ("draft" | "submitted")[],
  ) => {
    const db = createDb(env.DB);
    const [result] = await runBatch(db, [
      attachFile(db, {
        agencyId: idea.agencyId,
        ideaId: idea.id,
        r2Key: `ideas/${idea.id}/${crypto.randomUUID()}`,
        fileName: "foto.png",
        contentType: "image/png",
        size: PNG.length,
        kind: "attachment",
        uploadedBy: uploader.id,
        statuses,
        now: Date.now(),
      }),
    ]);
    return result!.meta.changes;
  };

  it("writes nothing when the idea left the statuses the upload was planned for", async () => {
    const { author, idea } = await ideaOfNewAuthor("in_review");
    expect(await write(idea, author, ["draft", "submitted"])).toBe(0);
    expect(await attachmentRows(idea.id)).toEqual([]);
  });

  it("writes nothing when the idea reached its ten files in between", async () => {
    const { author, idea } = await ideaOfNewAuthor();
    for (let i = 0; i < 10; i++) await insertAttachment(idea, author);
    expect(await write(idea, author, ["draft", "submitted"])).toBe(0);
    expect(await attachmentRows(idea.id)).toHaveLength(10);
  });
});
