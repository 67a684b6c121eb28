import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../src/db/client";
import { updateUnit } from "../src/db/queries/units.queries";
import { units } from "../src/db/schema";
import { testDb } from "./fixtures/db";
import { auditRows } from "./fixtures/admin";
import { createAgency, createPersonas, createUnit, createUser, signIn, type TestAgency } from "./fixtures/builders";
import { api } from "./fixtures/http";
import { bodyOf, client } from "./fixtures/client";

type Personas = Awaited<ReturnType<typeof createPersonas>>;

let p: Personas;
beforeAll(async () => {
  p = await createPersonas();
});

const listUnits = async (cookie: string) => {
  return (await bodyOf(await client(cookie).api.v1.units.$get(), 200)).items;
};
const create = (cookie: string, body: unknown) => api("POST", "/api/v1/units", { cookie, body });
const patch = (cookie: string, id: number, body: unknown) => api("PATCH", `/api/v1/units/${id}`, { cookie, body });

/** An agency of its own with an admin, so tree assertions see only their own units. */
async function freshTree() {
  const agency: TestAgency = await createAgency();
  const root = await createUnit(agency, { code: "KOMINFO", name: "Dinas Komunikasi dan Informatika" });
  const admin = await createUser(root, { roles: ["admin"] });
  const cookie = await signIn(admin);
  return { agency, root, admin, cookie };
}

describe("GET /api/v1/units", () => {
  it("lists the tree depth-first, siblings by name, each with parentId and depth", async () => {
    const { agency, root, cookie } = await freshTree();
    const b = await createUnit(agency, { code: "B", name: "Bidang Statistik", parentId: root.id });
    await createUnit(agency, { code: "A", name: "Bidang Aplikasi", parentId: root.id });
    await createUnit(agency, { code: "B1", name: "Seksi Data", parentId: b.id });
    await createUnit(agency, { code: "DINKES", name: "Dinas Kesehatan" });
    const items = await listUnits(cookie);
    expect(items.map((u) => [u.code, u.depth])).toEqual([
      ["DINKES", 0],
      ["KOMINFO", 0],
      ["A", 1],
      ["B", 1],
      ["B1", 2],
    ]);
    expect(items.find((u) => u.code === "B1")?.parentId).toBe(b.id);
  });

  it("hides deactivated units from non-admins and shows them to admins", async () => {
    const closed = await createUnit(p.agency, { code: `TUTUP-${Date.now()}` });
    await testDb.update(units).set({ active: false }).where(eq(units.id, closed.id));
    expect((await listUnits(p.asn.cookie)).map((u) => u.id)).not.toContain(closed.id);
    expect((await listUnits(p.admin.cookie)).find((u) => u.id === closed.id)).toMatchObject({ active: false });
  });
});

describe("POST /api/v1/units", () => {
  it("creates a unit under a parent, stores the code upper-case and records it", async () => {
    const res = await client(p.admin.cookie).api.v1.units.$post({
      json: { code: "dinkes-pkm-1", name: "UPT Puskesmas Binjai Timur", parentId: p.unit.id },
    });
    const unit = await bodyOf(res, 201);
    expect(unit).toMatchObject({ code: "DINKES-PKM-1", parentId: p.unit.id, depth: 1, active: true });
    const audit = (await auditRows(p.agency.id, "unit.create")).find((r) => r.subject_id === unit.id);
    expect(JSON.parse(audit!.detail)).toEqual({
      code: "DINKES-PKM-1",
      name: "UPT Puskesmas Binjai Timur",
      parentId: p.unit.id,
    });
  });

  it("answers 409 unit.code_taken for a code the agency uses, whatever its case", async () => {
    const res = await create(p.admin.cookie, { code: p.unit.code.toLowerCase(), name: "Dobel" });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "unit.code_taken" });
  });

  it("allows a code another agency uses", async () => {
    expect((await create(p.admin.cookie, { code: p.otherUnit.code, name: "Sama Kode" })).status).toBe(201);
  });

  it("answers 422 unit.not_found on json.parentId for a parent of another agency", async () => {
    const res = await create(p.admin.cookie, { code: `X-${Date.now()}`, name: "Anak", parentId: p.otherUnit.id });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ path: "json.parentId", code: "unit.not_found" }] });
  });

  it("answers 403 to a leader", async () => {
    expect((await create(p.leader.cookie, { code: `L-${Date.now()}`, name: "Unit" })).status).toBe(403);
  });
});

