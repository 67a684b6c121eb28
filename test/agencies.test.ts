import { eq } from "drizzle-orm";
import type { InferRequestType } from "hono/client";
import { beforeAll, describe, expect, it } from "vitest";
import { agencies, campaigns, users } from "../src/db/schema";
import { auditRows } from "./fixtures/admin";
import { createPersonas, createUser, makeNip, signIn } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { bodyOf, client } from "./fixtures/client";
import { api } from "./fixtures/http";

type Personas = Awaited<ReturnType<typeof createPersonas>>;
type AgencyInput = InferRequestType<ReturnType<typeof client>["api"]["v1"]["agencies"]["$post"]>["json"];

let p: Personas;
beforeAll(async () => {
  p = await createPersonas();
});

let seq = 0;
const agencyBody = (extra: Partial<AgencyInput> = {}) => {
  const n = `${++seq}-${Date.now()}`;
  return {
    name: `Pemerintah Kota Uji ${n}`,
    slug: `kota-uji-${n}`,
    region: "Bangka Belitung",
    admin: { nip: makeNip(), name: "Admin Pertama", email: `admin.${n}@uji.go.id`, position: "Analis SDM" },
    ...extra,
  };
};
const createAs = (cookie: string, body: unknown) => api("POST", "/api/v1/agencies", { cookie, body });
/** The platform admin creates the agency; answers the contract's CreatedAgency. */
const create = async (body: AgencyInput) =>
  bodyOf(await client(p.superadmin.cookie).api.v1.agencies.$post({ json: body }), 201);
const agencyPage = async (query: { limit: string; cursor?: string }) =>
  bodyOf(await client(p.superadmin.cookie).api.v1.agencies.$get({ query }), 200);

describe("POST /api/v1/agencies", () => {
  it("creates the agency, its root unit, its Kotak Ide and its first admin, who must change the temporary password", async () => {
    const body = agencyBody({ rootUnit: { code: "setda", name: "Sekretariat Daerah" } });
    const created = await create(body);
    expect(created).toMatchObject({
      agency: { slug: body.slug },
      rootUnit: { code: "SETDA", name: "Sekretariat Daerah" },
      admin: { nip: body.admin.nip },
    });
    const admin = await testDb
      .select({
        agencyId: users.agencyId,
        unitId: users.unitId,
        roles: users.roles,
        mustChangePassword: users.mustChangePassword,
      })
      .from(users)
      .where(eq(users.id, created.admin.id))
      .get();
    expect(admin).toEqual({
      agencyId: created.agency.id,
      unitId: created.rootUnit.id,
      roles: "asn,admin",
      mustChangePassword: true,
    });

    const kotakIde = await testDb
      .select({ kind: campaigns.kind, title: campaigns.title })
      .from(campaigns)
      .where(eq(campaigns.agencyId, created.agency.id));
    expect(kotakIde).toEqual([{ kind: "open", title: "Kotak Ide" }]);

    const cookie = await signIn({ nip: body.admin.nip }, created.temporaryPassword);
    const me = await api("GET", "/api/v1/auth/me", { cookie });
    expect(await me.json()).toMatchObject({ user: { mustChangePassword: true, agency: { id: created.agency.id } } });
  });

  it("names the root unit after the agency when none is given, and records the creation", async () => {
    const body = agencyBody();
    const created = await create(body);
    expect(created.rootUnit).toMatchObject({ code: "INDUK", name: body.name });
    const [audit] = await auditRows(created.agency.id, "agency.create");
    expect(audit).toMatchObject({
      actor_id: p.superadmin.user.id,
      subject_type: "agency",
      subject_id: created.agency.id,
    });
    expect(audit!.detail).not.toContain(created.temporaryPassword);
  });

  it("answers 409 agency.slug_taken, and stores nothing when the admin's e-mail is taken", async () => {
    const first = agencyBody();
    await createAs(p.superadmin.cookie, first);
    const again = await createAs(p.superadmin.cookie, agencyBody({ slug: first.slug }));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: "agency.slug_taken" });

    const clash = agencyBody();
    clash.admin.email = p.asn.user.email;
    const res = await createAs(p.superadmin.cookie, clash);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "user.email_taken", errors: [{ path: "json.admin.email" }] });
    expect(await testDb.$count(agencies, eq(agencies.slug, clash.slug))).toBe(0);
  });

  it("answers 422 naming the wrong part of the admin's NIP", async () => {
    const body = agencyBody();
    body.admin.nip = "19820315" + "200604" + "3" + "002";
    const res = await createAs(p.superadmin.cookie, body);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ path: "json.admin.nip", code: "nip.gender" }] });
  });

  it("answers 403 to an agency admin", async () => {
    expect((await createAs(p.admin.cookie, agencyBody())).status).toBe(403);
  });
});

