import { and, eq, inArray, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { complaints, ideas, problems } from "../src/db/schema";
import { createAgency, createPersonas, createUnit, createUser, signIn, type TestUnit } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { api } from "./fixtures/http";
import { insertIdea, openCampaign, type TestCampaign } from "./fixtures/ideas";
import { bodyOf, byId, client, problemOf } from "./fixtures/client";

type Personas = Awaited<ReturnType<typeof createPersonas>>;

let p: Personas;
let unit: TestUnit;
let kotakIde: TestCampaign;
beforeAll(async () => {
  p = await createPersonas();
  unit = await createUnit(p.agency, { code: `DUKCAPIL-${Date.now()}`, name: "Dinas Kependudukan Uji" });
  kotakIde = await openCampaign(p.agency);
});

let seq = 0;
const uid = () => `LAP-${Date.now()}-${++seq}`;

function upload(cookie: string, csv: string, preview = false) {
  return client(cookie).api.v1.problems.import.$post({
    query: preview ? { preview: "true" } : {},
    form: { file: new File([csv], "keluhan.csv", { type: "text/csv" }) },
  });
}
const imported = async (cookie: string, csv: string, preview = false) =>
  bodyOf(await upload(cookie, csv, preview), 200);

const header = "id_laporan,tanggal,saluran,kategori,isi,lokasi,unit,nama_pelapor,email";
const line = (id: string, text: string, category = "Kependudukan", unitCode = unit.code) =>
  `${id},2026-03-02,SP4N-LAPOR!,${category},"${text}",Binjai Kota,${unitCode},Budi Santoso,budi@contoh.id`;
const csvOf = (...lines: string[]) => [header, ...lines].join("\r\n") + "\r\n";

const complaintsOfAgency = (agencyId: number) => testDb.$count(complaints, eq(complaints.agencyId, agencyId));
const complaintsWithId = (externalId: string) => testDb.$count(complaints, eq(complaints.externalId, externalId));
const problemOfComplaint = async (externalId: string) =>
  (await testDb
    .select({ problemId: complaints.problemId })
    .from(complaints)
    .where(eq(complaints.externalId, externalId))
    .get())!.problemId;
const getProblem = async (cookie: string, id: number) =>
  bodyOf(await client(cookie).api.v1.problems[":id"].$get(byId(id)), 200);
const createProblem = async (cookie: string, json: { title: string; category?: string; unitId?: number }) =>
  bodyOf(await client(cookie).api.v1.problems.$post({ json }), 201);
const setIdeaProblems = (cookie: string, ideaId: number, problemIds: number[]) =>
  client(cookie).api.v1.ideas[":id"].problems.$put({ ...byId(ideaId), json: { problemIds } });

describe("POST /api/v1/problems/import", () => {
  it("stores the complaints without the complainant's data and groups similar ones", async () => {
    const [a, b, c] = [uid(), uid(), uid()];
    const res = await upload(
      p.admin.cookie,
      csvOf(
        line(a, "Antrean perekaman KTP elektronik sangat lama, saya 0812-3456-7890"),
        line(b, "Antrian perekaman e-KTP lama sekali, NIK saya 1275010101900001"),
        line(c, "Lampu jalan mati di depan pasar", "Penerangan"),
      ),
    );
    const body = await bodyOf(res, 200);
    expect(body).toMatchObject({ stored: true, created: 3, unchanged: 0, newProblems: 2, redactions: 2 });
    expect(body.droppedColumns).toEqual(["nama_pelapor", "email"]);

    const stored = await testDb
      .select()
      .from(complaints)
      .where(inArray(complaints.externalId, [a, b, c]));
    const text = JSON.stringify(stored);
    for (const secret of ["Budi", "budi@contoh.id", "0812-3456-7890", "1275010101900001"])
      expect(text).not.toContain(secret);

    const ktp = stored.filter((r) => r.externalId !== c).map((r) => r.problemId);
    expect(new Set(ktp).size).toBe(1);
    const problem = await getProblem(p.asn.cookie, ktp[0]!);
    expect(problem.complaintCount).toBe(2);
    expect(problem.complaints.map((x) => x.text)).toContain(
      "Antrean perekaman KTP elektronik sangat lama, saya [telepon]",
    );
  });

  it("imports the same file again without changing anything", async () => {
    const csv = csvOf(line(uid(), "Sampah menumpuk di pasar tradisional", "Kebersihan"));
    expect((await imported(p.admin.cookie, csv)).created).toBe(1);
    const before = await complaintsOfAgency(p.agency.id);
    const again = await imported(p.admin.cookie, csv);
    expect(again).toMatchObject({ created: 0, unchanged: 1, newProblems: 0 });
    expect(await complaintsOfAgency(p.agency.id)).toBe(before);
  });

  it("adds a later complaint to the problem its twin founded", async () => {
    const first = uid();
    await upload(p.admin.cookie, csvOf(line(first, "Air PDAM keruh dan berbau sejak seminggu", "Air Bersih")));
    const res = await imported(
      p.admin.cookie,
      csvOf(line(uid(), "Air PDAM keruh berbau sudah seminggu", "Air Bersih")),
    );
    expect(res).toMatchObject({ created: 1, newProblems: 0, joinedProblems: 1 });
    const problemId = await problemOfComplaint(first);
    expect((await getProblem(p.admin.cookie, problemId)).complaintCount).toBe(2);
  });

  it("refuses a file with a bad row, naming row and column, and stores nothing of it", async () => {
    const good = uid();
    const res = await upload(
      p.admin.cookie,
      csvOf(
        line(good, "Jalan berlubang di Jalan Sudirman", "Jalan"),
        `${uid()},32/13/2026,Web,Jalan,Rusak,X,${unit.code},,`,
      ),
    );
    const body = await problemOf(res, 422);
    expect(body.code).toBe("complaint_import.invalid");
    expect(body.errors).toEqual([expect.objectContaining({ path: "row 3.tanggal", code: "complaint.date_invalid" })]);
    expect(await complaintsWithId(good)).toBe(0);
  });

  it("refuses a unit the agency does not have", async () => {
    const res = await upload(p.admin.cookie, csvOf(line(uid(), "Jalan rusak", "Jalan", "TIDAK-ADA")));
    expect((await problemOf(res, 422)).errors).toEqual([
      expect.objectContaining({ path: "row 2.unit", code: "unit.not_found" }),
    ]);
  });

  it("previews without storing", async () => {
    const id = uid();
    const res = await imported(p.admin.cookie, csvOf(line(id, "Parkir liar di trotoar", "Parkir")), true);
    expect(res).toMatchObject({ stored: false, created: 1, newProblems: 1 });
    expect(res.groups[0]).toMatchObject({ problemId: null, complaints: 1, sample: "Parkir liar di trotoar" });
    expect(await complaintsWithId(id)).toBe(0);
  });

  it("is the admin's: an ASN or a leader is refused", async () => {
    for (const who of [p.asn, p.leader]) expect((await upload(who.cookie, csvOf(line(uid(), "x")))).status).toBe(403);
  });
});

describe("problems, merge, split", () => {
  it("writes a challenge, renames it, merges another into it and splits it again", async () => {
    const a = await createProblem(p.admin.cookie, {
      title: "Izin usaha terlalu lama",
      category: "Perizinan",
      unitId: unit.id,
    });
    await upload(
      p.admin.cookie,
      csvOf(
        line(uid(), "Pengurusan izin usaha mikro memakan waktu sebulan", "Perizinan"),
        line(uid(), "Izin reklame ditolak tanpa alasan jelas sama sekali", "Perizinan"),
      ),
    );
    const renamed = await client(p.admin.cookie).api.v1.problems[":id"].$patch({
      ...byId(a.id),
      json: { title: "Perizinan usaha lambat" },
    });
    expect((await bodyOf(renamed, 200)).title).toBe("Perizinan usaha lambat");

    const others = await testDb
      .select({ id: problems.id })
      .from(problems)
      .where(and(eq(problems.agencyId, p.agency.id), eq(problems.category, "Perizinan"), ne(problems.id, a.id)));
    for (const o of others) {
      const merged = await api("POST", `/api/v1/problems/${o.id}/merge`, {
        cookie: p.admin.cookie,
        body: { intoId: a.id },
      });
      expect(merged.status).toBe(200);
    }
    const whole = await getProblem(p.admin.cookie, a.id);
    expect(whole.complaintCount).toBe(2);
    expect((await api("GET", `/api/v1/problems/${others[0]!.id}`, { cookie: p.admin.cookie })).status).toBe(404);

    const split = await client(p.admin.cookie).api.v1.problems[":id"].split.$post({
      ...byId(a.id),
      json: { complaintIds: [whole.complaints[0]!.id], title: "Izin reklame" },
    });
    expect((await bodyOf(split, 201)).complaintCount).toBe(1);
    expect((await getProblem(p.admin.cookie, a.id)).complaintCount).toBe(1);

    const all = await api("POST", `/api/v1/problems/${a.id}/split`, {
      cookie: p.admin.cookie,
      body: { complaintIds: [(await getProblem(p.admin.cookie, a.id)).complaints[0]!.id], title: "Semua" },
    });
    expect((await problemOf(all, 422)).errors?.[0]?.code).toBe("problem.split_all");
  });

  it("lists problems most complaints first, with search and filters", async () => {
    const list = (query: { q?: string; limit?: string; answered?: "true" }) =>
      client(p.asn.cookie).api.v1.problems.$get({ query });
    const body = await bodyOf(await list({ q: "Antrean", limit: "5" }), 200);
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((i) => i.title.includes("Antrean"))).toBe(true);
    expect(body.categories).toContain("Kependudukan");
    const unanswered = await bodyOf(await list({ answered: "true" }), 200);
    expect(unanswered.items.every((i) => i.ideaCount > 0)).toBe(true);
  });
});

