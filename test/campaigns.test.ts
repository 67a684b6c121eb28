import { beforeAll, describe, expect, it } from "vitest";
import { createPersonas } from "./fixtures/builders";
import { bodyOf, byId, client, fieldErrors } from "./fixtures/client";
import { api } from "./fixtures/http";
import { competition, openCampaign } from "./fixtures/ideas";

let p: Awaited<ReturnType<typeof createPersonas>>;
beforeAll(async () => {
  p = await createPersonas();
});

const day = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * day).toISOString();
const schedule = {
  submissionStart: at(-1),
  submissionEnd: at(20),
  votingStart: at(5),
  votingEnd: at(30),
  reviewStart: at(30),
  reviewEnd: at(45),
  announcementAt: at(50),
};

describe("POST /api/v1/campaigns", () => {
  it("lets an admin create a competition with the KIPP rubric by default; its phase follows the clock", async () => {
    const res = await client(p.admin.cookie).api.v1.campaigns.$post({
      json: {
        title: "Kompetisi Inovasi Pelayanan Publik 2026",
        categories: ["Pelayanan Publik", "Kesehatan"],
        ...schedule,
      },
    });
    const campaign = await bodyOf(res, 201);
    expect(campaign).toMatchObject({ phase: "submission", submissionOpen: true, votingOpen: false });
    expect(campaign.criteria.map((c) => c.key)).toEqual([
      "urgensi",
      "kebaruan",
      "efektivitas",
      "kemanfaatan",
      "replikasi",
      "keberlanjutan",
    ]);
    expect(campaign.criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
  });

  it("answers 403 to an ASN", async () => {
    const res = await api("POST", "/api/v1/campaigns", {
      cookie: p.asn.cookie,
      body: { title: "Kompetisi", ...schedule },
    });
    expect(res.status).toBe(403);
  });

  it("answers 422 naming dates out of order and a rubric whose weights do not add up to 100", async () => {
    const res = await api("POST", "/api/v1/campaigns", {
      cookie: p.admin.cookie,
      body: {
        title: "Kompetisi keliru",
        ...schedule,
        reviewStart: at(25),
        criteria: [
          { key: "kebaruan", labelId: "Kebaruan", labelEn: "Novelty", weight: 60 },
          { key: "manfaat", labelId: "Manfaat", labelEn: "Benefit", weight: 30 },
        ],
      },
    });
    expect((await fieldErrors(res)).map((e) => `${e.path}:${e.code}`)).toEqual([
      "json.reviewStart:campaign.date_order",
      "json.criteria:rubric.weights_total",
    ]);
  });

  it("answers 422 for a competition without its dates", async () => {
    const res = await api("POST", "/api/v1/campaigns", { cookie: p.admin.cookie, body: { title: "Tanpa tanggal" } });
    expect(res.status).toBe(422);
  });
});

describe("GET /api/v1/campaigns", () => {
  it("lists the agency's campaigns, Kotak Ide first, each with its phase", async () => {
    await openCampaign(p.agency);
    await competition(p.agency, "voting");
    const body = await bodyOf(await client(p.asn.cookie).api.v1.campaigns.$get(), 200);
    expect(body.items.find((c) => c.kind === "open")).toMatchObject({ phase: "open" });
    expect(body.items[0]?.kind).toBe("open");
    expect(body.items.map((c) => c.phase)).toContain("voting");
  });

  it("answers 404 for another agency's campaign", async () => {
    const campaign = await competition(p.agency, "voting");
    expect((await api("GET", `/api/v1/campaigns/${campaign.id}`, { cookie: p.otherAdmin.cookie })).status).toBe(404);
    expect((await api("GET", `/api/v1/campaigns/${campaign.id}`, { cookie: p.asn.cookie })).status).toBe(200);
  });
});

describe("PATCH /api/v1/campaigns/{id}", () => {
  it("changes settings and the rubric before review", async () => {
    const campaign = await competition(p.agency, "voting");
    const res = await client(p.admin.cookie).api.v1.campaigns[":id"].$patch({
      ...byId(campaign.id),
      json: { voteBudget: 3, criteria: [{ key: "dampak", labelId: "Dampak", labelEn: "Impact", weight: 100 }] },
    });
    expect(await bodyOf(res, 200)).toMatchObject({ criteria: [{ key: "dampak", weight: 100 }] });
  });

  it("answers 409 campaign.rubric_locked once review has started", async () => {
    const campaign = await competition(p.agency, "review");
    const res = await api("PATCH", `/api/v1/campaigns/${campaign.id}`, {
      cookie: p.admin.cookie,
      body: { criteria: [{ key: "dampak", labelId: "Dampak", labelEn: "Impact", weight: 100 }] },
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "campaign.rubric_locked" });
  });

  it("checks a changed date against the stored schedule", async () => {
    const campaign = await competition(p.agency, "voting");
    const res = await api("PATCH", `/api/v1/campaigns/${campaign.id}`, {
      cookie: p.admin.cookie,
      body: { announcementAt: at(-100) },
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ path: "json.announcementAt", code: "campaign.date_order" }] });
  });
});
