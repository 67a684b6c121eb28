import { createUnit, createUser } from "../fixtures/builders";
import { competition, insertIdea, seatOnCommittee } from "../fixtures/ideas";
import {
  inDays,
  insertAssignment,
  insertImplementationReport,
  insertReview,
  insertRubric,
  SIMPLE_RUBRIC,
} from "../fixtures/reviews";
import { statuses, type MatrixEntry, type MatrixFixtures } from "./matrix-entry";

/**
 * A competition in its review phase with a rubric, a chair who is no persona, and the reviewer
 * persona on the committee; ideas come from an author of another unit (no conflict of interest).
 */
async function reviewCampaign(fx: MatrixFixtures) {
  const campaign = await competition(fx.agency, "review");
  await insertRubric(campaign, SIMPLE_RUBRIC);
  await seatOnCommittee(campaign, await createUser(fx.unit, { roles: ["asn", "reviewer"] }), "chair");
  await seatOnCommittee(campaign, fx.reviewer.user, "reviewer");
  const author = await createUser(await createUnit(fx.agency));
  return { campaign, author };
}

/** An idea under review assigned to the reviewer persona. */
async function assigned(fx: MatrixFixtures) {
  const { campaign, author } = await reviewCampaign(fx);
  const idea = await insertIdea(campaign, author, { status: "in_review" });
  const assignment = await insertAssignment(campaign, idea, fx.reviewer.user);
  return { campaign, idea, assignment };
}

const campaignPath = async (fx: MatrixFixtures, rest: string) =>
  `/api/v1/campaigns/${(await reviewCampaign(fx)).campaign.id}${rest}`;

// who manages review: the admin (the chair is no persona); another agency's admin gets 404
const managers = statuses({ anonymous: 401, admin: 200, otherAdmin: 404 }, 403);

