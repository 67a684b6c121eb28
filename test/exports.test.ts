import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ideas, implementationReports } from "../src/db/schema";
import { parseCsv } from "../src/lib/csv";
import { escapeHtml, html, paragraphs } from "../src/lib/html";
import { ApiError } from "../src/lib/problem";
import { renderPages } from "../src/routes/exports/csv-export";
import { DOSSIER_SECTIONS } from "../src/routes/exports/dossier-view";
import { createAgency, createPersonas, createUnit, createUser, signIn } from "./fixtures/builders";
import { fieldErrors } from "./fixtures/client";
import { testDb } from "./fixtures/db";
import { insertAward, insertLedgerRow, insertManyIdeas } from "./fixtures/exports";
import { api, d1Cost } from "./fixtures/http";
import { addCoauthor, insertAttachment } from "./fixtures/idea-team";
import { competition, insertIdea, insertVote, openCampaign, seatOnCommittee } from "./fixtures/ideas";
import { insertImplementationReport } from "./fixtures/reviews";

const BOM = [0xef, 0xbb, 0xbf];
const at = (isoUtc: string) => Date.parse(isoUtc);

async function csvOf(res: Response) {
  const bytes = new Uint8Array(await res.clone().arrayBuffer());
  const text = await res.text();
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(`CSV does not parse: ${parsed.message} (row ${parsed.row})`);
  return { bytes, text, rows: parsed.records.map((r) => r.cells) };
}

