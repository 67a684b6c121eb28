import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sessions, units } from "../src/db/schema";
import { testDb } from "./fixtures/db";
import { auditRows } from "./fixtures/admin";
import {
  TEST_PASSWORD,
  createAgency,
  createPersonas,
  createUnit,
  createUser,
  makeNip,
  signIn,
  type TestUnit,
} from "./fixtures/builders";
import { api } from "./fixtures/http";
import { CreatedUserSchema, UserPageSchema } from "../src/routes/users/users.schemas";
import { bodyOf, byId, client, problemOf } from "./fixtures/client";

type Personas = Awaited<ReturnType<typeof createPersonas>>;

let p: Personas;
beforeAll(async () => {
  p = await createPersonas();
});

let seq = 0;
const newUserBody = (unit: TestUnit, extra: Record<string, unknown> = {}) => ({
  nip: makeNip(),
  name: "Putri Ayu Lestari",
  email: `putri.${++seq}.${Date.now()}@uji.go.id`,
  position: "Analis Kebijakan",
  unitId: unit.id,
  ...extra,
});

type UsersQuery = NonNullable<Parameters<ReturnType<typeof client>["api"]["v1"]["users"]["$get"]>[0]>["query"];
const resetPassword = (id: number) => client(p.admin.cookie).api.v1.users[":id"]["reset-password"].$post(byId(id));
const createAs = (cookie: string, body: unknown) => api("POST", "/api/v1/users", { cookie, body });
const patchAs = (cookie: string, id: number, body: unknown) => api("PATCH", `/api/v1/users/${id}`, { cookie, body });

describe("POST /api/v1/users", () => {
  it("creates an account with a temporary password that must be changed at the first sign-in", async () => {
    const res = await createAs(p.admin.cookie, newUserBody(p.unit, { roles: ["reviewer"] }));
    expect(res.status).toBe(201);
    const body = CreatedUserSchema.parse(await res.json());
    expect(body.user).toMatchObject({
      name: "Putri Ayu Lestari",
      roles: ["asn", "reviewer"],
      mustChangePassword: true,
    });
    expect(body.temporaryPassword).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);

    const cookie = await signIn({ nip: body.user.nip! }, body.temporaryPassword);
    const guarded = await api("GET", "/api/v1/units", { cookie });
    expect(guarded.status).toBe(403);
    expect(await guarded.json()).toMatchObject({ code: "auth.password_change_required" });
  });

  it("stores the e-mail lower-case", async () => {
    const res = await createAs(p.admin.cookie, newUserBody(p.unit, { email: "Dewi.Anggraini@Binjaikota.GO.ID" }));
    expect(res.status).toBe(201);
    expect(CreatedUserSchema.parse(await res.json()).user.email).toBe("dewi.anggraini@binjaikota.go.id");
  });

  it.each([
    ["19821315" + "200604" + "1" + "002", "nip.birth_date"],
    ["19820315" + "200613" + "1" + "002", "nip.appointment"],
    ["19820315" + "200604" + "3" + "002", "nip.gender"],
    ["19820315" + "200604" + "1" + "000", "nip.sequence"],
    ["1982031520060410", "nip.format"],
  ])("refuses NIP %s with 422 %s on json.nip", async (nip, code) => {
    const res = await createAs(p.admin.cookie, newUserBody(p.unit, { nip }));
    expect(res.status).toBe(422);
    const problem = await problemOf(res, 422);
    expect(problem.errors).toEqual([{ path: "json.nip", code, message: expect.stringMatching(/\w/) }]);
  });

  it("answers 409 user.nip_taken for a NIP of any agency, and user.email_taken for a known e-mail", async () => {
    const nipRes = await createAs(p.admin.cookie, newUserBody(p.unit, { nip: p.otherAdmin.user.nip }));
    expect(nipRes.status).toBe(409);
    expect(await nipRes.json()).toMatchObject({ code: "user.nip_taken" });
    const emailRes = await createAs(p.admin.cookie, newUserBody(p.unit, { email: p.asn.user.email.toUpperCase() }));
    expect(emailRes.status).toBe(409);
    expect(await emailRes.json()).toMatchObject({ code: "user.email_taken" });
  });

  it("answers 422 unit.not_found for a unit of another agency", async () => {
    const res = await createAs(p.admin.cookie, newUserBody(p.otherUnit));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ path: "json.unitId", code: "unit.not_found" }] });
  });

  it("answers 403 role.superadmin_forbidden when an admin grants superadmin, and lets a superadmin admin do it", async () => {
    const res = await createAs(p.admin.cookie, newUserBody(p.unit, { roles: ["superadmin"] }));
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "role.superadmin_forbidden" });

    const platformAdmin = await createUser(p.unit, { roles: ["admin", "superadmin"] });
    const ok = await createAs(await signIn(platformAdmin), newUserBody(p.unit, { roles: ["superadmin"] }));
    expect(ok.status).toBe(201);
  });

  it("answers 403 to an ASN", async () => {
    expect((await createAs(p.asn.cookie, newUserBody(p.unit))).status).toBe(403);
  });

  it("writes a user.create audit row without any password", async () => {
    const body = newUserBody(p.unit);
    const res = await createAs(p.admin.cookie, body);
    expect(res.status).toBe(201);
    const { user, temporaryPassword } = CreatedUserSchema.parse(await res.json());
    const row = (await auditRows(p.agency.id, "user.create")).find((r) => r.subject_id === user.id);
    expect(row).toMatchObject({ actor_id: p.admin.user.id, subject_type: "user" });
    expect(JSON.parse(row!.detail)).toMatchObject({ nip: body.nip, email: body.email });
    expect(row!.detail).not.toContain(temporaryPassword);
    expect(row!.detail).not.toMatch(/password|argon2/i);
  });
});

