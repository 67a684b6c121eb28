/**
 * The shared innovation library (issue 21.3): search and filters, a page per innovation by id with
 * its results and lineage, a replica of a replica crediting every ancestor's team, and an agency
 * keeping its innovations out of the shared library.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agencies, ideas, implementationReports, implementationUpdates } from "../src/db/schema";
import type { InnovationForm } from "../src/domain/innovation-profile";
import { createAgency, createUnit, createUser, signIn, type TestAgency, type TestUser } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { api } from "./fixtures/http";
import { COMPLETE_IDEA, insertIdea, openCampaign, transition } from "./fixtures/ideas";
import { ledgerOf } from "./fixtures/rewards";
import { bodyOf, byId, client } from "./fixtures/client";

type Side = { agency: TestAgency; author: TestUser; cookie: string };
async function side(name: string, region: string): Promise<Side> {
  const agency = await createAgency(name);
  await testDb.update(agencies).set({ region }).where(eq(agencies.id, agency.id));
  const author = await createUser(await createUnit(agency));
  return { agency, author, cookie: await signIn(author) };
}

/** An implemented idea with its report (form, results) and one progress update. */
async function implemented(
  s: Side,
  title: string,
  opts: { replicatesId?: number; form?: InnovationForm; category?: string } = {},
) {
  const idea = await insertIdea(await openCampaign(s.agency), s.author, {
    status: "implemented",
    title,
    decidedAt: Date.now(),
    ...(opts.replicatesId ? { replicatesId: opts.replicatesId } : {}),
  });
  await testDb.batch([
    testDb
      .update(ideas)
      .set({ category: opts.category ?? "Kependudukan" })
      .where(eq(ideas.id, idea.id)),
    testDb.insert(implementationReports).values({
      ideaId: idea.id,
      agencyId: s.agency.id,
      implementedOn: "2026-06-01",
      unitId: s.author.unitId,
      summary: "Berjalan",
      results: `Hasil ${title}`,
      form: opts.form ?? null,
      reportedBy: s.author.id,
      createdAt: 0,
    }),
    testDb.insert(implementationUpdates).values({
      agencyId: s.agency.id,
      ideaId: idea.id,
      authorId: s.author.id,
      body: `Kabar ${title}`,
      figures: JSON.stringify([{ label: "Warga", value: 120, unit: "orang" }]),
      createdAt: 0,
    }),
  ]);
  return idea;
}

type LibraryQuery = NonNullable<Parameters<ReturnType<typeof client>["api"]["v1"]["library"]["$get"]>[0]>["query"];
const page = async (cookie: string, query: LibraryQuery = {}) =>
  bodyOf(await client(cookie).api.v1.library.$get({ query }), 200);
const detail = (cookie: string, id: number) => client(cookie).api.v1.library[":id"].$get(byId(id));

let a: Side, b: Side, c: Side;
const tag = `t${Date.now().toString(36)}`;
let root: { id: number }, replica: { id: number }, governance: { id: number };

beforeAll(async () => {
  a = await side("Kota Asal", `Sumatera Utara ${tag}`);
  b = await side("Kota Replika", `Jawa Barat ${tag}`);
  c = await side("Kota Generasi Tiga", `Aceh ${tag}`);
  root = await implemented(a, `Antrean daring ${tag}`, { form: "pelayanan_publik" });
  replica = await implemented(b, `Antrean daring Bandung ${tag}`, { replicatesId: root.id, form: "pelayanan_publik" });
  governance = await implemented(a, `Arsip digital ${tag}`, { form: "tata_kelola", category: "Kearsipan" });
});

