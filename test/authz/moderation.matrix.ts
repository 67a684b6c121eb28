import { eq } from "drizzle-orm";
import { comments, ideas } from "../../src/db/schema";
import { testDb } from "../fixtures/db";
import { createUser } from "../fixtures/builders";
import { insertIdea, openCampaign } from "../fixtures/ideas";
import { insertComment } from "../fixtures/voting";
import { statuses, type MatrixEntry, type MatrixFixtures } from "./matrix-entry";

/** An idea by a colleague none of the personas is: anyone may report it. */
const colleaguesIdea = async (fx: MatrixFixtures) =>
  insertIdea(await openCampaign(fx.agency), await createUser(fx.unit));

/** The moderation step before: hidden, or reported (the same columns on ideas and on comments). */
type Moderated = { hiddenAt: number; hiddenReason: string } | { reportCount: number };
const hidden = (): Moderated => ({ hiddenAt: Date.now(), hiddenReason: "Uji" });
const reported: Moderated = { reportCount: 1 };

const hiddenIdea = async (fx: MatrixFixtures) => {
  const idea = await colleaguesIdea(fx);
  await testDb.update(ideas).set(hidden()).where(eq(ideas.id, idea.id));
  return idea;
};
const reportedIdea = async (fx: MatrixFixtures) => {
  const idea = await colleaguesIdea(fx);
  await testDb.update(ideas).set(reported).where(eq(ideas.id, idea.id));
  return idea;
};
const comment = async (fx: MatrixFixtures, moderated: Moderated) => {
  const c = await insertComment(await colleaguesIdea(fx), await createUser(fx.unit));
  await testDb.update(comments).set(moderated).where(eq(comments.id, c.id));
  return c;
};

/** Only the agency's admin; the other agency's admin meets this agency's ids. */
const adminOnly = statuses({ anonymous: 401, admin: 200, otherAdmin: 404 }, 403);
/** The queues of one's own agency. */
const admins = statuses({ anonymous: 401, admin: 200, otherAdmin: 200 }, 403);
const reason = { reason: "Melanggar etika" };

export const matrix: MatrixEntry[] = [
  {
    route: "POST /api/v1/ideas/{id}/report",
    request: async (fx) => ({ path: `/api/v1/ideas/${(await colleaguesIdea(fx)).id}/report`, body: reason }),
    expect: statuses({ guest_reviewer: 403, anonymous: 401, otherAdmin: 404 }, 200),
  },
  {
    route: "POST /api/v1/ideas/{id}/hide",
    request: async (fx) => ({ path: `/api/v1/ideas/${(await colleaguesIdea(fx)).id}/hide`, body: reason }),
    expect: adminOnly,
  },
  {
    route: "POST /api/v1/ideas/{id}/restore",
    request: async (fx) => ({ path: `/api/v1/ideas/${(await hiddenIdea(fx)).id}/restore`, body: reason }),
    expect: adminOnly,
  },
  {
    route: "POST /api/v1/ideas/{id}/dismiss-reports",
    request: async (fx) => ({ path: `/api/v1/ideas/${(await reportedIdea(fx)).id}/dismiss-reports` }),
    expect: adminOnly,
  },
  {
    route: "POST /api/v1/comments/{id}/restore",
    request: async (fx) => ({
      path: `/api/v1/comments/${(await comment(fx, hidden())).id}/restore`,
      body: reason,
    }),
    expect: adminOnly,
  },
  {
    route: "POST /api/v1/comments/{id}/dismiss-reports",
    request: async (fx) => ({ path: `/api/v1/comments/${(await comment(fx, reported)).id}/dismiss-reports` }),
    expect: adminOnly,
  },
  { route: "GET /api/v1/moderation/ideas", request: () => ({ path: "/api/v1/moderation/ideas" }), expect: admins },
  { route: "GET /api/v1/moderation/hidden", request: () => ({ path: "/api/v1/moderation/hidden" }), expect: admins },
];
