/**
 * The client contract, locked by type: what the typed client (`hc<AppType>`, the SPA's and the tests'
 * client) takes and answers for the main operations is what their route schemas say. A change to a
 * schema that the SPA relies on fails `npm run typecheck` here first.
 */
import type { z } from "@hono/zod-openapi";
import { describe, expectTypeOf, expect, it } from "vitest";
import type { Abilities } from "../src/domain/abilities";
import type { ProblemSchema } from "../src/lib/openapi";
import type { SessionSchema } from "../src/routes/auth/auth.schemas";
import type { IdeaDetailSchema, IdeaListSchema } from "../src/routes/ideas/ideas.schemas";
import type { ReviewSchema } from "../src/routes/reviews/reviews.schemas";
import type { VoteStateSchema } from "../src/routes/voting/voting.schemas";
import { createPersonas } from "./fixtures/builders";
import { bodyOf, client, problemCode } from "./fixtures/client";
import { COMPLETE_IDEA, competition, insertIdea, openCampaign, seatOnCommittee } from "./fixtures/ideas";
import { insertAssignment, insertRubric, review, setStatus, SIMPLE_RUBRIC } from "./fixtures/reviews";

type Answer<S extends z.ZodType> = z.output<S>;

describe("the typed client's contract", () => {
  it("answers GET and POST /api/v1/ideas with the IdeaList and IdeaDetail schemas", async () => {
    const p = await createPersonas();
    await openCampaign(p.agency);
    const api = client(p.asn.cookie).api.v1;
    const created = await bodyOf(await api.ideas.$post({ json: COMPLETE_IDEA }), 201);
    expectTypeOf(created).toEqualTypeOf<Answer<typeof IdeaDetailSchema>>();
    expect(created.title).toBe(COMPLETE_IDEA.title);

    const mine = await bodyOf(await api.ideas.$get({ query: { mine: "true" } }), 200);
    expectTypeOf(mine).toEqualTypeOf<Answer<typeof IdeaListSchema>>();
    expect(mine.items.map((i) => i.id)).toContain(created.id);
  });

  it("answers PUT /api/v1/ideas/{id}/vote with the VoteState schema, and a refusal with a Problem", async () => {
    const p = await createPersonas();
    const kotak = await openCampaign(p.agency);
    const idea = await insertIdea(kotak, p.leader.user, { status: "submitted" });
    const vote = client(p.asn.cookie).api.v1.ideas[":id"].vote;
    const state = await bodyOf(await vote.$put({ param: { id: String(idea.id) } }), 200);
    expectTypeOf(state).toEqualTypeOf<Answer<typeof VoteStateSchema>>();
    expect(state.voted).toBe(true);

    const own = await vote.$put({ param: { id: String(idea.id) } }, { headers: { cookie: p.leader.cookie } });
    const refusal = await bodyOf(own, 409);
    expectTypeOf(refusal).toEqualTypeOf<Answer<typeof ProblemSchema>>();
    expect(refusal.code).toBe("vote.own_idea");
    // @ts-expect-error: the path takes the idea's id, nothing else
    expectTypeOf(vote.$put).toBeCallableWith({ param: { ideaId: "1" } });
  });

  it("answers POST /api/v1/assignments/{id}/review/submit with the Review schema", async () => {
    const p = await createPersonas();
    const campaign = await competition(p.agency, "review");
    await insertRubric(campaign, SIMPLE_RUBRIC);
    await seatOnCommittee(campaign, p.reviewer.user, "reviewer");
    const idea = await insertIdea(campaign, p.asn.user, { status: "submitted" });
    await setStatus(idea, "in_review");
    const assignment = await insertAssignment(campaign, idea, p.reviewer.user);
    const submit = client(p.reviewer.cookie).api.v1.assignments[":id"].review.submit;
    const param = { id: String(assignment.id) };
    expect(await problemCode(await submit.$post({ param }), 409)).toBe("review.not_started");

    await review(p.reviewer.cookie, assignment.id, { kebaruan: 4, manfaat: 3 });
    const again = await submit.$post({ param });
    const done = await bodyOf(again, 409);
    expectTypeOf(done).toEqualTypeOf<Answer<typeof ProblemSchema>>();
    expect(done.code).toBe("review.already_submitted");
    type Submitted = Extract<Awaited<ReturnType<typeof submit.$post>>, { status: 200 }>;
    expectTypeOf<Awaited<ReturnType<Submitted["json"]>>>().toEqualTypeOf<Answer<typeof ReviewSchema>>();
  });

  it("answers GET /api/v1/auth/me with the Session schema, and 401 without a session", async () => {
    const p = await createPersonas();
    const me = await bodyOf(await client(p.asn.cookie).api.v1.auth.me.$get(), 200);
    expectTypeOf(me).toEqualTypeOf<Answer<typeof SessionSchema>>();
    expect(me.user.id).toBe(p.asn.user.id);
    // what the SPA shows or hides comes from here: every ability of the policy, by name
    expectTypeOf(me.user.can).toEqualTypeOf<Abilities>();
    expect(me.user.can.participate).toBe(true);
    expect(await problemCode(await client().api.v1.auth.me.$get(), 401)).toBe("auth.required");
  });
});
