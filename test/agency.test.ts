/**
 * The agency admin's settings: name, emblem, public pages, the certificate signer and place, and
 * where they show — the header (`/auth/me`), certificates, dossiers, the public library.
 */
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { auditRows } from "./fixtures/admin";
import { announceAward, awardBody, readCertificate } from "./fixtures/awards";
import { createAgency, createUnit, createUser, signIn } from "./fixtures/builders";
import { GIF, JPEG, PDF, PNG } from "./fixtures/files";
import { bodyOf, client } from "./fixtures/client";
import { api } from "./fixtures/http";
import { insertIdea, openCampaign } from "./fixtures/ideas";

const patch = (cookie: string, body: unknown) => api("PATCH", "/api/v1/agency", { cookie, body });

const putEmblem = (cookie: string, bytes: Uint8Array, name = "lambang.png") =>
  client(cookie).api.v1.agency.emblem.$put({ form: { file: new File([bytes], name) } });

/** A fresh agency with its admin and a leader, signed in. */
async function agencyWithAdmin(timeZone?: "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura") {
  const agency = await createAgency("Pemerintah Kota Binjai", timeZone);
  const unit = await createUnit(agency);
  const admin = await createUser(unit, { roles: ["admin"] });
  const leader = await createUser(unit, { roles: ["leader"], name: "H. Irwansyah Nasution" });
  return { agency, unit, admin: await signIn(admin), leader: await signIn(leader), leaderUser: leader };
}

describe("GET and PATCH /api/v1/agency", () => {
  it("starts on WIB, without an emblem, with both public pages off and the announcing leader signing", async () => {
    const { admin } = await agencyWithAdmin();
    const res = await api("GET", "/api/v1/agency", { cookie: admin });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      name: "Pemerintah Kota Binjai",
      timeZone: "Asia/Jakarta",
      emblemUrl: null,
      hallOfFamePublic: false,
      libraryPublic: false,
      signer: null,
      signingPlace: "",
    });
  });

  it("changes only what is given, and records what changed", async () => {
    const { agency, admin } = await agencyWithAdmin();
    const signer = { name: "H. Irwansyah Nasution", position: "Sekretaris Daerah", nip: "197011041995031001" };
    const res = await patch(admin, { libraryPublic: true, signer, signingPlace: "Binjai" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      libraryPublic: true,
      hallOfFamePublic: false,
      signer,
      signingPlace: "Binjai",
    });
    const renamed = await bodyOf(await client(admin).api.v1.agency.$patch({ json: { name: "Pemko Binjai" } }), 200);
    expect(renamed).toMatchObject({ name: "Pemko Binjai", libraryPublic: true, signer });

    const rows = await auditRows(agency.id, "agency.update");
    expect(rows.map((r) => JSON.parse(r.detail) as Record<string, unknown>)).toEqual([
      {
        libraryPublic: { from: false, to: true },
        signer: { from: null, to: signer },
        signingPlace: { from: "", to: "Binjai" },
      },
      { name: { from: "Pemerintah Kota Binjai", to: "Pemko Binjai" } },
    ]);
  });

  it("checks the signer's NIP part by part, and takes a signer without one", async () => {
    const { admin } = await agencyWithAdmin();
    const bad = await patch(admin, {
      signer: { name: "Sekda", position: "Sekretaris Daerah", nip: "197013041995031001" },
    });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ errors: [{ path: "json.signer.nip", code: "nip.birth_date" }] });
    const ok = await patch(admin, { signer: { name: "Sekda", position: "Sekretaris Daerah" } });
    expect(await ok.json()).toMatchObject({ signer: { name: "Sekda", nip: null } });
    expect(await (await patch(admin, { signer: null })).json()).toMatchObject({ signer: null });
  });

  it("answers 403 to a leader and refuses unknown fields (the time zone is not the admin's to change)", async () => {
    const { admin, leader } = await agencyWithAdmin();
    expect((await patch(leader, { hallOfFamePublic: true })).status).toBe(403);
    expect((await patch(admin, { timeZone: "Asia/Jayapura" })).status).toBe(422);
  });
});

