import { eq } from "drizzle-orm";
import { roundAssignments, users } from "../../src/db/schema";
import { OPEN_GATES } from "../../src/domain/eligibility";
import { createUnit, createUser } from "../fixtures/builders";
import { testDb } from "../fixtures/db";
import {
  CHECKLIST,
  insertCompetition,
  insertEntry,
  insertOpenSheet,
  insertRoundPhoto,
  threeRounds,
} from "../fixtures/competitions";
import { fileOf, PNG } from "../fixtures/files";
import { competition, insertIdea } from "../fixtures/ideas";
import { statuses, type MatrixEntry, type MatrixFixtures } from "./matrix-entry";

/** A competition of one checklist round with the reviewer and guest personas on its panel, and an approved idea of the ASN persona. */
async function setUp(fx: MatrixFixtures) {
  const campaign = await competition(fx.agency, "review");
  const [roundId] = await insertCompetition(
    campaign,
    [
      {
        name: "Seleksi administrasi",
        kind: "checklist",
        weight: 100,
        advance: { mode: "all" },
        items: CHECKLIST,
        memberIds: [fx.reviewer.user.id, fx.guest_reviewer.user.id],
      },
    ],
    OPEN_GATES,
  );
  const idea = await insertIdea(campaign, fx.asn.user, { status: "approved" });
  return { campaign, roundId: roundId!, idea };
}

/** A sheet of the guest persona in an open round, declared free of conflict when asked. */
async function guestSheet(fx: MatrixFixtures, conflict: "undeclared" | "none" = "undeclared") {
  const { campaign, roundId, idea } = await setUp(fx);
  const entry = await insertEntry(campaign, idea, fx.admin.user);
  return insertOpenSheet(roundId, entry, fx.guest_reviewer.user, { conflict });
}

const admins = statuses({ anonymous: 401, admin: 200, otherAdmin: 404 }, 403);
const entrants = (ok: number) => statuses({ anonymous: 401, asn: ok, admin: ok, otherAdmin: 404 }, 403);
const sheetOwner = statuses({ anonymous: 401, guest_reviewer: 200, otherAdmin: 404 }, 403);
/** The multipart body of a photo on the checklist's first item. */
function photoForm() {
  const form = new FormData();
  form.append("file", fileOf(PNG, "loket.png", "image/png"));
  form.append("itemKey", CHECKLIST[0]!.key);
  return form;
}

/** A photo on the guest persona's sheet (declared free of conflict), and its path. */
async function guestPhoto(fx: MatrixFixtures) {
  const sheet = await guestSheet(fx, "none");
  const photo = await insertRoundPhoto(sheet, fx.guest_reviewer.user, CHECKLIST[0]!.key, PNG);
  return { path: `/api/v1/round-assignments/${sheet.id}/photos/${photo.id}` };
}

const entryBody = (ideaId: number) => ({ ideaId, group: "umum", operatingSince: "2020-01-01" });