/** Asserts what every CSV export shares: type, name, BOM, header. */
async function expectCsv(res: Response, name: string, slug: string, header: string[]) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(res.headers.get("content-disposition")).toMatch(
    new RegExp(`^attachment; filename="${name}-${slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
  );
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  const csv = await csvOf(res);
  expect([...csv.bytes.slice(0, 3)]).toEqual(BOM);
  expect(csv.rows[0]).toEqual(header);
  return csv;
}

const get = (cookie: string, path: string) => api("GET", path, { cookie });

const IDEAS_HEADER = [
  "ID Ide",
  "Judul",
  "Status",
  "Kampanye",
  "Kategori",
  "Unit",
  "Pengusul",
  "Tim",
  "Dukungan",
  "Komentar",
  "Skor Penilaian",
  "Diajukan",
  "Diputuskan",
  "Alasan Keputusan",
  "Mereplikasi",
];

describe("escapeHtml and the html template", () => {
  it("turns the five markup characters into entities and leaves the rest", () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;",
    );
    expect(escapeHtml("Kuala Nanggroë — «antrean» café")).toBe("Kuala Nanggroë — «antrean» café");
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });

  it("escapes interpolated text but keeps nested templates as markup", () => {
    const title = '<img src=x onerror="alert(1)">';
    // prettier-ignore
    const out = html`<h1>${title}</h1><ul>${["a<b", "c"].map((x) => html`<li>${x}</li>`)}</ul>${null}${false}`.toString();
    expect(out).toBe("<h1>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</h1><ul><li>a&lt;b</li><li>c</li></ul>");
  });

  it("makes paragraphs of blank-line-separated text, escaped", () => {
    expect(paragraphs("Satu <b>\n\nDua\r\ntiga").toString()).toBe("<p>Satu &lt;b&gt;</p><p>Dua<br>tiga</p>");
  });
});

describe("renderPages", () => {
  it("answers 413 export.too_large once the rows pass the cap", async () => {
    const pages = [
      { rows: [[1], [2]], next: 1 },
      { rows: [[3], [4]], next: null },
    ];
    const read = (after: number | undefined) => Promise.resolve(pages[after ?? 0]!);
    await expect(renderPages(["n"], "comma", read, "filter by campaign", 3)).rejects.toMatchObject({
      status: 413,
      code: "export.too_large",
    });
    const chunks = await renderPages(["n"], "comma", read, "filter by campaign", 4);
    expect(chunks.join("")).toBe("\uFEFFn\r\n1\r\n2\r\n3\r\n4\r\n");
    expect(new ApiError(413, "export.too_large").status).toBe(413);
  });
});

describe("GET /api/v1/exports/ideas.csv", () => {
  it("downloads the agency's listed ideas with Bahasa headers, WIB times and Indonesian text intact", async () => {
    const p = await createPersonas();
    const campaign = await competition(p.agency, "review");
    const colleague = await createUser(p.unit, { name: "Teuku Ramadhanë" });
    const original = await insertIdea(await openCampaign(p.otherAgency), p.otherAdmin.user, {
      status: "implemented",
      title: "Antrean daring Disdukcapil",
    });
    const idea = await insertIdea(campaign, p.asn.user, {
      status: "approved",
      title: "Layanan Café Literasi di Kuala Nanggroë, «tanpa antre»",
      submittedAt: at("2026-03-01T17:30:00Z"),
      decidedAt: at("2026-04-10T02:05:00Z"),
      voteCount: 7,
      replicatesId: original.id,
    });
    await addCoauthor(idea, colleague);
    await testDb
      .update(ideas)
      .set({ decisionReason: "Dampak besar; biaya kecil", reviewScore: 81.256 })
      .where(eq(ideas.id, idea.id));
    await insertIdea(campaign, p.asn.user, { status: "draft", title: "Draf rahasia" });

    const res = await get(p.leader.cookie, "/api/v1/exports/ideas.csv");
    const { rows, text } = await expectCsv(res, "ide", p.agency.slug, IDEAS_HEADER);
    expect(text).not.toContain("Draf rahasia");
    const row = rows.find((r) => r[0] === String(idea.id))!;
    expect(row).toEqual([
      String(idea.id),
      "Layanan Café Literasi di Kuala Nanggroë, «tanpa antre»",
      "Disetujui",
      "Kompetisi Inovasi Pelayanan Publik",
      "Pelayanan Publik",
      expect.stringContaining("Dinas"),
      "Persona asn",
      "Teuku Ramadhanë",
      "7",
      "0",
      "81.26",
      "2026-03-02 00:30",
      "2026-04-10 09:05",
      "Dampak besar; biaya kecil",
      `#${original.id} Antrean daring Disdukcapil (Pemerintah Kota Lain)`,
    ]);
    expect(d1Cost(res).q).toBeGreaterThan(0);
  });

  it("writes semicolons and decimal commas with separator=semicolon", async () => {
    const p = await createPersonas();
    const idea = await insertIdea(await openCampaign(p.agency), p.asn.user, { title: "Satu; dua" });
    await testDb.update(ideas).set({ reviewScore: 72.5 }).where(eq(ideas.id, idea.id));
    const res = await get(p.admin.cookie, "/api/v1/exports/ideas.csv?separator=semicolon");
    const { text, rows } = await expectCsv(res, "ide", p.agency.slug, IDEAS_HEADER);
    // (text() drops the BOM the bytes start with)
    expect(text.split("\r\n")[0]).toBe(IDEAS_HEADER.join(";"));
    const row = rows.find((r) => r[0] === String(idea.id))!;
    expect(row[1]).toBe("Satu; dua");
    expect(row[10]).toBe("72,5");
  });

  it("narrows to one campaign and answers 404 for another agency's campaign", async () => {
    const p = await createPersonas();
    const kotak = await openCampaign(p.agency);
    const kipp = await competition(p.agency, "voting");
    await insertIdea(kotak, p.asn.user, { title: "Di Kotak Ide" });
    await insertIdea(kipp, p.asn.user, { title: "Di kompetisi" });
    const { rows } = await csvOf(await get(p.leader.cookie, `/api/v1/exports/ideas.csv?campaignId=${kipp.id}`));
    expect(rows.slice(1).map((r) => r[1])).toEqual(["Di kompetisi"]);

    const foreign = await openCampaign(p.otherAgency);
    const res = await get(p.leader.cookie, `/api/v1/exports/ideas.csv?campaignId=${foreign.id}`);
    expect(res.status).toBe(404);
  });

  it("leaves the vote count empty while the campaign hides it", async () => {
    const p = await createPersonas();
    const hidden = await competition(p.agency, "voting", { hideVotesUntilClosed: true });
    const idea = await insertIdea(hidden, p.asn.user, { voteCount: 4 });
    const { rows } = await csvOf(await get(p.admin.cookie, "/api/v1/exports/ideas.csv"));
    expect(rows.find((r) => r[0] === String(idea.id))![8]).toBe("");
  });

  it("gives a leader who reviews a campaign blind no team, unit or votes for its ideas under review", async () => {
    const p = await createPersonas();
    const blind = await competition(p.agency, "review", { blindReview: true });
    const leaderReviewer = await createUser(p.unit, { roles: ["asn", "leader", "reviewer"] });
    await seatOnCommittee(blind, leaderReviewer, "reviewer");
    const idea = await insertIdea(blind, p.asn.user, { status: "in_review", voteCount: 3 });
    const { rows } = await csvOf(await get(await signIn(leaderReviewer), "/api/v1/exports/ideas.csv"));
    const row = rows.find((r) => r[0] === String(idea.id))!;
    expect([row[5], row[6], row[7], row[8]]).toEqual(["", "", "", ""]);
    expect(rows.flat()).not.toContain("Persona asn");
  });

  it("pages through more than 1,000 ideas in submission order, each once, at a cost of its own rows", async () => {
    const p = await createPersonas();
    await insertManyIdeas(await openCampaign(p.agency), p.asn.user, 1_205, at("2026-01-01T00:00:00Z"));
    const res = await get(p.leader.cookie, "/api/v1/exports/ideas.csv");
    const { rows } = await csvOf(res);
    const titles = rows.slice(1).map((r) => r[1]);
    expect(titles).toHaveLength(1_205);
    expect(titles[0]).toBe("Ide massal 1");
    expect(titles[1_204]).toBe("Ide massal 1205");
    expect(new Set(titles).size).toBe(1_205);
    // two pages along the (agency, listed, submitted_at, id) index: about 4 rows read per idea exported
    // (the index entry, the idea, its campaign, unit and author by key), not the whole table per page
    const cost = d1Cost(res);
    expect(cost.w).toBe(0);
    expect(cost.r).toBeLessThan(1_205 * 6);
  });

  it("answers 403 to an ASN and a reviewer, 401 without a session", async () => {
    const p = await createPersonas();
    expect((await get(p.asn.cookie, "/api/v1/exports/ideas.csv")).status).toBe(403);
    expect((await get(p.reviewer.cookie, "/api/v1/exports/ideas.csv")).status).toBe(403);
    expect((await api("GET", "/api/v1/exports/ideas.csv")).status).toBe(401);
  });
});