describe("ideas answering problems, and the dashboard", () => {
  it("lets the idea's team link it; the problem lists it; the dashboard counts its complaints once implemented", async () => {
    const author = await createUser(unit, { name: "Penggagas Antrean" });
    const cookie = await signIn(author);
    const ids = [uid(), uid(), uid()];
    await upload(
      p.admin.cookie,
      csvOf(
        ...ids.map((id, i) =>
          line(id, `Pembayaran retribusi pasar hanya tunai, tidak bisa transfer ${"x".repeat(i)}`, "Retribusi"),
        ),
      ),
    );
    const problemId = await problemOfComplaint(ids[0]!);
    expect((await getProblem(cookie, problemId)).complaintCount).toBe(3);
    const idea = await insertIdea(kotakIde, author, { status: "approved", title: "Retribusi pasar lewat QRIS" });

    const summary = async () => bodyOf(await client(p.leader.cookie).api.v1.problems.summary.$get(), 200);
    const before = (await summary()).complaintsAnswered;

    expect(
      (
        await api("PUT", `/api/v1/ideas/${idea.id}/problems`, {
          cookie: p.asn.cookie,
          body: { problemIds: [problemId] },
        })
      ).status,
    ).toBe(403);
    const linked = await setIdeaProblems(cookie, idea.id, [problemId, problemId]);
    expect((await bodyOf(linked, 200)).items.map((i) => i.id)).toEqual([problemId]);
    expect((await getProblem(p.asn.cookie, problemId)).ideas).toEqual([
      { id: idea.id, title: "Retribusi pasar lewat QRIS", status: "approved" },
    ]);
    expect((await summary()).complaintsAnswered).toBe(before);

    await testDb.update(ideas).set({ status: "implemented" }).where(eq(ideas.id, idea.id));
    const second = await insertIdea(kotakIde, author, { status: "implemented", title: "Retribusi lewat transfer" });
    await api("PUT", `/api/v1/ideas/${second.id}/problems`, { cookie, body: { problemIds: [problemId] } });
    expect((await summary()).complaintsAnswered).toBe(before + 3);

    const unlinked = await setIdeaProblems(cookie, idea.id, []);
    expect((await bodyOf(unlinked, 200)).items).toEqual([]);
  });

  it("refuses a problem of another agency as not found", async () => {
    const other = await createAgency("Kota Seberang");
    const otherUnit = await createUnit(other);
    const otherAdmin = await signIn(await createUser(otherUnit, { roles: ["asn", "admin"] }));
    const created = await createProblem(otherAdmin, { title: "Masalah kota seberang" });
    expect((await api("GET", `/api/v1/problems/${created.id}`, { cookie: p.admin.cookie })).status).toBe(404);
    const author = await createUser(unit);
    const idea = await insertIdea(kotakIde, author);
    const res = await api("PUT", `/api/v1/ideas/${idea.id}/problems`, {
      cookie: await signIn(author),
      body: { problemIds: [created.id] },
    });
    expect((await problemOf(res, 422)).errors?.[0]).toMatchObject({
      path: "json.problemIds.0",
      code: "problem.not_found",
    });
    const list = await bodyOf(await client(p.admin.cookie).api.v1.problems.$get({ query: { q: "seberang" } }), 200);
    expect(list.items).toEqual([]);
  });
});

const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const schedule = {
  submissionStart: at(1),
  submissionEnd: at(20),
  votingStart: at(5),
  votingEnd: at(30),
  reviewStart: at(30),
  reviewEnd: at(45),
  announcementAt: at(50),
};

describe("POST /api/v1/problems/{id}/campaigns", () => {
  it("lets a leader open a competition from a problem, linked to it", async () => {
    const problem = await createProblem(p.admin.cookie, { title: "Banjir di jalan protokol" });
    const res = await client(p.leader.cookie).api.v1.problems[":id"].campaigns.$post({
      ...byId(problem.id),
      json: { title: "Tantangan Inovasi: Banjir", description: "Dari bank masalah", ...schedule },
    });
    const campaign = await bodyOf(res, 201);
    expect(campaign.criteria.length).toBeGreaterThan(0);
    expect((await getProblem(p.asn.cookie, problem.id)).campaigns).toEqual([
      { id: campaign.id, title: "Tantangan Inovasi: Banjir" },
    ]);
    expect(
      (
        await api("POST", `/api/v1/problems/${problem.id}/campaigns`, {
          cookie: p.asn.cookie,
          body: { title: "Tidak boleh", ...schedule },
        })
      ).status,
    ).toBe(403);
  });
});