export const matrix: MatrixEntry[] = [
  {
    route: "GET /api/v1/campaigns/{id}/competition",
    request: async (fx) => ({ path: `/api/v1/campaigns/${(await setUp(fx)).campaign.id}/competition` }),
    expect: admins,
  },
  {
    route: "PUT /api/v1/campaigns/{id}/competition",
    request: async (fx) => ({
      path: `/api/v1/campaigns/${(await competition(fx.agency, "review")).id}/competition`,
      body: { gates: OPEN_GATES, rounds: threeRounds([fx.reviewer.user.id]) },
    }),
    expect: admins,
  },
  {
    route: "POST /api/v1/campaigns/{id}/entries/check",
    request: async (fx) => {
      const { campaign, idea } = await setUp(fx);
      return { path: `/api/v1/campaigns/${campaign.id}/entries/check`, body: entryBody(idea.id) };
    },
    // the ASN persona is the idea's author
    expect: entrants(200),
  },
  {
    route: "POST /api/v1/campaigns/{id}/entries",
    request: async (fx) => {
      const { campaign, idea } = await setUp(fx);
      return { path: `/api/v1/campaigns/${campaign.id}/entries`, body: entryBody(idea.id) };
    },
    expect: entrants(201),
  },
  {
    route: "POST /api/v1/rounds/{id}/open",
    request: async (fx) => {
      const { campaign, roundId, idea } = await setUp(fx);
      await insertEntry(campaign, idea, fx.admin.user);
      return { path: `/api/v1/rounds/${roundId}/open` };
    },
    expect: admins,
  },
  {
    route: "POST /api/v1/rounds/{id}/close",
    request: async (fx) => {
      const { campaign, roundId, idea } = await setUp(fx);
      const entry = await insertEntry(campaign, idea, fx.admin.user);
      const sheet = await insertOpenSheet(roundId, entry, fx.reviewer.user, { conflict: "none" });
      await testDb
        .update(roundAssignments)
        .set({ state: "submitted", score: 100, submittedAt: 1 })
        .where(eq(roundAssignments.id, sheet.id));
      return { path: `/api/v1/rounds/${roundId}/close` };
    },
    expect: admins,
  },
  {
    route: "GET /api/v1/round-assignments",
    request: () => ({ path: "/api/v1/round-assignments" }),
    expect: statuses({ anonymous: 401 }, 200),
  },
  {
    route: "GET /api/v1/round-assignments/{id}",
    request: async (fx) => ({ path: `/api/v1/round-assignments/${(await guestSheet(fx)).id}` }),
    expect: sheetOwner,
  },
  {
    route: "PUT /api/v1/round-assignments/{id}/conflict",
    request: async (fx) => ({
      path: `/api/v1/round-assignments/${(await guestSheet(fx)).id}/conflict`,
      body: { conflict: false },
    }),
    expect: sheetOwner,
  },
  {
    route: "PUT /api/v1/round-assignments/{id}",
    request: async (fx) => ({
      path: `/api/v1/round-assignments/${(await guestSheet(fx, "none")).id}`,
      body: { scores: { proposal: 1, sk: 0 }, submit: true },
    }),
    expect: sheetOwner,
  },
  {
    route: "POST /api/v1/round-assignments/{id}/photos",
    request: async (fx) => ({
      path: `/api/v1/round-assignments/${(await guestSheet(fx, "none")).id}/photos`,
      form: photoForm(),
    }),
    expect: statuses({ anonymous: 401, guest_reviewer: 201, otherAdmin: 404 }, 403),
  },
  {
    route: "GET /api/v1/round-assignments/{id}/photos/{photoId}",
    request: guestPhoto,
    // the sheet's reviewer, and the admin who reads the round's results
    expect: statuses({ anonymous: 401, guest_reviewer: 200, admin: 200, otherAdmin: 404 }, 403),
  },
  {
    route: "DELETE /api/v1/round-assignments/{id}/photos/{photoId}",
    request: guestPhoto,
    expect: statuses({ anonymous: 401, guest_reviewer: 204, otherAdmin: 404 }, 403),
  },
  {
    route: "GET /api/v1/guest-reviewers",
    request: () => ({ path: "/api/v1/guest-reviewers" }),
    expect: statuses({ anonymous: 401, admin: 200, otherAdmin: 200 }, 403),
  },
  {
    route: "POST /api/v1/guest-reviewers",
    request: async (fx) => {
      const unit = await createUnit(fx.agency);
      // a fresh address per call: the e-mail of a throwaway colleague, then freed
      const probe = await createUser(unit);
      await testDb
        .update(users)
        .set({ email: `lama-${probe.email}` })
        .where(eq(users.id, probe.id));
      return {
        path: "/api/v1/guest-reviewers",
        body: {
          name: "Dr. Rina Siregar",
          email: probe.email,
          institution: "Universitas Sumatera Utara",
          expertise: "Kebijakan publik",
        },
      };
    },
    expect: statuses({ anonymous: 401, admin: 201, otherAdmin: 201 }, 403),
  },
];
