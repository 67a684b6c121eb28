/**
 * Activation at scale and the forgotten password: links and codes are single use, expire, are
 * throttled, set the person's own password under the usual policy and sign them in.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accountTokens, outbox } from "../src/db/schema";
import { bodyOf, byId, client, codeOf } from "./fixtures/client";
import { createPersonas, createUnit, createUser, cookieFrom, type TestUser } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { api } from "./fixtures/http";
import { linkIn, mailTo, runSchedulerWithMail } from "./fixtures/mail";

let p: Awaited<ReturnType<typeof createPersonas>>;
beforeAll(async () => {
  p = await createPersonas();
});

/** A freshly imported person: never signed in. */
const newcomer = async (unit = p.unit) => createUser(unit, { name: "Pegawai Baru" });

const tokenOf = (url: string) => new URL(url).searchParams.get("token") ?? new URL(url).searchParams.get("kode")!;

async function emailedActivationLink(person: TestUser, unitId: number): Promise<string> {
  const res = await api("POST", "/api/v1/activation/send", { cookie: p.admin.cookie, body: { unitId } });
  expect(res.status).toBe(200);
  await runSchedulerWithMail();
  const [mail] = (await mailTo(person.email)).filter((m) => m.subject.startsWith("Aktifkan"));
  return linkIn(mail!, "https://gagas.test/aktivasi?token=");
}

describe("activation by e-mail", () => {
  it("e-mails a link to everyone not yet active; the link sets the password and signs in, once", async () => {
    const unit = await createUnit(p.agency);
    const a = await newcomer(unit);
    const b = await newcomer(unit);
    const link = await emailedActivationLink(a, unit.id);
    expect(await mailTo(b.email)).toHaveLength(1);
    const token = tokenOf(link);

    const check = await api("POST", "/api/v1/auth/tokens/check", { body: { token } });
    expect(await check.json()).toMatchObject({ purpose: "activation", name: "Pegawai Baru" });

    const weak = await api("POST", "/api/v1/auth/activate", { body: { token, newPassword: "password" } });
    expect(weak.status).toBe(422);
    const res = await api("POST", "/api/v1/auth/activate", { body: { token, newPassword: "Kantor-Lurah-Binjai-9" } });
    expect(res.status).toBe(200);
    const me = await bodyOf(await client(cookieFrom(res)).api.v1.auth.me.$get(), 200);
    expect(me.user.id).toBe(a.id);

    const again = await api("POST", "/api/v1/auth/activate", {
      body: { token, newPassword: "Kantor-Lurah-Binjai-10" },
    });
    expect(again.status).toBe(404);
    expect(await codeOf(again)).toBe("account_token.invalid");
    const login = await api("POST", "/api/v1/auth/login", {
      body: { identifier: a.nip, password: "Kantor-Lurah-Binjai-9" },
    });
    expect(login.status).toBe(200);

    // the admin sees who activated in the unit
    const activation = client(p.admin.cookie).api.v1.activation.units;
    const rows = (await bodyOf(await activation[":id"].$get(byId(unit.id)), 200)).people;
    expect(rows.find((r) => r.id === a.id)!.activatedAt).not.toBeNull();
    expect(rows.find((r) => r.id === b.id)!.activatedAt).toBeNull();
    const units = (await bodyOf(await activation.$get(), 200)).units;
    expect(units.find((u) => u.unitId === unit.id)).toMatchObject({ people: 2, activated: 1 });
  });

  it("voids the e-mailed link sent before a newer one, and the secret leaves the outbox once sent", async () => {
    const unit = await createUnit(p.agency);
    const person = await newcomer(unit);
    const first = await emailedActivationLink(person, unit.id);
    await emailedActivationLink(person, unit.id);
    const res = await api("POST", "/api/v1/auth/activate", {
      body: { token: tokenOf(first), newPassword: "Kantor-Lurah-Binjai-9" },
    });
    expect(res.status).toBe(404);
    const payloads = await testDb
      .select({ payload: outbox.payload })
      .from(outbox)
      .where(and(eq(outbox.userId, person.id), eq(outbox.state, "sent")));
    expect(payloads.map((r) => r.payload)).toEqual(["{}", "{}"]);
  });

  it("does not accept an expired link", async () => {
    const unit = await createUnit(p.agency);
    const person = await newcomer(unit);
    const link = await emailedActivationLink(person, unit.id);
    await testDb
      .update(accountTokens)
      .set({ expiresAt: Date.now() - 1 })
      .where(eq(accountTokens.userId, person.id));
    const res = await api("POST", "/api/v1/auth/activate", {
      body: { token: tokenOf(link), newPassword: "Kantor-Lurah-Binjai-9" },
    });
    expect(res.status).toBe(404);
  });
});