describe("GET /api/v1/exports/votes.csv", () => {
  const HEADER = ["ID Ide", "Judul", "Kampanye", "Total Dukungan", "Unit Pendukung", "Dukungan dari Unit"];

  it("counts votes per idea and voter's unit, and never names a voter", async () => {
    const p = await createPersonas();
    const kotak = await openCampaign(p.agency);
    const bappeda = await createUnit(p.agency, { name: "Bappeda Kota Uji" });
    const voters = [
      await createUser(p.unit, { name: "Siti Pemilih Rahasia" }),
      await createUser(bappeda, { name: "Budi Pemilih Rahasia" }),
      await createUser(bappeda, { name: "Ayu Pemilih Rahasia" }),
    ];
    const idea = await insertIdea(kotak, p.asn.user, { title: "Perizinan daring — sekali klik" });
    for (const v of voters) await insertVote(idea, kotak, v);
    await insertIdea(kotak, p.asn.user, { title: "Tanpa dukungan" });

    const res = await get(p.leader.cookie, "/api/v1/exports/votes.csv");
    const { rows, text } = await expectCsv(res, "dukungan", p.agency.slug, HEADER);
    expect(rows.slice(1)).toEqual([
      [String(idea.id), "Perizinan daring — sekali klik", "Kotak Ide", "3", "Bappeda Kota Uji", "2"],
      [String(idea.id), "Perizinan daring — sekali klik", "Kotak Ide", "3", expect.stringContaining("Dinas"), "1"],
    ]);
    expect(text).not.toContain("Pemilih Rahasia");
    for (const v of voters) expect(text).not.toContain(v.nip);
  });

  it("leaves out ideas whose campaign still hides its votes", async () => {
    const p = await createPersonas();
    const hidden = await competition(p.agency, "voting", { hideVotesUntilClosed: true });
    const idea = await insertIdea(hidden, p.asn.user);
    await insertVote(idea, hidden, p.leader.user);
    const { rows } = await csvOf(await get(p.admin.cookie, `/api/v1/exports/votes.csv?campaignId=${hidden.id}`));
    expect(rows).toEqual([HEADER]);
  });

  it("answers 403 to an ASN and 404 for another agency's campaign", async () => {
    const p = await createPersonas();
    expect((await get(p.asn.cookie, "/api/v1/exports/votes.csv")).status).toBe(403);
    const foreign = await openCampaign(p.otherAgency);
    expect((await get(p.admin.cookie, `/api/v1/exports/votes.csv?campaignId=${foreign.id}`)).status).toBe(404);
  });
});

