import { beforeAll, describe, expect, it } from "vitest";
import { importCsv } from "./fixtures/admin";
import { createPersonas, createUser, makeNip, signIn } from "./fixtures/builders";
import { api } from "./fixtures/http";

type Personas = Awaited<ReturnType<typeof createPersonas>>;

let p: Personas;
beforeAll(async () => {
  p = await createPersonas();
});

describe("GET /api/v1/me/profile", () => {
  it("shows my own profile, NIP and e-mail included", async () => {
    const res = await api("GET", "/api/v1/me/profile", { cookie: p.reviewer.cookie });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      profile: {
        id: p.reviewer.user.id,
        nip: p.reviewer.user.nip,
        email: p.reviewer.user.email,
        roles: ["asn", "reviewer"],
        active: true,
        unit: { id: p.unit.id },
        agency: { id: p.agency.id },
      },
    });
  });
});

describe("GET /api/v1/me/export", () => {
  it("downloads my profile, my sessions without any token, and what admins did to my account", async () => {
    const me = await createUser(p.unit);
    const other = await createUser(p.unit);
    const cookie = await signIn(me);
    await api("PATCH", `/api/v1/users/${me.id}`, { cookie: p.admin.cookie, body: { position: "Analis Data" } });
    await api("PATCH", `/api/v1/users/${other.id}`, { cookie: p.admin.cookie, body: { position: "Bukan Urusanku" } });
    // one import that changes me and creates someone else
    const stranger = { nip: makeNip(), email: `orang.lain.${Date.now()}@uji.go.id` };
    await importCsv(p.admin.cookie, [
      [me.nip, "Nama Dari Impor", me.email, p.unit.code, "Analis Data", "asn"],
      [stranger.nip, "Orang Lain", stranger.email, p.unit.code, "", "asn"],
    ]);

    const res = await api("GET", "/api/v1/me/export", { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="gagas-data-saya-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const text = await res.text();
    const body = JSON.parse(text) as {
      profile: { nip: string; name: string };
      sessions: { current: boolean }[];
      auditTrail: { action: string; detail: object }[];
    };
    expect(body.profile).toMatchObject({ nip: me.nip, name: "Nama Dari Impor" });
    expect(body.sessions).toEqual([expect.objectContaining({ current: true, revokedAt: null })]);
    expect(body.auditTrail.map((e) => [e.action, e.detail])).toEqual([
      ["user.import", { changes: { name: { from: me.name, to: "Nama Dari Impor" } } }],
      ["user.update", { changes: { position: { from: "Pranata Komputer", to: "Analis Data" } } }],
    ]);
    expect(text).not.toMatch(/token|hash|argon2/i);
    expect(text).not.toContain(stranger.nip);
    expect(text).not.toContain(stranger.email);
    expect(text).not.toContain("Bukan Urusanku");
  });

  it("answers 401 without a session", async () => {
    expect((await api("GET", "/api/v1/me/export")).status).toBe(401);
  });
});
