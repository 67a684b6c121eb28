import type { InferRequestType } from "hono/client";
import { beforeAll, describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "../src/domain/audit-actions";
import { auditLog } from "../src/db/schema";
import { testDb } from "./fixtures/db";
import { createAgency, createPersonas, createUnit, createUser, signIn } from "./fixtures/builders";
import { bodyOf, client } from "./fixtures/client";
import { api } from "./fixtures/http";

type Personas = Awaited<ReturnType<typeof createPersonas>>;
type AuditQuery = InferRequestType<ReturnType<typeof client>["api"]["v1"]["audit-log"]["$get"]>["query"];

let p: Personas;
beforeAll(async () => {
  p = await createPersonas();
});

const read = async (cookie: string, query: AuditQuery = {}) =>
  bodyOf(await client(cookie).api.v1["audit-log"].$get({ query }), 200);

describe("GET /api/v1/audit-log", () => {
  it("lists the agency's admin actions newest first, with who did them, a page at a time", async () => {
    const target = await createUser(p.unit);
    await api("PATCH", `/api/v1/users/${target.id}`, { cookie: p.admin.cookie, body: { position: "Satu" } });
    await api("PATCH", `/api/v1/users/${target.id}`, { cookie: p.admin.cookie, body: { position: "Dua" } });
    await api("POST", `/api/v1/users/${target.id}/reset-password`, { cookie: p.admin.cookie });

    const first = await read(p.admin.cookie, { subjectType: "user", subjectId: String(target.id), limit: "2" });
    expect(first.items.map((e) => e.action)).toEqual(["user.reset_password", "user.update"]);
    expect(first.items[0]!.actor).toEqual({ id: p.admin.user.id, name: "Persona admin" });
    const second = await read(p.admin.cookie, {
      subjectType: "user",
      subjectId: String(target.id),
      limit: "2",
      cursor: first.nextCursor!,
    });
    expect(second.items.map((e) => e.detail)).toEqual([
      { changes: { position: { from: "Pranata Komputer", to: "Satu" } } },
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it("filters by action", async () => {
    const page = await read(p.admin.cookie, { action: "user.reset_password" });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e) => e.action === "user.reset_password")).toBe(true);
  });

  it("shows the admin of another agency none of this agency's entries", async () => {
    const own = await read(p.admin.cookie, { limit: "100" });
    const theirs = await read(p.otherAdmin.cookie, { limit: "100" });
    const ownIds = new Set(own.items.map((e) => e.id));
    expect(theirs.items.some((e) => ownIds.has(e.id))).toBe(false);
  });

  it("answers 403 to a leader", async () => {
    expect((await api("GET", "/api/v1/audit-log", { cookie: p.leader.cookie })).status).toBe(403);
  });
});

/** An agency in Makassar (WITA) with two admins whose actions land on chosen instants. */
async function witaAgencyWithHistory() {
  const agency = await createAgency("Pemerintah Kota Makassar", "Asia/Makassar");
  const unit = await createUnit(agency);
  const [first, second] = await Promise.all([
    createUser(unit, { roles: ["admin"], name: "Admin Pertama" }),
    createUser(unit, { roles: ["admin"], name: "Admin Kedua" }),
  ]);
  const at = (iso: string) => Date.parse(iso);
  const rows: [number, string, number][] = [
    [first.id, "unit.create", at("2026-03-01T15:30:00Z")], // 23:30 WITA on 1 March
    [first.id, "user.create", at("2026-03-01T16:30:00Z")], // 00:30 WITA on 2 March
    [second.id, "user.update", at("2026-03-02T03:00:00Z")],
    [second.id, "user.deactivate", at("2026-03-03T03:00:00Z")],
  ];
  await testDb.insert(auditLog).values(
    rows.map(([actor, action, when]) => ({
      agencyId: agency.id,
      actorId: actor,
      action,
      subjectType: "user",
      subjectId: 1,
      detail: JSON.stringify({ catatan: 'uji; koma, dan "kutip"' }),
      at: when,
    })),
  );
  return { agency, first, second, cookie: await signIn(first) };
}

describe("GET /api/v1/audit-log filters", () => {
  it("names each action in both languages", async () => {
    const { cookie } = await witaAgencyWithHistory();
    const page = await read(cookie);
    expect(page.items[0]).toMatchObject({
      action: "user.deactivate",
      label: { id: "Menonaktifkan akun", en: "Deactivated an account" },
    });
  });

  it("filters by the person who acted", async () => {
    const { cookie, second } = await witaAgencyWithHistory();
    const page = await read(cookie, { actorId: String(second.id) });
    expect(page.items.map((e) => e.action)).toEqual(["user.deactivate", "user.update"]);
  });

  it("reads a date range as days on the agency's clock, both ends included", async () => {
    const { cookie } = await witaAgencyWithHistory();
    // 2 March WITA starts at 16:00 UTC on 1 March: 23:30 WITA on the 1st is out, 00:30 WITA on the 2nd in
    const page = await read(cookie, { from: "2026-03-02", to: "2026-03-02" });
    expect(page.items.map((e) => e.action)).toEqual(["user.update", "user.create"]);
    const inverted = await api("GET", "/api/v1/audit-log?from=2026-03-03&to=2026-03-02", { cookie });
    expect(inverted.status).toBe(422);
    expect(await inverted.json()).toMatchObject({ errors: [{ code: "period.inverted" }] });
  });

  it("refuses an action the log never records", async () => {
    const res = await api("GET", "/api/v1/audit-log?action=user.fly", { cookie: p.admin.cookie });
    expect(res.status).toBe(422);
  });
});

describe("GET /api/v1/audit-log/actions", () => {
  it("lists every action the log records with its words", async () => {
    const body = await bodyOf(await client(p.admin.cookie).api.v1["audit-log"].actions.$get(), 200);
    expect(body.items.map((a) => a.key)).toEqual(AUDIT_ACTIONS);
    expect(body.items.every((a) => a.label.id.length > 0 && a.label.en.length > 0)).toBe(true);
  });
});

describe("GET /api/v1/audit-log.csv", () => {
  it("downloads the filtered log for Excel: BOM, semicolons, Bahasa headers, times on the agency's clock", async () => {
    const { cookie, agency } = await witaAgencyWithHistory();
    const res = await api("GET", "/api/v1/audit-log.csv?from=2026-03-02&to=2026-03-02&separator=semicolon", {
      cookie,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      new RegExp(`log-audit-${agency.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv`),
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split("\r\n");
    expect(lines[0]).toBe("Waktu;Tindakan;Kode Tindakan;Oleh;Subjek;ID Subjek;Rincian");
    expect(lines[1]).toMatch(/^2026-03-02 11:00;Mengubah akun;user\.update;Admin Kedua;user;1;"/);
    expect(lines[2]).toMatch(/^2026-03-02 00:30;Membuat akun;user\.create;Admin Pertama;/);
    expect(lines.filter(Boolean)).toHaveLength(3);
  });

  it("answers 403 to a leader", async () => {
    expect((await api("GET", "/api/v1/audit-log.csv", { cookie: p.leader.cookie })).status).toBe(403);
  });
});