describe("PATCH /api/v1/users/{id}", () => {
  it("edits the account and records each change with its before and after", async () => {
    const target = await createUser(p.unit);
    const unit = await createUnit(p.agency);
    const res = await patchAs(p.admin.cookie, target.id, {
      position: "Kepala Seksi",
      unitId: unit.id,
      roles: ["leader"],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      position: "Kepala Seksi",
      unit: { id: unit.id },
      roles: ["asn", "leader"],
    });
    const row = (await auditRows(p.agency.id, "user.update")).find((r) => r.subject_id === target.id);
    expect(JSON.parse(row!.detail)).toEqual({
      changes: {
        position: { from: "Pranata Komputer", to: "Kepala Seksi" },
        unitId: { from: p.unit.id, to: unit.id },
        roles: { from: "asn", to: "asn,leader" },
      },
    });
  });

  it("deactivating ends every session of the account", async () => {
    const target = await createUser(p.unit);
    const phone = await signIn(target);
    const laptop = await signIn(target);
    const res = await patchAs(p.admin.cookie, target.id, { active: false });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ active: false });
    expect((await api("GET", "/api/v1/auth/me", { cookie: phone })).status).toBe(401);
    expect((await api("GET", "/api/v1/auth/me", { cookie: laptop })).status).toBe(401);
    const open = await testDb.$count(sessions, and(eq(sessions.userId, target.id), isNull(sessions.revokedAt)));
    expect(open).toBe(0);
    expect((await auditRows(p.agency.id, "user.deactivate")).some((r) => r.subject_id === target.id)).toBe(true);
  });

  it("refuses an admin removing their own admin role or deactivating themself", async () => {
    const admin = await createUser(p.unit, { roles: ["admin"] });
    const cookie = await signIn(admin);
    const demote = await patchAs(cookie, admin.id, { roles: ["asn"] });
    expect(demote.status).toBe(422);
    expect(await demote.json()).toMatchObject({ errors: [{ path: "json.roles", code: "user.cannot_demote_self" }] });
    const deactivate = await patchAs(cookie, admin.id, { active: false });
    expect(deactivate.status).toBe(422);
    expect(await deactivate.json()).toMatchObject({
      errors: [{ path: "json.active", code: "user.cannot_deactivate_self" }],
    });
  });

  it("answers 404 to the admin of another agency", async () => {
    const target = await createUser(p.unit);
    const res = await patchAs(p.otherAdmin.cookie, target.id, { position: "Disusupi" });
    expect(res.status).toBe(404);
  });

  it("answers 403 when an admin edits an account that holds superadmin", async () => {
    const res = await patchAs(p.admin.cookie, p.superadmin.user.id, { position: "Diubah" });
    expect(res.status).toBe(403);
  });

  it("answers 409 user.email_taken for another account's e-mail", async () => {
    const target = await createUser(p.unit);
    const res = await patchAs(p.admin.cookie, target.id, { email: p.leader.user.email });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "user.email_taken" });
  });

  it("answers 422 unit.inactive when moving someone into a deactivated unit", async () => {
    const closed = await createUnit(p.agency);
    await testDb.update(units).set({ active: false }).where(eq(units.id, closed.id));
    const target = await createUser(p.unit);
    const res = await patchAs(p.admin.cookie, target.id, { unitId: closed.id });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ path: "json.unitId", code: "unit.inactive" }] });
  });

  it("answers 422 for an unknown field", async () => {
    const target = await createUser(p.unit);
    expect((await patchAs(p.admin.cookie, target.id, { nip: makeNip() })).status).toBe(422);
  });
});