describe("GET /api/v1/library", () => {
  it("searches titles and filters by area, form, region, agency and stage", async () => {
    const ids = async (q: LibraryQuery) => (await page(c.cookie, q)).items.map((i) => i.id);
    expect(await ids({ q: `arsip ${tag}` })).toEqual([governance.id]);
    expect(await ids({ category: "Kearsipan", region: `Sumatera Utara ${tag}` })).toEqual([governance.id]);
    expect(await ids({ form: "tata_kelola", agencyId: String(a.agency.id) })).toEqual([governance.id]);
    expect(new Set(await ids({ form: "pelayanan_publik", q: tag }))).toEqual(new Set([root.id, replica.id]));
    expect(await ids({ stage: "replica", q: tag })).toEqual([replica.id]);
    expect(await ids({ stage: "replicated", q: tag })).toEqual([]);
    expect(await ids({ agencyId: String(b.agency.id) })).toEqual([replica.id]);
  });

  it("offers the areas, regions and agencies it holds as choices", async () => {
    const choices = await bodyOf(await client(c.cookie).api.v1.library.choices.$get(), 200);
    expect(choices.categories).toEqual(expect.arrayContaining(["Kearsipan", "Kependudukan"]));
    expect(choices.regions).toEqual(expect.arrayContaining([`Sumatera Utara ${tag}`, `Jawa Barat ${tag}`]));
    expect(choices.agencies.map((x) => x.id)).toEqual(expect.arrayContaining([a.agency.id, b.agency.id]));
    expect(choices.forms).toEqual(["pelayanan_publik", "tata_kelola", "lainnya"]);
    expect(choices.stages).toEqual(["original", "replicated", "replica"]);
  });

  it("refuses an unknown form or stage with 422", async () => {
    expect((await api("GET", "/api/v1/library?form=lain", { cookie: c.cookie })).status).toBe(422);
    expect((await api("GET", "/api/v1/library?stage=x", { cookie: c.cookie })).status).toBe(422);
  });
});

describe("GET /api/v1/library/{id}", () => {
  it("opens any agency's innovation by id with its results and updates", async () => {
    const body = await bodyOf(await detail(c.cookie, replica.id), 200);
    expect(body).toMatchObject({ id: replica.id, replicatesId: root.id, form: "pelayanan_publik" });
    expect(body.implementation?.results).toBe(`Hasil Antrean daring Bandung ${tag}`);
    expect(body.updates.map((u) => u.body)).toEqual([`Kabar Antrean daring Bandung ${tag}`]);
  });

  it("answers 404 for an idea outside the library: one still before implementation, or an unknown id", async () => {
    const draft = await insertIdea(await openCampaign(a.agency), a.author, { status: "approved" });
    expect((await detail(c.cookie, draft.id)).status).toBe(404);
    expect((await detail(c.cookie, 987654321)).status).toBe(404);
  });
});

describe("a replica of a replica", () => {
  it("credits the parent's team in full and the grandparent's at half, and the lineage shows three generations", async () => {
    const third = await bodyOf(
      await client(c.cookie).api.v1.ideas.$post({
        json: { ...COMPLETE_IDEA, title: `Antrean daring Lhokseumawe ${tag}`, replicatesId: replica.id },
      }),
      201,
    );
    expect((await transition(c.cookie, third.id, "submit")).status).toBe(200);
    const paid = (userId: number) =>
      ledgerOf(userId).then((rows) => rows.filter((r) => r.rule_key === "idea_replicated"));
    expect((await paid(b.author.id)).map((r) => [r.points, r.subject_id])).toEqual([[40, replica.id]]);
    expect((await paid(a.author.id)).map((r) => [r.points, r.subject_id])).toEqual([[20, root.id]]);

    const body = await bodyOf(await detail(a.cookie, replica.id), 200);
    expect(body.lineage.ancestorIds).toEqual([root.id]);
    expect(body.lineage.nodes.map((n) => [n.id, n.parentId, n.depth, n.inLibrary])).toEqual([
      [root.id, null, 0, true],
      [replica.id, root.id, 1, true],
      [third.id, replica.id, 2, false],
    ]);
    expect(body.lineage.nodes[2]).toMatchObject({ status: "submitted", title: `Antrean daring Lhokseumawe ${tag}` });
  });
});

describe("an agency that keeps its innovations out of the shared library", () => {
  it("hides them from other agencies (list, page, replication), not from its own people", async () => {
    const quiet = await side("Kota Tertutup", `Bangka ${tag}`);
    const idea = await implemented(quiet, `Inovasi tertutup ${tag}`);
    const admin = await createUser(await createUnit(quiet.agency), { roles: ["asn", "admin"] });
    const off = await api("PATCH", "/api/v1/agency", { cookie: await signIn(admin), body: { libraryShared: false } });
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ libraryShared: false });
    expect((await page(c.cookie, { agencyId: String(quiet.agency.id) })).items).toEqual([]);
    expect((await detail(c.cookie, idea.id)).status).toBe(404);
    const refused = await api("POST", "/api/v1/ideas", {
      cookie: c.cookie,
      body: { ...COMPLETE_IDEA, replicatesId: idea.id },
    });
    expect(refused.status).toBe(422);
    expect((await page(quiet.cookie, { agencyId: String(quiet.agency.id) })).items.map((i) => i.id)).toEqual([idea.id]);
    expect((await detail(quiet.cookie, idea.id)).status).toBe(200);
  });
});