describe("GET /api/v1/agencies", () => {
  it("pages through every agency by name", async () => {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await agencyPage(cursor ? { limit: "2", cursor } : { limit: "2" });
      names.push(...page.items.map((a) => a.name));
      cursor = page.nextCursor;
    } while (cursor);
    const n = await testDb.$count(agencies);
    expect(names).toHaveLength(n);
    expect([...names].sort()).toEqual(names);
  });
});

describe("an agency's time zone", () => {
  it("is the one the platform admin chose, and every person of the agency is told it", async () => {
    const body = agencyBody({ timeZone: "Asia/Jayapura" });
    const created = await create(body);
    expect(created.agency.timeZone).toBe("Asia/Jayapura");
    const cookie = await signIn({ nip: body.admin.nip }, created.temporaryPassword);
    const me = await api("GET", "/api/v1/auth/me", { cookie });
    expect(await me.json()).toMatchObject({ user: { agency: { timeZone: "Asia/Jayapura", emblemUrl: null } } });
  });

  it("is WIB when none is named, and nothing but WIB, WITA or WIT", async () => {
    const created = await create(agencyBody());
    expect(created.agency.timeZone).toBe("Asia/Jakarta");
    const res = await createAs(p.superadmin.cookie, { ...agencyBody(), timeZone: "Asia/Singapore" });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ path: "json.timeZone" }] });
  });
});

describe("PATCH /api/v1/agencies/{id}", () => {
  const setActive = (id: number, active: boolean, cookie = p.superadmin.cookie) =>
    api("PATCH", `/api/v1/agencies/${id}`, { cookie, body: { active } });

  it("deactivates an agency: its people are signed out and cannot sign in, its public pages are gone", async () => {
    const body = agencyBody();
    const created = await create(body);
    const cookie = await signIn({ nip: body.admin.nip }, created.temporaryPassword);
    await testDb
      .update(agencies)
      .set({ settings: JSON.stringify({ hallOfFamePublic: true, libraryPublic: true }) })
      .where(eq(agencies.id, created.agency.id));
    expect((await api("GET", `/api/v1/hall-of-fame/${body.slug}`)).status).toBe(200);

    const res = await setActive(created.agency.id, false);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: created.agency.id, active: false, deactivatedAt: expect.any(Number) });

    expect((await api("GET", "/api/v1/auth/me", { cookie })).status).toBe(401);
    const login = await api("POST", "/api/v1/auth/login", {
      body: { identifier: body.admin.nip, password: created.temporaryPassword },
    });
    expect(login.status).toBe(401);
    expect((await api("GET", `/api/v1/hall-of-fame/${body.slug}`)).status).toBe(404);
    expect((await api("GET", `/api/v1/public-library/${body.slug}`)).status).toBe(404);
    const [audit] = await auditRows(created.agency.id, "agency.deactivate");
    expect(audit).toMatchObject({ actor_id: p.superadmin.user.id, subject_id: created.agency.id });
  });

  it("reactivates it: people sign in again and the pages are back", async () => {
    const body = agencyBody();
    const created = await create(body);
    await testDb
      .update(agencies)
      .set({ settings: JSON.stringify({ hallOfFamePublic: true }) })
      .where(eq(agencies.id, created.agency.id));
    await setActive(created.agency.id, false);
    const res = await setActive(created.agency.id, true);
    expect(await res.json()).toMatchObject({ active: true, deactivatedAt: null });
    await signIn({ nip: body.admin.nip }, created.temporaryPassword);
    expect((await api("GET", `/api/v1/hall-of-fame/${body.slug}`)).status).toBe(200);
    expect(await auditRows(created.agency.id, "agency.reactivate")).toHaveLength(1);
  });

  it("answers 409 agency.own for the platform admin's own agency, and 404 for an unknown one", async () => {
    const own = await setActive(p.superadmin.user.agencyId, false);
    expect(own.status).toBe(409);
    expect(await own.json()).toMatchObject({ code: "agency.own" });
    expect((await setActive(999_999_999, false)).status).toBe(404);
  });

  it("changes nothing a second time (one audit row)", async () => {
    const created = await create(agencyBody());
    await setActive(created.agency.id, false);
    expect((await setActive(created.agency.id, false)).status).toBe(200);
    expect(await auditRows(created.agency.id, "agency.deactivate")).toHaveLength(1);
  });

  it("lists an agency with its zone, state and active people", async () => {
    const created = await create(agencyBody({ timeZone: "Asia/Makassar" }));
    const unit = { id: created.rootUnit.id, agencyId: created.agency.id, code: created.rootUnit.code };
    await Promise.all([createUser(unit), createUser(unit), createUser(unit, { active: false })]);
    await setActive(created.agency.id, false);
    let page = await agencyPage({ limit: "100" });
    let found = page.items.find((a) => a.id === created.agency.id);
    while (!found && page.nextCursor) {
      page = await agencyPage({ limit: "100", cursor: page.nextCursor });
      found = page.items.find((a) => a.id === created.agency.id);
    }
    expect(found).toMatchObject({ timeZone: "Asia/Makassar", active: false, people: 3 });
  });
});