describe("PATCH /api/v1/units/{id}", () => {
  it("renames and moves a unit, recording what changed", async () => {
    const { agency, root, cookie } = await freshTree();
    const other = await createUnit(agency, { code: "SETDA", name: "Sekretariat Daerah" });
    const child = await createUnit(agency, { code: "BAG", name: "Bagian", parentId: root.id });
    const res = await patch(cookie, child.id, { name: "Bagian Organisasi", parentId: other.id });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: "Bagian Organisasi", parentId: other.id, depth: 1 });
    const audit = (await auditRows(agency.id, "unit.update")).at(-1)!;
    expect(JSON.parse(audit.detail)).toEqual({
      changes: { name: { from: "Bagian", to: "Bagian Organisasi" }, parentId: { from: root.id, to: other.id } },
    });
  });

  it("makes a unit top-level with parentId null", async () => {
    const { agency, root, cookie } = await freshTree();
    const child = await createUnit(agency, { code: "BAG", parentId: root.id });
    expect(await (await patch(cookie, child.id, { parentId: null })).json()).toMatchObject({
      parentId: null,
      depth: 0,
    });
  });

  it.each([
    ["itself", "self"],
    ["one of its sub-units", "grandchild"],
  ])("answers 422 unit.cycle when moving a unit under %s", async (_label, target) => {
    const { agency, root, cookie } = await freshTree();
    const child = await createUnit(agency, { code: "C", parentId: root.id });
    const grandchild = await createUnit(agency, { code: "G", parentId: child.id });
    const res = await patch(cookie, root.id, { parentId: target === "self" ? root.id : grandchild.id });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ path: "json.parentId", code: "unit.cycle" }] });
  });

  it("answers 409 unit.in_use when deactivating a unit with active members or sub-units", async () => {
    const { agency, root, cookie } = await freshTree();
    const res = await patch(cookie, root.id, { active: false });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "unit.in_use" });
    const empty = await createUnit(agency, { code: "KOSONG", parentId: root.id });
    expect((await patch(cookie, root.id, { active: false })).status).toBe(409);
    expect(await (await patch(cookie, empty.id, { active: false })).json()).toMatchObject({ active: false });
    expect((await auditRows(agency.id, "unit.deactivate")).map((r) => r.subject_id)).toEqual([empty.id]);
  });

  it("answers 409 unit.code_taken for another unit's code", async () => {
    const { agency, cookie } = await freshTree();
    const unit = await createUnit(agency, { code: "DUA" });
    const res = await patch(cookie, unit.id, { code: "kominfo" });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "unit.code_taken" });
  });

  it("answers 404 for a unit of another agency", async () => {
    expect((await patch(p.admin.cookie, p.otherUnit.id, { name: "Diambil" })).status).toBe(404);
  });

  it("re-checks the tree inside the transaction: a move that became a cycle writes nothing", async () => {
    const { agency, root, admin } = await freshTree();
    const child = await createUnit(agency, { code: "C", parentId: root.id });
    const before = (await auditRows(agency.id)).length;
    const written = await updateUnit(createDb(env.DB), {
      agencyId: agency.id,
      actorId: admin.id,
      now: Date.now(),
      id: root.id,
      set: { parentId: child.id },
      changes: { parentId: { from: null, to: child.id } },
    });
    expect(written).toBe(false);
    const stored = await testDb.select({ parentId: units.parentId }).from(units).where(eq(units.id, root.id)).get();
    expect(stored).toEqual({ parentId: null });
    expect((await auditRows(agency.id)).length).toBe(before);
  });
});