describe("PUT and DELETE /api/v1/agency/emblem", () => {
  it("keeps a PNG in R2, shows it at a public address that changes with it, and drops the one it replaces", async () => {
    const { agency, admin } = await agencyWithAdmin();
    const first = await bodyOf(await putEmblem(admin, PNG), 200);
    expect(first.emblemUrl).toMatch(new RegExp(`^/api/v1/agencies/${agency.slug}/emblem\\?v=`));
    const image = await api("GET", first.emblemUrl!);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(image.headers.get("cache-control")).toContain("immutable");
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
    const me = await bodyOf(await client(admin).api.v1.auth.me.$get(), 200);
    expect(me.user.agency.emblemUrl).toBe(first.emblemUrl);

    const second = await bodyOf(await putEmblem(admin, JPEG), 200);
    expect(second.emblemUrl).not.toBe(first.emblemUrl);
    const listed = await env.ATTACHMENTS.list({ prefix: `emblems/${agency.id}/` });
    expect(listed.objects.map((o) => o.key)).toHaveLength(1);
    expect(await auditRows(agency.id, "agency.emblem_set")).toHaveLength(2);

    const removed = await bodyOf(await client(admin).api.v1.agency.emblem.$delete(), 200);
    expect(removed.emblemUrl).toBeNull();
    expect((await env.ATTACHMENTS.list({ prefix: `emblems/${agency.id}/` })).objects).toHaveLength(0);
    expect((await api("GET", `/api/v1/agencies/${agency.slug}/emblem`)).status).toBe(404);
  });

  it("answers 415 emblem.unsupported_type for anything but PNG or JPEG, and 413 emblem.too_large past 512 KB", async () => {
    const { agency, admin } = await agencyWithAdmin();
    for (const bytes of [GIF, PDF, new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>")]) {
      const res = await putEmblem(admin, bytes);
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ code: "emblem.unsupported_type" });
    }
    const big = new Uint8Array(512 * 1024 + 1);
    big.set(PNG);
    const res = await putEmblem(admin, big);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "emblem.too_large" });
    expect((await env.ATTACHMENTS.list({ prefix: `emblems/${agency.id}/` })).objects).toHaveLength(0);
  });
});

describe("the settings on certificates", () => {
  afterEach(() => vi.useRealTimers());

  it("prints the announcing leader, the date alone and no emblem until the admin sets them", async () => {
    const { leader, leaderUser, unit } = await agencyWithAdmin();
    const winner = await createUser(unit);
    const award = await announceAward(leader, awardBody({ userIds: [winner.id] }));
    const pdf = await api("GET", `/api/v1/awards/${award.id}/certificates/${award.recipients[0]!.id}.pdf`, {
      cookie: leader,
    });
    const { lines, images } = await readCertificate(await pdf.arrayBuffer());
    expect(lines).toContain(leaderUser.name);
    expect(lines.some((l) => l.startsWith("NIP 1970"))).toBe(false);
    expect(images).toBe(0);
  });

  it("prints the agency's signer with the NIP, the place before the date on the agency's clock, and the emblem", async () => {
    const { admin, unit } = await agencyWithAdmin("Asia/Jayapura");
    await putEmblem(admin, PNG);
    await patch(admin, {
      signer: { name: "Drs. H. Sekda Binjai", position: "Sekretaris Daerah Kota Binjai", nip: "197011041995031001" },
      signingPlace: "Binjai",
    });
    const winner = await createUser(unit);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.parse("2026-12-31T16:30:00Z")); // 23:30 WIB, 01:30 WIT on 1 January
    const leader = await signIn(await createUser(unit, { roles: ["leader"] }));
    const award = await announceAward(leader, awardBody({ userIds: [winner.id] }));
    const pdf = await api("GET", `/api/v1/awards/${award.id}/certificates/${award.recipients[0]!.id}.pdf`, {
      cookie: leader,
    });
    const { lines, images } = await readCertificate(await pdf.arrayBuffer());
    expect(lines).toEqual(
      expect.arrayContaining([
        "Binjai, 1 Januari 2027",
        "Sekretaris Daerah Kota Binjai",
        "Drs. H. Sekda Binjai",
        "NIP 19701104 199503 1 001",
      ]),
    );
    expect(images).toBe(1);
  });
});

describe("the settings on the dossier", () => {
  it("shows the emblem in the page itself and writes its times on the agency's clock", async () => {
    const { agency, admin, unit } = await agencyWithAdmin("Asia/Makassar");
    await putEmblem(admin, PNG);
    const author = await createUser(unit);
    const idea = await insertIdea(await openCampaign(agency), author);
    const res = await api("GET", `/api/v1/ideas/${idea.id}/dossier`, { cookie: await signIn(author) });
    const page = await res.text();
    expect(page).toContain('<img class="emblem" src="data:image/png;base64,');
    expect(page).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+WITA/);
    expect(res.headers.get("content-security-policy")).toContain("img-src data:");
  });
});

describe("GET /api/v1/public-library/{agencySlug}", () => {
  it("is not there until the admin switches it on, then shows implemented ideas without naming anyone", async () => {
    const { agency, admin, unit } = await agencyWithAdmin();
    const author = await createUser(unit, { name: "Nama Yang Tidak Boleh Tampil" });
    const campaign = await openCampaign(agency);
    await insertIdea(campaign, author, { status: "implemented", title: "Antrean daring", decidedAt: Date.now() });
    await insertIdea(campaign, author, { status: "approved", title: "Belum diterapkan" });
    expect((await api("GET", `/api/v1/public-library/${agency.slug}`)).status).toBe(404);

    await patch(admin, { libraryPublic: true });
    const res = await client().api.v1["public-library"][":agencySlug"].$get({
      param: { agencySlug: agency.slug },
      query: {},
    });
    const text = await res.clone().text();
    const body = await bodyOf(res, 200);
    expect(body.agency.name).toBe("Pemerintah Kota Binjai");
    expect(body.items.map((i) => i.title)).toEqual(["Antrean daring"]);
    expect(text).not.toContain(author.name);
    expect(text).not.toContain(author.nip);
    expect(body.items[0]).not.toHaveProperty("id");
  });
});
