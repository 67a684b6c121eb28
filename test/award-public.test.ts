/** What anyone may read without signing in: a certificate's verification and a public Hall of Fame. */
import { beforeAll, describe, expect, it } from "vitest";
import { CODE_BYTES, certificateCode } from "../src/domain/certificate";
import { bodyOf, client } from "./fixtures/client";
import { awardBody, announceAward, keysDeep, setHallOfFamePublic, type AwardJson } from "./fixtures/awards";
import { createPersonas, createUnit, createUser, type TestUser } from "./fixtures/builders";
import { api, d1Cost } from "./fixtures/http";
import { insertIdea, openCampaign } from "./fixtures/ideas";

let p: Awaited<ReturnType<typeof createPersonas>>;
let winner: TestUser;
let award: AwardJson;

beforeAll(async () => {
  p = await createPersonas();
  winner = await createUser(p.unit, { name: "Dewi Anggraini Sembiring" });
  const unit = await createUnit(p.agency, { name: "Dinas Kependudukan dan Pencatatan Sipil" });
  const idea = await insertIdea(await openCampaign(p.agency), winner, {
    status: "implemented",
    title: "Antrean daring perekaman KTP elektronik",
  });
  award = await announceAward(
    p.leader.cookie,
    awardBody(
      { userIds: [winner.id], unitIds: [unit.id] },
      { title: "Inovator Terbaik KIPP 2026", ideaIds: [idea.id] },
    ),
  );
});

const PRIVATE_KEYS = ["nip", "email", "userId", "certificateCode", "code"];

describe("GET /api/v1/certificates/{code}", () => {
  it("confirms a real certificate without sign-in and shows nothing else about the person", async () => {
    const code = award.recipients[0]!.certificateCode!;
    const res = await client().api.v1.certificates[":code"].$get({ param: { code } });
    const body = await bodyOf(res, 200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(body).toEqual({
      valid: true,
      revokedAt: null,
      code,
      award: { title: "Inovator Terbaik KIPP 2026", periodLabel: "2026", announcedAt: award.announcedAt },
      recipient: { name: "Dewi Anggraini Sembiring" },
      agency: { name: "Pemerintah Kota Uji", timeZone: "Asia/Jakarta" },
    });
    const keys = keysDeep(body);
    expect(keys).not.toContain("nip");
    expect(keys).not.toContain("email");
    expect(JSON.stringify(body)).not.toContain(winner.nip);
    expect(JSON.stringify(body)).not.toContain(winner.email);
    // one indexed read, whoever asks
    expect(d1Cost(res).q).toBeLessThanOrEqual(1);
  });

  it("names the unit for a unit's certificate", async () => {
    const res = await client().api.v1.certificates[":code"].$get({
      param: { code: award.recipients[1]!.certificateCode! },
    });
    expect((await bodyOf(res, 200)).recipient).toEqual({
      name: "Dinas Kependudukan dan Pencatatan Sipil",
    });
  });

  it("reads a code as people type it: lower case, without dashes, O for 0 and I or L for 1", async () => {
    const code = award.recipients[0]!.certificateCode!;
    const typed = code.toLowerCase().replaceAll("-", " ").replaceAll("0", "o").replaceAll("1", "l");
    const res = await client().api.v1.certificates[":code"].$get({ param: { code: typed } });
    expect(res.status).toBe(200);
    expect((await bodyOf(res, 200)).code).toBe(code);
  });

  it("answers 404 problem+json for a made-up code and for something that is not a code", async () => {
    const madeUp = certificateCode(crypto.getRandomValues(new Uint8Array(CODE_BYTES)));
    for (const code of [madeUp, "GGS-1234", "hello"]) {
      const res = await api("GET", `/api/v1/certificates/${code}`);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ status: 404, code: "not_found" });
    }
  });
});

describe("GET /api/v1/hall-of-fame/{agencySlug}", () => {
  it("shows an agency's awards to anyone when the agency makes it public, with names and no private data", async () => {
    await setHallOfFamePublic(p.agency, true);
    const res = await client().api.v1["hall-of-fame"][":agencySlug"].$get({
      param: { agencySlug: p.agency.slug },
      query: {},
    });
    const body = await bodyOf(res, 200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(body.agency.name).toBe("Pemerintah Kota Uji");
    expect(body.items[0]).toMatchObject({
      title: "Inovator Terbaik KIPP 2026",
      announcedBy: { name: "Persona leader", position: "Pranata Komputer" },
      recipients: [
        {
          kind: "person",
          name: "Dewi Anggraini Sembiring",
          position: "Pranata Komputer",
          unitName: expect.any(String),
        },
        {
          kind: "unit",
          name: "Dinas Kependudukan dan Pencatatan Sipil",
          position: null,
          unitName: "Dinas Kependudukan dan Pencatatan Sipil",
        },
      ],
      ideas: [{ title: "Antrean daring perekaman KTP elektronik" }],
    });
    const keys = keysDeep(body);
    for (const key of PRIVATE_KEYS) expect(keys).not.toContain(key);
    expect(JSON.stringify(body)).not.toContain(winner.nip);
  });

  it("answers 404 for an agency that keeps it private, and for an unknown agency", async () => {
    const closed = await createPersonas();
    await announceAward(closed.leader.cookie, awardBody({ userIds: [closed.asn.user.id] }));
    for (const slug of [closed.agency.slug, "no-such-agency"]) {
      const res = await api("GET", `/api/v1/hall-of-fame/${slug}`);
      expect(res.status).toBe(404);
      expect(res.headers.get("cache-control")).not.toBe("public, max-age=300");
    }
    // its own people still read its awards
    const own = await bodyOf(await client(closed.asn.cookie).api.v1.awards.$get({ query: {} }), 200);
    expect(own.items).toHaveLength(1);
  });
});
