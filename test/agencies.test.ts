import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { auditRows } from "./fixtures/admin";
import { createPersonas, makeNip, signIn } from "./fixtures/builders";
import { api } from "./fixtures/http";

type Personas = Awaited<ReturnType<typeof createPersonas>>;
type Created = {
  agency: { id: number; slug: string };
  rootUnit: { id: number; code: string; name: string };
  admin: { id: number; nip: string };
  temporaryPassword: string;
};

let p: Personas;
beforeAll(async () => {
  p = await createPersonas();
});

let seq = 0;
const agencyBody = (extra: Record<string, unknown> = {}) => {
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

describe("POST /api/v1/agencies", () => {
  it("creates the agency, its root unit, its Kotak Ide and its first admin, who must change the temporary password", async () => {
    const body = agencyBody({ rootUnit: { code: "setda", name: "Sekretariat Daerah" } });
    const res = await createAs(p.superadmin.cookie, body);
    expect(res.status).toBe(201);
    const created = (await res.json()) as Created;
    expect(created).toMatchObject({
      agency: { slug: body.slug },
      rootUnit: { code: "SETDA", name: "Sekretariat Daerah" },
      admin: { nip: body.admin.nip },
    });
    const admin = await env.DB.prepare("SELECT agency_id, unit_id, roles, must_change_password FROM users WHERE id = ?")
      .bind(created.admin.id)
      .first();
    expect(admin).toEqual({
      agency_id: created.agency.id,
      unit_id: created.rootUnit.id,
      roles: "asn,admin",
      must_change_password: 1,
    });

    const kotakIde = await env.DB.prepare("SELECT kind, title FROM campaigns WHERE agency_id = ?")
      .bind(created.agency.id)
      .all();
    expect(kotakIde.results).toEqual([{ kind: "open", title: "Kotak Ide" }]);

    const cookie = await signIn({ nip: body.admin.nip }, created.temporaryPassword);
    const me = await api("GET", "/api/v1/auth/me", { cookie });
    expect(await me.json()).toMatchObject({ user: { mustChangePassword: true, agency: { id: created.agency.id } } });
  });

  it("names the root unit after the agency when none is given, and records the creation", async () => {
    const body = agencyBody();
    const created = (await (await createAs(p.superadmin.cookie, body)).json()) as Created;
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
    expect(await env.DB.prepare("SELECT id FROM agencies WHERE slug = ?").bind(clash.slug).first()).toBeNull();
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
      const res = await api("GET", `/api/v1/agencies?limit=2${cursor ? `&cursor=${cursor}` : ""}`, {
        cookie: p.superadmin.cookie,
      });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { name: string }[]; nextCursor: string | null };
      names.push(...page.items.map((a) => a.name));
      cursor = page.nextCursor;
    } while (cursor);
    const { n } = (await env.DB.prepare("SELECT count(*) AS n FROM agencies").first<{ n: number }>())!;
    expect(names).toHaveLength(n);
    expect([...names].sort()).toEqual(names);
  });
});