describe("GET /api/v1/exports/ledger.csv", () => {
  const HEADER = ["Waktu", "NIP", "Nama", "Unit", "Poin", "Sebab", "Subjek", "Aturan", "Versi Aturan"];

  it("gives the admin every ledger row of a period with NIP, cause and rule", async () => {
    const p = await createPersonas();
    const person = await createUser(p.unit, { name: "Ni Luh Putu Ayuningtyas" });
    await insertLedgerRow(person, {
      points: 10,
      eventType: "idea_submitted",
      ruleKey: "idea_submitted",
      subjectId: 41,
      day: "2026-03-02",
      at: at("2026-03-01T17:30:00Z"),
    });
    await insertLedgerRow(person, {
      points: -1,
      eventType: "vote_retracted",
      ruleKey: "vote_cast",
      subjectType: "vote",
      subjectId: 9,
      day: "2026-03-05",
      at: at("2026-03-05T03:00:00Z"),
    });
    await insertLedgerRow(person, {
      points: 2,
      eventType: "comment_posted",
      ruleKey: "comment_posted",
      subjectType: "comment",
      day: "2026-04-01",
      at: at("2026-04-01T03:00:00Z"),
    });
    const foreigner = await createUser(p.otherUnit, { name: "Orang Instansi Lain" });
    await insertLedgerRow(foreigner, {
      points: 5,
      eventType: "idea_submitted",
      ruleKey: "idea_submitted",
      day: "2026-03-03",
      at: at("2026-03-03T03:00:00Z"),
    });

    const res = await get(p.admin.cookie, "/api/v1/exports/ledger.csv?from=2026-03-02&to=2026-03-31");
    const { rows, text } = await expectCsv(res, "buku-poin", p.agency.slug, HEADER);
    const name = "Ni Luh Putu Ayuningtyas";
    const unit = expect.stringContaining("Dinas");
    expect(rows.slice(1)).toEqual([
      ["2026-03-02 00:30", person.nip, name, unit, "10", "Ide diajukan", "Ide #41", "idea_submitted", "0"],
      ["2026-03-05", person.nip, name, unit, "-1", "Dukungan ditarik (koreksi)", "1 dukungan", "vote_cast", "0"],
    ]);
    expect(text).not.toContain("Orang Instansi Lain");
  });

  it("answers 403 to a leader and an ASN, 422 period.inverted when from comes after to", async () => {
    const p = await createPersonas();
    expect((await get(p.leader.cookie, "/api/v1/exports/ledger.csv")).status).toBe(403);
    expect((await get(p.asn.cookie, "/api/v1/exports/ledger.csv")).status).toBe(403);
    const res = await get(p.admin.cookie, "/api/v1/exports/ledger.csv?from=2026-04-01&to=2026-03-01");
    expect(await fieldErrors(res)).toEqual([{ path: "query.to", code: "period.inverted" }]);
  });
});

describe("GET /api/v1/exports/awards.csv", () => {
  const HEADER = [
    "ID Penghargaan",
    "Penghargaan",
    "Periode",
    "Kutipan",
    "Diumumkan",
    "Diumumkan oleh",
    "Poin Bonus",
    "Jenis Penerima",
    "Penerima",
    "Unit",
    "Kode Sertifikat",
    "Ide Terkait",
  ];

  it("lists each recipient of the agency's awards with its certificate code", async () => {
    const p = await createPersonas();
    const idea = await insertIdea(await openCampaign(p.agency), p.asn.user, { title: "Antrean daring" });
    const award = await insertAward(p.leader.user, {
      title: "Inovator Terbaik — Triwulan I",
      announcedAt: at("2026-03-31T01:00:00Z"),
      recipients: [{ userId: p.asn.user.id }, { unitId: p.unit.id }],
      ideaIds: [idea.id],
    });
    await insertAward(p.otherAdmin.user, {
      title: "Penghargaan instansi lain",
      recipients: [{ userId: p.otherAdmin.user.id }],
    });

    const res = await get(p.leader.cookie, "/api/v1/exports/awards.csv");
    const { rows, text } = await expectCsv(res, "penghargaan", p.agency.slug, HEADER);
    const common = [
      String(award.id),
      "Inovator Terbaik — Triwulan I",
      "2026",
      "Atas layanan yang lebih cepat bagi warga",
      "2026-03-31 08:00",
      "Persona leader",
      "100",
    ];
    const unitName = rows[1]![9]!;
    expect(rows.slice(1)).toEqual([
      [...common, "Perorangan", "Persona asn", unitName, award.codes[0], `#${idea.id} Antrean daring`],
      [...common, "Unit", unitName, unitName, award.codes[1], `#${idea.id} Antrean daring`],
    ]);
    expect(unitName).toMatch(/^Dinas /);
    expect(text).not.toContain("Penghargaan instansi lain");
  });

  it("answers 403 to an ASN", async () => {
    const p = await createPersonas();
    expect((await get(p.asn.cookie, "/api/v1/exports/awards.csv")).status).toBe(403);
  });
});