describe("POST /api/v1/users/{id}/reset-password", () => {
  it("issues a temporary password, ends the sessions, and forces a change before anything else", async () => {
    const target = await createUser(p.unit);
    const before = await signIn(target);
    const res = await resetPassword(target.id);
    const { temporaryPassword } = await bodyOf(res, 200);

    expect((await api("GET", "/api/v1/auth/me", { cookie: before })).status).toBe(401);
    expect(
      (await api("POST", "/api/v1/auth/login", { body: { identifier: target.nip, password: TEST_PASSWORD } })).status,
    ).toBe(401);
    const cookie = await signIn(target, temporaryPassword);
    const blocked = await api("GET", "/api/v1/users", { cookie });
    expect(blocked.status).toBe(403);
    expect(await blocked.json()).toMatchObject({ code: "auth.password_change_required" });

    const change = await api("POST", "/api/v1/auth/password", {
      cookie,
      body: { currentPassword: temporaryPassword, newPassword: "Layanan-Prima-Binjai-7" },
    });
    expect(change.status).toBe(204);
    expect((await api("GET", "/api/v1/users", { cookie })).status).toBe(200);
  });

  it("records the reset without the password", async () => {
    const target = await createUser(p.unit);
    const { temporaryPassword } = await bodyOf(await resetPassword(target.id), 200);
    const row = (await auditRows(p.agency.id, "user.reset_password")).find((r) => r.subject_id === target.id);
    expect(row).toBeDefined();
    expect(row!.detail).not.toContain(temporaryPassword);
  });

  it("answers 409 user.reset_self for the admin's own account", async () => {
    const res = await api("POST", `/api/v1/users/${p.admin.user.id}/reset-password`, { cookie: p.admin.cookie });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "user.reset_self" });
  });

  it("answers 403 when an admin resets the password of a superadmin", async () => {
    const res = await api("POST", `/api/v1/users/${p.superadmin.user.id}/reset-password`, { cookie: p.admin.cookie });
    expect(res.status).toBe(403);
  });
});