describe("the activation sheet", () => {
  it("prints a PDF of a unit's people not yet active and issues each a sheet code (the browser journey types one)", async () => {
    const unit = await createUnit(p.agency, { name: "Kelurahan Tanpa Surel" });
    const person = await newcomer(unit);
    const res = await api("POST", "/api/v1/activation/sheet", { cookie: p.admin.cookie, body: { unitId: unit.id } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    // the codes are only in the PDF; find this one through its hash the way a typed code is looked up
    const rows = await testDb
      .select({ channel: accountTokens.channel })
      .from(accountTokens)
      .where(eq(accountTokens.userId, person.id));
    expect(rows).toEqual([{ channel: "sheet" }]);
  });

  it("answers 404 for another agency's unit and 403 for a non-admin", async () => {
    expect(
      (await api("POST", "/api/v1/activation/sheet", { cookie: p.otherAdmin.cookie, body: { unitId: p.unit.id } }))
        .status,
    ).toBe(404);
    expect(
      (await api("POST", "/api/v1/activation/sheet", { cookie: p.asn.cookie, body: { unitId: p.unit.id } })).status,
    ).toBe(403);
  });
});

describe("forgot password", () => {
  it("answers the same for an unknown account, e-mails a known one, and the link ends every session", async () => {
    const person = await createUser(p.unit);
    const signedIn = await api("POST", "/api/v1/auth/login", {
      body: { identifier: person.nip, password: "Uji-Coba-Gagas-2026" },
    });
    const oldCookie = cookieFrom(signedIn);

    const unknown = await api("POST", "/api/v1/auth/forgot", {
      body: { identifier: "tidak-ada@uji.go.id" },
      headers: { "cf-connecting-ip": "198.51.100.1" },
    });
    const known = await api("POST", "/api/v1/auth/forgot", {
      body: { identifier: person.email },
      headers: { "cf-connecting-ip": "198.51.100.1" },
    });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(await unknown.json()).toEqual(await known.json());

    await runSchedulerWithMail();
    const [mail] = await mailTo(person.email);
    expect(mail!.subject).toBe("Atur ulang kata sandi Gagas / Reset your Gagas password");
    const token = tokenOf(linkIn(mail!, "https://gagas.test/atur-ulang-sandi?token="));
    const res = await api("POST", "/api/v1/auth/reset", { body: { token, newPassword: "Sandi-Baru-Kelurahan-3" } });
    expect(res.status).toBe(200);
    expect((await api("GET", "/api/v1/auth/me", { cookie: oldCookie })).status).toBe(401);
    expect((await api("GET", "/api/v1/auth/me", { cookie: cookieFrom(res) })).status).toBe(200);
    expect(
      (await api("POST", "/api/v1/auth/reset", { body: { token, newPassword: "Sandi-Baru-Kelurahan-4" } })).status,
    ).toBe(404);
    // a reset link does not activate, nor an activation link reset
    expect(
      (await api("POST", "/api/v1/auth/activate", { body: { token, newPassword: "Sandi-Baru-Kelurahan-5" } })).status,
    ).toBe(404);
  });

  it("sends at most three links an hour to one account, answering the same", async () => {
    const person = await createUser(p.unit);
    for (let i = 0; i < 5; i++) {
      const res = await api("POST", "/api/v1/auth/forgot", {
        body: { identifier: person.nip },
        headers: { "cf-connecting-ip": `198.51.100.${10 + i}` },
      });
      expect(res.status).toBe(202);
    }
    const rows = await testDb.$count(outbox, and(eq(outbox.userId, person.id), eq(outbox.kind, "password_reset")));
    expect(rows).toBe(3);
  });

  it("throttles one address after ten requests an hour", async () => {
    const headers = { "cf-connecting-ip": "203.0.113.77" };
    for (let i = 0; i < 10; i++) {
      expect(
        (await api("POST", "/api/v1/auth/forgot", { body: { identifier: `x${i}@uji.go.id` }, headers })).status,
      ).toBe(202);
    }
    const res = await api("POST", "/api/v1/auth/forgot", { body: { identifier: "x@uji.go.id" }, headers });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("throttles guessing of tokens and codes per address", async () => {
    const headers = { "cf-connecting-ip": "203.0.113.99" };
    for (let i = 0; i < 20; i++) {
      const res = await api("POST", "/api/v1/auth/tokens/check", {
        body: { token: `ABCD-EFGH-JK${String(i).padStart(2, "2").replace(/[01]/g, "2")}` },
        headers,
      });
      expect(res.status).toBe(404);
    }
    expect(
      (await api("POST", "/api/v1/auth/tokens/check", { body: { token: "ABCD-EFGH-JKMN" }, headers })).status,
    ).toBe(429);
  });
});
