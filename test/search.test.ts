/**
 * Search that understands Indonesian: one normaliser for the index and the query (spelling
 * variants, joined and hyphenated spellings, affixes), the agency's synonyms, and the scheduler
 * that normalises ideas written without it (seeds, restores, ideas from before migration 0011).
 */
import { env } from "cloudflare:test";
import { eq, inArray, isNull, or, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ideas } from "../src/db/schema";
import { auditRows } from "./fixtures/admin";
import { createPersonas } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { api } from "./fixtures/http";
import { COMPLETE_IDEA, insertIdea, openCampaign } from "./fixtures/ideas";
import { runScheduler } from "./fixtures/scheduler";
import { bodyOf, client } from "./fixtures/client";

let p: Awaited<ReturnType<typeof createPersonas>>;
const ids: Record<string, number> = {};

const IDEAS: Record<string, { title: string; problem: string }> = {
  antrean: {
    title: "Antrean daring di loket Disdukcapil",
    problem: "Warga menunggu berjam-jam tanpa nomor urut yang jelas.",
  },
  ktp: { title: "Perekaman KTP-el di kelurahan", problem: "Kantor dinas jauh dari permukiman warga." },
  layanan: { title: "Layanan jemput bola bagi lansia", problem: "Lansia sulit datang ke kantor." },
  puskesmas: { title: "Rekam medis elektronik Puskesmas", problem: "Berkas pasien sering hilang di rak." },
  izin: { title: "Perizinan usaha mikro tanpa tatap muka", problem: "Pelaku usaha harus bolak-balik." },
  sampah: { title: "Bank sampah sekolah", problem: "Sampah plastik menumpuk di halaman." },
};

/** Query → the ideas it must find (and nothing else of this table). */
const CASES: [string, string[]][] = [
  ["antrian", ["antrean"]],
  ["ANTREAN", ["antrean"]],
  ["ektp", ["ktp"]],
  ["e-KTP", ["ktp"]],
  ["KTP el", ["ktp"]],
  ["pelayanan", ["layanan"]],
  ["melayani lansia", ["layanan"]],
  ["ijin usaha", ["izin"]],
  ["izin", ["izin"]],
  ["berkas-berkas pasien", ["puskesmas"]],
  ["sampahnya", ["sampah"]],
];

const search = async (q: string, cookie = p.asn.cookie) => {
  const res = await client(cookie).api.v1.ideas.$get({ query: { q, limit: "50" } });
  return (await bodyOf(res, 200)).items.map((i) => i.id);
};

const found = (list: number[]) =>
  Object.entries(ids)
    .filter(([, id]) => list.includes(id))
    .map(([key]) => key)
    .sort();

beforeAll(async () => {
  p = await createPersonas();
  const campaign = await openCampaign(p.agency);
  for (const [key, idea] of Object.entries(IDEAS)) ids[key] = (await insertIdea(campaign, p.asn.user, idea)).id;
  // each its own solution (the builder gives every idea the same one)
  await testDb
    .update(ideas)
    .set({ solution: sql`'Usulan nomor ' || ${ideas.id}` })
    .where(inArray(ideas.id, Object.values(ids)));
  // inserted as a seed would, without search text: the scheduler normalises them
  await runScheduler();
});