describe("GET /api/v1/users", () => {
  let unit: TestUnit;
  let people: Awaited<ReturnType<typeof createUser>>[];
  beforeAll(async () => {
    unit = await createUnit(p.agency);
    people = [
      await createUser(unit, { name: "Ahmad Fauzi" }),
      await createUser(unit, { name: "Ahmad Rizki", roles: ["reviewer"] }),
      await createUser(unit, { name: "Ani Suryani", active: false }),
      await createUser(unit, { name: "Ni Luh Putu Ayu’s" }),
    ];
  });

  const list = async (cookie: string, query: UsersQuery) =>
    bodyOf(await client(cookie).api.v1.users.$get({ query }), 200);

  it("gives an admin NIP and e-mail, and filters by unit, role and active", async () => {
    const all = await list(p.admin.cookie, { unitId: String(unit.id) });
    expect(all.items.map((u) => u.name)).toEqual(["Ahmad Fauzi", "Ahmad Rizki", "Ani Suryani", "Ni Luh Putu Ayu’s"]);
    expect(all.items[0]).toMatchObject({ nip: people[0]!.nip, email: people[0]!.email });
    const reviewers = await list(p.admin.cookie, { unitId: String(unit.id), role: "reviewer" });
    expect(reviewers.items.map((u) => u.name)).toEqual(["Ahmad Rizki"]);
    const inactive = await list(p.admin.cookie, { unitId: String(unit.id), active: "false" });
    expect(inactive.items.map((u) => u.name)).toEqual(["Ani Suryani"]);
  });

  it("lets an admin search by name or by the start of a NIP", async () => {
    expect((await list(p.admin.cookie, { q: "rizki" })).items.map((u) => u.id)).toEqual([people[1]!.id]);
    expect(
      (await list(p.admin.cookie, { q: people[0]!.nip.slice(0, 14), unitId: String(unit.id) })).items.map((u) => u.id),
    ).toContain(people[0]!.id);
  });

  it("never gives a non-admin another person's NIP or e-mail, nor finds people by NIP", async () => {
    const res = await api("GET", `/api/v1/users?unitId=${unit.id}`, { cookie: p.asn.cookie });
    const text = await res.text();
    for (const person of people) {
      expect(text).not.toContain(person.nip);
      expect(text).not.toContain(person.email);
    }
    const body = UserPageSchema.parse(JSON.parse(text));
    expect(body.items.every((u) => !("nip" in u) && !("email" in u))).toBe(true);
    expect(body.items.map((u) => u.name)).not.toContain("Ani Suryani");
    expect((await list(p.asn.cookie, { q: people[0]!.nip })).items).toEqual([]);
    expect((await list(p.asn.cookie, { q: people[0]!.email })).items).toEqual([]);
  });

  it("shows a non-admin their own NIP and e-mail", async () => {
    const own = (await list(p.asn.cookie, { q: "Persona asn" })).items[0];
    expect(own).toMatchObject({ nip: p.asn.user.nip, email: p.asn.user.email });
  });

  it("pages with a cursor, also past a name outside Latin-1, without repeating anyone", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const query: UsersQuery = { unitId: String(unit.id), limit: "1" };
      if (cursor) query.cursor = cursor;
      const page: Awaited<ReturnType<typeof list>> = await list(p.admin.cookie, query);
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(people.map((u) => u.id));
  });

  it("answers 422 for a limit over 100 and 400 for a made-up cursor", async () => {
    expect((await api("GET", "/api/v1/users?limit=101", { cookie: p.admin.cookie })).status).toBe(422);
    expect((await api("GET", "/api/v1/users?cursor=bm9wZQ", { cookie: p.admin.cookie })).status).toBe(400);
  });

  it("lists only the caller's agency", async () => {
    const other = await list(p.otherAdmin.cookie, { limit: "100" });
    expect(other.items.map((u) => u.id)).toEqual([p.otherAdmin.user.id]);
  });
});

describe("GET /api/v1/users/{id}", () => {
  it("shows a colleague's card to an ASN without NIP or e-mail", async () => {
    const body = await bodyOf(await client(p.asn.cookie).api.v1.users[":id"].$get(byId(p.leader.user.id)), 200);
    expect(body).toMatchObject({ id: p.leader.user.id, name: "Persona leader", roles: ["asn", "leader"] });
    expect(Object.keys(body)).not.toContain("nip");
    expect(Object.keys(body)).not.toContain("email");
  });

  it("answers 404 for a deactivated colleague to a non-admin, and shows them to an admin", async () => {
    const gone = await createUser(p.unit, { active: false });
    expect((await api("GET", `/api/v1/users/${gone.id}`, { cookie: p.asn.cookie })).status).toBe(404);
    expect((await api("GET", `/api/v1/users/${gone.id}`, { cookie: p.admin.cookie })).status).toBe(200);
  });

  it("answers 404 for an account of another agency", async () => {
    const elsewhere = await createUser(await createUnit(await createAgency()));
    expect((await api("GET", `/api/v1/users/${elsewhere.id}`, { cookie: p.admin.cookie })).status).toBe(404);
  });
});
