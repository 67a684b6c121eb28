import { beforeAll, describe, expect, it } from "vitest";
import { PersonalDataExportSchema } from "../src/routes/me/me.schemas";
import { importCsv } from "./fixtures/admin";
import { createPersonas, createUser, makeNip, signIn } from "./fixtures/builders";
import { api } from "./fixtures/http";
import { insertIdea, openCampaign } from "./fixtures/ideas";
import { bodyOf, client } from "./fixtures/client";

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
    const body = PersonalDataExportSchema.parse(JSON.parse(text));
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

  it("includes my ideas, votes, comments, points and badges, and nothing a colleague did", async () => {
    const me = await createUser(p.unit);
    const colleague = await createUser(p.unit);
    const [cookie, colleagueCookie] = [await signIn(me), await signIn(colleague)];
    const kotak = await openCampaign(p.agency);
    const mine = await insertIdea(kotak, me, { status: "submitted", title: "Ide saya sendiri" });
    const theirs = await insertIdea(kotak, colleague, { status: "submitted", title: "Ide rekan kerja" });
    expect((await api("PUT", `/api/v1/ideas/${theirs.id}/vote`, { cookie })).status).toBe(200);
    expect((await api("PUT", `/api/v1/ideas/${mine.id}/vote`, { cookie: colleagueCookie })).status).toBe(200);
    const posted = await api("POST", `/api/v1/ideas/${theirs.id}/comments`, {
      cookie,
      body: { body: "Komentar saya untuk rekan." },
    });
    expect(posted.status).toBe(201);
    await api("POST", `/api/v1/ideas/${mine.id}/comments`, {
      cookie: colleagueCookie,
      body: { body: "Komentar rekan, bukan data saya." },
    });

    const body = await bodyOf(await client(cookie).api.v1.me.export.$get(), 200);
    expect(body.ideas).toEqual([
      expect.objectContaining({ ideaId: mine.id, title: "Ide saya sendiri", role: "author" }),
    ]);
    expect(body.votes).toEqual([{ ideaId: theirs.id, createdAt: expect.any(Number) }]);
    expect(body.comments).toEqual([expect.objectContaining({ ideaId: theirs.id, body: "Komentar saya untuk rekan." })]);
    // a vote cast (1), a vote received from the colleague (2), a comment posted (2)
    expect(body.points.map((r) => [r.ruleKey, r.points])).toEqual([
      ["vote_cast", 1],
      ["vote_received", 2],
      ["comment_posted", 2],
    ]);
    expect(body.reviews).toEqual([]);
    expect(body.mutedNotifications).toEqual([]);
    expect(JSON.stringify(body)).not.toContain("Komentar rekan, bukan data saya.");
    expect(JSON.stringify(body)).not.toContain(colleague.nip);
  });

  it("answers 401 without a session", async () => {
    expect((await api("GET", "/api/v1/me/export")).status).toBe(401);
  });
});