describe("GET /api/v1/ideas/{id}/dossier", () => {
  it("renders a printable page with every KIPP section, its stylesheet and a CSP without script", async () => {
    const p = await createPersonas();
    const campaign = await competition(p.agency, "announcement");
    const idea = await insertIdea(campaign, p.asn.user, {
      status: "implemented",
      title: "Antrean daring Kuala Nanggroë",
    });
    const evidence = await insertAttachment({ id: idea.id, agencyId: p.agency.id }, p.admin.user, {
      fileName: "Bukti penerapan «final».pdf",
      kind: "evidence",
    });
    await insertImplementationReport(idea, campaign, p.unit.id, p.admin.user);
    await testDb
      .update(implementationReports)
      .set({ evidenceAttachmentId: evidence.id })
      .where(eq(implementationReports.ideaId, idea.id));
    const replicaAgency = await createAgency("Pemerintah Kabupaten Replika");
    const replicaAuthor = await createUser(await createUnit(replicaAgency));
    await insertIdea(await openCampaign(replicaAgency), replicaAuthor, { replicatesId: idea.id });

    const res = await get(p.asn.cookie, `/api/v1/ideas/${idea.id}/dossier`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("script-src");
    expect(csp).not.toContain("unsafe-inline");
    const page = await res.text();
    expect(page).toMatch(/<link rel="stylesheet" href="\/dossier\.css"\s*\/?>/);
    expect(page).not.toMatch(/<script|style=/);
    DOSSIER_SECTIONS.forEach((title, i) => expect(page).toContain(`${i + 1}. ${title}</h2>`));
    expect(page).toContain("Antrean daring Kuala Nanggroë");
    expect(page).toContain("Berjalan di semua kelurahan.");
    expect(page).toContain("Bukti penerapan «final».pdf");
    expect(page).toContain(`/api/v1/ideas/${idea.id}/attachments/${evidence.id}`);
    expect(page).toContain("Direplikasi oleh 1 instansi");
    expect(page).toContain("Pemerintah Kabupaten Replika");
    expect(page).toContain("Ctrl+P");
    expect(page).toContain("Persona asn (pengusul)");
  });

  it("escapes a <script> in the title and the texts", async () => {
    const p = await createPersonas();
    const idea = await insertIdea(await openCampaign(p.agency), p.asn.user, {
      title: `<script>alert("gagas")</script>`,
      problem: "Masalah <img src=x onerror=alert(1)> & urgensi",
    });
    const page = await (await get(p.leader.cookie, `/api/v1/ideas/${idea.id}/dossier`)).text();
    expect(page).not.toContain("<script");
    expect(page).not.toContain("<img");
    expect(page).toContain("&lt;script&gt;alert(&quot;gagas&quot;)&lt;/script&gt;");
    expect(page).toContain("Masalah &lt;img src=x onerror=alert(1)&gt; &amp; urgensi");
  });

  it("shows a blind reviewer no team, unit or votes", async () => {
    const p = await createPersonas();
    const campaign = await competition(p.agency, "review", { blindReview: true });
    await seatOnCommittee(campaign, p.reviewer.user, "reviewer");
    const idea = await insertIdea(campaign, p.asn.user, { status: "in_review", voteCount: 12 });
    const page = await (await get(p.reviewer.cookie, `/api/v1/ideas/${idea.id}/dossier`)).text();
    expect(page).toContain("Disembunyikan selama penilaian buta");
    expect(page).not.toContain("Persona asn");
    expect(page).not.toContain("Dukungan rekan");
  });

  it("is 404 for another agency's idea and for someone else's draft, 200 for the draft's author", async () => {
    const p = await createPersonas();
    const idea = await insertIdea(await openCampaign(p.agency), p.asn.user);
    expect((await get(p.otherAdmin.cookie, `/api/v1/ideas/${idea.id}/dossier`)).status).toBe(404);
    const draft = await insertIdea(await openCampaign(p.agency), p.asn.user, { status: "draft" });
    expect((await get(p.admin.cookie, `/api/v1/ideas/${draft.id}/dossier`)).status).toBe(404);
    const colleague = await createUser(p.unit);
    expect((await get(await signIn(colleague), `/api/v1/ideas/${draft.id}/dossier`)).status).toBe(404);
    expect((await get(p.asn.cookie, `/api/v1/ideas/${draft.id}/dossier`)).status).toBe(200);
  });
});