export const matrix: MatrixEntry[] = [
  {
    route: "GET /api/v1/campaigns/{id}/committee",
    request: async (fx) => ({ path: await campaignPath(fx, "/committee") }),
    expect: statuses({ anonymous: 401, reviewer: 200, admin: 200, otherAdmin: 404 }, 403),
  },
  {
    route: "PUT /api/v1/campaigns/{id}/committee",
    request: async (fx) => ({
      path: await campaignPath(fx, "/committee"),
      body: { members: [{ userId: fx.reviewer.user.id, role: "chair" }] },
    }),
    expect: managers,
  },
  {
    route: "GET /api/v1/campaigns/{id}/committee/candidates",
    request: async (fx) => ({ path: await campaignPath(fx, "/committee/candidates?q=ASN") }),
    expect: managers,
  },
  {
    route: "POST /api/v1/campaigns/{id}/review/start",
    request: async (fx) => {
      const { campaign, author } = await reviewCampaign(fx);
      await insertIdea(campaign, author);
      return {
        path: `/api/v1/campaigns/${campaign.id}/review/start`,
        body: { selection: { mode: "top", k: 5 }, dueAt: inDays(10) },
      };
    },
    expect: managers,
  },
  {
    route: "GET /api/v1/campaigns/{id}/assignments",
    request: async (fx) => ({ path: `/api/v1/campaigns/${(await assigned(fx)).campaign.id}/assignments` }),
    expect: managers,
  },
  {
    route: "POST /api/v1/ideas/{id}/assignments",
    request: async (fx) => {
      const { campaign, author } = await reviewCampaign(fx);
      const idea = await insertIdea(campaign, author, { status: "in_review" });
      return {
        path: `/api/v1/ideas/${idea.id}/assignments`,
        body: { reviewerId: fx.reviewer.user.id, dueAt: inDays(10) },
      };
    },
    expect: statuses({ anonymous: 401, admin: 201, otherAdmin: 404 }, 403),
  },
  {
    route: "DELETE /api/v1/assignments/{id}",
    request: async (fx) => ({ path: `/api/v1/assignments/${(await assigned(fx)).assignment.id}` }),
    expect: statuses({ anonymous: 401, admin: 204, otherAdmin: 404 }, 403),
  },
  {
    route: "GET /api/v1/reviews/mine",
    request: () => ({ path: "/api/v1/reviews/mine?state=open" }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401 }, 200),
  },
  {
    route: "GET /api/v1/assignments/{id}",
    request: async (fx) => ({ path: `/api/v1/assignments/${(await assigned(fx)).assignment.id}` }),
    // its reviewer and the admin (and the chair) read it
    expect: statuses({ anonymous: 401, reviewer: 200, admin: 200, otherAdmin: 404 }, 403),
  },
  {
    route: "PUT /api/v1/assignments/{id}/review",
    request: async (fx) => ({
      path: `/api/v1/assignments/${(await assigned(fx)).assignment.id}/review`,
      body: { scores: { kebaruan: 3 }, note: "Perlu data pendukung" },
    }),
    expect: statuses({ anonymous: 401, reviewer: 200, otherAdmin: 404 }, 403),
  },
  {
    route: "POST /api/v1/assignments/{id}/review/submit",
    request: async (fx) => {
      const { campaign, idea, assignment } = await assigned(fx);
      await insertReview(campaign, idea, fx.reviewer.user, assignment);
      return { path: `/api/v1/assignments/${assignment.id}/review/submit` };
    },
    expect: statuses({ anonymous: 401, reviewer: 200, otherAdmin: 404 }, 403),
  },
  {
    route: "POST /api/v1/assignments/{id}/review/reopen",
    request: async (fx) => {
      const { campaign, idea, assignment } = await assigned(fx);
      await insertReview(campaign, idea, fx.reviewer.user, assignment, { state: "submitted" });
      return { path: `/api/v1/assignments/${assignment.id}/review/reopen`, body: { reason: "Nilai perlu ditinjau" } };
    },
    // the chair only (no persona); not even the admin or the review's own reviewer
    expect: statuses({ anonymous: 401, otherAdmin: 404 }, 403),
  },
  {
    route: "GET /api/v1/campaigns/{id}/ranking",
    request: async (fx) => ({ path: await campaignPath(fx, "/ranking?normalised=true") }),
    expect: managers,
  },
  {
    route: "GET /api/v1/campaigns/{id}/ranking.csv",
    request: async (fx) => ({ path: await campaignPath(fx, "/ranking.csv") }),
    expect: managers,
  },
  {
    route: "GET /api/v1/campaigns/{id}/reviews.csv",
    request: async (fx) => ({ path: await campaignPath(fx, "/reviews.csv?separator=semicolon") }),
    expect: managers,
  },
  {
    route: "POST /api/v1/ideas/{id}/implementation",
    request: async (fx) => {
      const { campaign, author } = await reviewCampaign(fx);
      const idea = await insertIdea(campaign, author, { status: "approved" });
      return {
        path: `/api/v1/ideas/${idea.id}/implementation`,
        body: {
          implementedOn: new Date().toISOString().slice(0, 10),
          unitId: fx.unit.id,
          summary: "Diterapkan di seluruh kelurahan.",
        },
      };
    },
    expect: statuses({ anonymous: 401, admin: 201, otherAdmin: 404 }, 403),
  },
  {
    route: "GET /api/v1/ideas/{id}/implementation",
    request: async (fx) => {
      const { campaign, author } = await reviewCampaign(fx);
      const idea = await insertIdea(campaign, author, { status: "implemented" });
      await insertImplementationReport(idea, campaign, fx.unit.id, fx.admin.user);
      return { path: `/api/v1/ideas/${idea.id}/implementation` };
    },
    expect: statuses({ guest_reviewer: 403, anonymous: 401, otherAdmin: 404 }, 200),
  },
  {
    route: "GET /api/v1/ideas/{id}/implementation/updates",
    request: async (fx) => ({
      path: `/api/v1/ideas/${(await implemented(fx, fx.asn.user)).id}/implementation/updates`,
    }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401, otherAdmin: 404 }, 200),
  },
  {
    route: "POST /api/v1/ideas/{id}/implementation/updates",
    // the ASN persona's own implemented idea: its team and the admin post, nobody else
    request: async (fx) => ({
      path: `/api/v1/ideas/${(await implemented(fx, fx.asn.user)).id}/implementation/updates`,
      body: {
        body: "Antrean turun separuh dalam tiga bulan.",
        figures: [{ label: "Antrean", value: 12, unit: "orang" }],
      },
    }),
    expect: statuses({ anonymous: 401, asn: 201, admin: 201, otherAdmin: 404 }, 403),
  },
];

/** An implemented idea of `author`, with its report. */
async function implemented(fx: MatrixFixtures, author: MatrixFixtures["asn"]["user"]) {
  const { campaign } = await reviewCampaign(fx);
  const idea = await insertIdea(campaign, author, { status: "implemented" });
  await insertImplementationReport(idea, campaign, fx.unit.id, fx.admin.user);
  return idea;
}