describe("GET /api/v1/ideas?q= (Indonesian)", () => {
  it.each(CASES)("finds %s → %j", async (q, expected) => {
    expect(found(await search(q))).toEqual(expected.sort());
  });

  it("has the scheduler fill in every idea's search text, and the index holds it", async () => {
    const row = await testDb.select({ t: ideas.searchTitle }).from(ideas).where(eq(ideas.id, ids.layanan!)).get();
    expect(row?.t).toContain("layan");
    const pending = await testDb.$count(
      ideas,
      or(isNull(ideas.searchTitle), isNull(ideas.searchProblem), isNull(ideas.searchSolution)),
    );
    expect(pending).toBe(0);
  });

  it("indexes an idea written through the API at once, and again when its draft is edited", async () => {
    const res = await client(p.reviewer.cookie).api.v1.ideas.$post({
      json: { ...COMPLETE_IDEA, title: "Pengantrian obat di apotik rumah sakit" },
    });
    const { id } = await bodyOf(res, 201);
    // the author's own drafts are searchable in "mine"
    const mine = async (q: string) =>
      (await bodyOf(await client(p.reviewer.cookie).api.v1.ideas.$get({ query: { mine: "true", q } }), 200)).items.map(
        (i) => i.id,
      );
    expect(await mine("antrian apotek")).toContain(id);
    const edit = await api("PATCH", `/api/v1/ideas/${id}`, {
      cookie: p.reviewer.cookie,
      body: { title: "Pemesanan obat lewat WhatsApp" },
    });
    expect(edit.status).toBe(200);
    expect(await mine("apotek")).not.toContain(id);
    expect(await mine("pesan obat")).toContain(id);
  });

  it("does not let the scheduler overwrite an edit made after it read the idea", async () => {
    const campaign = await openCampaign(p.agency);
    const { id } = await insertIdea(campaign, p.asn.user, { title: "Judul lama", problem: "Masalah" });
    // an edit between the scheduler's read and its write: the text no longer matches what it normalised
    await testDb.update(ideas).set({ title: "Judul baru" }).where(eq(ideas.id, id));
    const { setSearchTextStatement } = await import("../src/db/queries/search-synonyms.queries");
    const { createDb } = await import("../src/db/client");
    const db = createDb(env.DB);
    const stale = { id, title: "Judul lama", problem: "Masalah", solution: COMPLETE_IDEA.solution };
    const result = await setSearchTextStatement(db, stale, {
      searchTitle: "judul lama",
      searchProblem: "masalah",
      searchSolution: "",
    });
    expect(result.meta.changes).toBe(0);
    await runScheduler();
    expect(found(await search("baru"))).toEqual([]);
    expect(await search("judul baru")).toContain(id);
  });
});

describe("PUT /api/v1/agency/search-synonyms", () => {
  const groups = [
    ["Disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil"],
    ["Puskesmas", "Pusat Kesehatan Masyarakat"],
    ["OPD", "Organisasi Perangkat Daerah", "SKPD"],
  ];

  it("replaces the list, audits it, and makes abbreviations find what they stand for", async () => {
    expect(found(await search("pusat kesehatan masyarakat"))).toEqual([]);
    const synonyms = client(p.admin.cookie).api.v1.agency["search-synonyms"];
    const body = await bodyOf(await synonyms.$put({ json: { groups } }), 200);
    expect(body.items.map((i) => i.terms)).toEqual(groups);
    expect(found(await search("pusat kesehatan masyarakat"))).toEqual(["puskesmas"]);
    expect(found(await search("dinas kependudukan dan pencatatan sipil"))).toEqual(["antrean"]);
    expect(found(await search("antrian dukcapil"))).toEqual([]);
    const audit = await auditRows(p.agency.id, "search_synonyms.update");
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toEqual({ groups: { from: 0, to: 3 } });
    // the other agency's searches are untouched
    const other = await client(p.otherAdmin.cookie).api.v1.agency["search-synonyms"].$get();
    expect((await bodyOf(other, 200)).items).toEqual([]);
  });

  it("uses the synonyms for similar-idea hints too", async () => {
    await api("PUT", "/api/v1/agency/search-synonyms", { cookie: p.admin.cookie, body: { groups } });
    const res = await client(p.asn.cookie).api.v1.ideas.similar.$get({ query: { text: "Pusat Kesehatan Masyarakat" } });
    const items = (await bodyOf(res, 200)).items.map((i) => i.id);
    expect(items).toContain(ids.puskesmas);
  });

  it("folds repeated terms and drops groups left with one", async () => {
    const res = await client(p.admin.cookie).api.v1.agency["search-synonyms"].$put({
      json: {
        groups: [
          ["SKPD", "skpd"],
          ["Bapenda", "Badan  Pendapatan Daerah", "bapenda"],
        ],
      },
    });
    expect((await bodyOf(res, 200)).items.map((i) => i.terms)).toEqual([["Bapenda", "Badan Pendapatan Daerah"]]);
  });

  it("answers 422 for a group of one term or a term without letters", async () => {
    for (const bad of [[["Disdukcapil"]], [["---", "Dinas"]]]) {
      const res = await api("PUT", "/api/v1/agency/search-synonyms", {
        cookie: p.admin.cookie,
        body: { groups: bad },
      });
      expect(res.status).toBe(422);
    }
  });
});
