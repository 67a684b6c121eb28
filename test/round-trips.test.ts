/**
 * Round trips to D1 (issue 22): each costs a few milliseconds of waiting whatever it carries, so a
 * signed-in read page makes one (the session check travels in the batch of the page's first read)
 * and a vote two (session check with the reward state, then the write batch). Counted from the
 * `rt=` of `Server-Timing`. And the price is not paid in safety: signing out, a revoked session, a
 * deactivated account or a changed role takes effect on the very next request, and a write never
 * runs for a session that is no longer valid.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { comments, ideas, pointLedger, sessions, users } from "../src/db/schema";
import { serializeRoles } from "../src/domain/roles";
import { createPersonas, createUser, signIn, type Persona } from "./fixtures/builders";
import { bodyOf, byId, client } from "./fixtures/client";
import { testDb } from "./fixtures/db";
import { api, d1Cost } from "./fixtures/http";
import { competition, insertIdea } from "./fixtures/ideas";
import { ideaCounts } from "./fixtures/voting";

let fx: Awaited<ReturnType<typeof createPersonas>>;

beforeAll(async () => {
  fx = await createPersonas();
});

/** A fresh ASN of the personas' unit, signed in, whose session the Worker has already seen once. */
async function freshPersona(roles: ("asn" | "admin")[] = ["asn"]): Promise<Persona> {
  const user = await createUser(fx.unit, { roles });
  const persona = { user, cookie: await signIn(user) };
  expect((await api("GET", "/api/v1/auth/me", { cookie: persona.cookie })).status).toBe(200);
  return persona;
}

describe("round trips to D1", () => {
  it("GET /api/v1/ideas signed in makes one round trip once the session is known", async () => {
    const { cookie } = await freshPersona();
    const res = await api("GET", "/api/v1/ideas?sort=new", { cookie });
    expect(res.status).toBe(200);
    expect(d1Cost(res).rt).toBe(1);
  });

  it("GET /api/v1/rewards/me and /api/v1/leaderboards make one round trip each", async () => {
    const { cookie } = await freshPersona();
    for (const path of ["/api/v1/rewards/me", "/api/v1/leaderboards?period=month"]) {
      const res = await api("GET", path, { cookie });
      expect(res.status, path).toBe(200);
      expect(d1Cost(res).rt, path).toBe(1);
    }
  });

  it("POST a comment makes two round trips; GET the thread one, with replies and mentions, and still hides a hidden idea's", async () => {
    const reader = await freshPersona();
    const idea = await insertIdea(await competition(fx.agency, "voting"), fx.asn.user);
    const thread = (cookie: string) => client(cookie).api.v1.ideas[":id"].comments;
    const mentioned = fx.asn.user;
    const plain = await thread(reader.cookie).$post({ ...byId(idea.id), json: { body: "Setuju." } });
    expect(
      d1Cost(plain).rt,
      "a comment: the session check with the reward state and the idea's access, then the batch",
    ).toBe(2);
    const { id: plainId } = await bodyOf(plain, 201);
    const { id: parentId } = await bodyOf(
      await thread(reader.cookie).$post({ ...byId(idea.id), json: { body: `Usul bagus @[${mentioned.name}].` } }),
      201,
    );
    await bodyOf(
      await thread(fx.asn.cookie).$post({ ...byId(idea.id), json: { body: "Terima kasih.", parentId } }),
      201,
    );

    const res = await thread(reader.cookie).$get({ ...byId(idea.id), query: {} });
    expect(d1Cost(res).rt).toBe(1);
    const { items } = await bodyOf(res, 200);
    expect(items.map((c) => c.id)).toEqual([parentId, plainId]);
    expect(items[0]!.mentions.map((m) => m.id)).toEqual([mentioned.id]);
    expect(items[0]!.replies.map((r) => r.body)).toEqual(["Terima kasih."]);

    await testDb.update(ideas).set({ hiddenAt: Date.now() }).where(eq(ideas.id, idea.id));
    expect((await thread(reader.cookie).$get({ ...byId(idea.id), query: {} })).status).toBe(404);
  });

  it("PUT and DELETE /api/v1/ideas/{id}/vote make at most two round trips", async () => {
    const voter = await freshPersona();
    const idea = await insertIdea(await competition(fx.agency, "voting"), fx.asn.user);
    const cast = await api("PUT", `/api/v1/ideas/${idea.id}/vote`, { cookie: voter.cookie });
    expect(cast.status).toBe(200);
    expect(d1Cost(cast).rt).toBeLessThanOrEqual(2);
    const retract = await api("DELETE", `/api/v1/ideas/${idea.id}/vote`, { cookie: voter.cookie });
    expect(retract.status).toBe(200);
    expect(d1Cost(retract).rt).toBeLessThanOrEqual(2);
  });

  it("a session seen for the first time costs one more round trip, not a wrong answer", async () => {
    const user = await createUser(fx.unit);
    const cookie = await signIn(user);
    const res = await api("GET", "/api/v1/ideas?sort=new", { cookie });
    expect(res.status).toBe(200);
    expect(d1Cost(res).rt).toBe(2);
  });
});

describe("a changed session takes effect on the very next request", () => {
  it("answers 401 right after POST /api/v1/auth/logout", async () => {
    const { cookie } = await freshPersona();
    expect((await api("POST", "/api/v1/auth/logout", { cookie })).status).toBe(204);
    const res = await api("GET", "/api/v1/ideas?sort=new", { cookie });
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toMatch(/__Host-gagas_session=;/);
  });

  it("answers 401 once the session is revoked elsewhere (sign out everywhere), and a vote or a comment writes nothing", async () => {
    const voter = await freshPersona();
    const idea = await insertIdea(await competition(fx.agency, "voting"), fx.asn.user);
    await testDb.update(sessions).set({ revokedAt: Date.now() }).where(eq(sessions.userId, voter.user.id));
    expect((await api("PUT", `/api/v1/ideas/${idea.id}/vote`, { cookie: voter.cookie })).status).toBe(401);
    expect(await ideaCounts(idea.id)).toMatchObject({ voteCount: 0, voteRows: 0 });
    const comment = await client(voter.cookie).api.v1.ideas[":id"].comments.$post({
      ...byId(idea.id),
      json: { body: "Setuju." },
    });
    expect(comment.status).toBe(401);
    expect(await testDb.$count(comments, eq(comments.ideaId, idea.id))).toBe(0);
    expect(await testDb.$count(pointLedger, eq(pointLedger.userId, voter.user.id))).toBe(0);
    expect((await api("GET", "/api/v1/rewards/me", { cookie: voter.cookie })).status).toBe(401);
  });

  it("answers 401 once the account is deactivated", async () => {
    const { user, cookie } = await freshPersona();
    await testDb.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect((await api("GET", "/api/v1/ideas?sort=new", { cookie })).status).toBe(401);
  });

  it("follows a role taken away or given on the next request", async () => {
    const admin = await freshPersona(["asn", "admin"]);
    expect((await api("GET", "/api/v1/audit-log", { cookie: admin.cookie })).status).toBe(200);
    const setRoles = (roles: ("asn" | "admin")[]) =>
      testDb
        .update(users)
        .set({ roles: serializeRoles(roles) })
        .where(eq(users.id, admin.user.id));
    await setRoles(["asn"]);
    expect((await api("GET", "/api/v1/audit-log", { cookie: admin.cookie })).status).toBe(403);
    await setRoles(["asn", "admin"]);
    expect((await api("GET", "/api/v1/audit-log", { cookie: admin.cookie })).status).toBe(200);
  });
});
