import { describe, expect, it } from "vitest";
import {
  IDEA_ACTIONS,
  IDEA_STATUSES,
  TRANSITIONS,
  availableActions,
  planTransition,
  type Capacity,
  type IdeaAction,
  type IdeaStatus,
} from "../../src/domain/idea-status";

const CAPACITIES: Capacity[] = ["author", "chair", "admin"];

// The workflow of DESIGN.md §4, written out by hand: [action, from, to, who]
const ALLOWED: [IdeaAction, IdeaStatus, IdeaStatus, Capacity[]][] = [
  ["submit", "draft", "submitted", ["author"]],
  ["withdraw", "draft", "withdrawn", ["author"]],
  ["withdraw", "submitted", "withdrawn", ["author"]],
  ["start_review", "submitted", "in_review", ["chair", "admin"]],
  ["shortlist", "in_review", "shortlisted", ["chair"]],
  ["approve", "in_review", "approved", ["chair"]],
  ["approve", "shortlisted", "approved", ["chair"]],
  ["reject", "in_review", "rejected", ["chair"]],
  ["reject", "shortlisted", "rejected", ["chair"]],
  ["implement", "approved", "implemented", ["chair", "admin"]],
  ["merge", "submitted", "merged", ["chair", "admin"]],
  ["merge", "in_review", "merged", ["chair", "admin"]],
  ["merge", "shortlisted", "merged", ["chair", "admin"]],
];

const context = (capacity: Capacity) => ({
  capacities: [capacity],
  reason: "Alasan yang jelas",
  submissionOpen: true,
  reviewOpen: true,
});

describe("planTransition", () => {
  for (const action of IDEA_ACTIONS) {
    for (const from of IDEA_STATUSES) {
      for (const capacity of CAPACITIES) {
        const allowed = ALLOWED.find(([a, f, , who]) => a === action && f === from && who.includes(capacity));
        const permitted = ALLOWED.some(([a, , , who]) => a === action && who.includes(capacity));
        if (allowed) {
          it(`lets the ${capacity} ${action} a ${from} idea → ${allowed[2]}`, () => {
            expect(planTransition(from, action, context(capacity))).toEqual({
              ok: true,
              from,
              to: allowed[2],
              reason: "Alasan yang jelas",
            });
          });
        } else {
          const code = permitted ? "transition.invalid_from_status" : "transition.not_permitted";
          it(`refuses the ${capacity} ${action} on a ${from} idea with ${code}`, () => {
            expect(planTransition(from, action, context(capacity))).toEqual({ ok: false, code });
          });
        }
      }
    }
  }

  it("refuses to start review while the campaign's voting is open", () => {
    expect(planTransition("submitted", "start_review", { capacities: ["chair"], reviewOpen: false })).toEqual({
      ok: false,
      code: "review.voting_open",
    });
    expect(planTransition("submitted", "start_review", { capacities: ["admin"] })).toEqual({
      ok: false,
      code: "review.voting_open",
    });
  });

  it.each(["reject", "withdraw", "merge"] as const)("requires a reason to %s", (action) => {
    const [, from, , who] = ALLOWED.find(([a]) => a === action)!;
    expect(planTransition(from, action, { capacities: who, reason: "   " })).toEqual({
      ok: false,
      code: "transition.reason_required",
    });
    expect(planTransition(from, action, { capacities: who })).toEqual({
      ok: false,
      code: "transition.reason_required",
    });
  });

  it("refuses to submit outside the campaign's submission phase", () => {
    expect(planTransition("draft", "submit", { capacities: ["author"], submissionOpen: false })).toEqual({
      ok: false,
      code: "idea.submission_closed",
    });
  });

  it("keeps the table and the hand-written list in step", () => {
    const fromTable = IDEA_ACTIONS.flatMap((a) => TRANSITIONS[a].from.map((f) => `${a}:${f}`)).sort();
    expect(fromTable).toEqual(ALLOWED.map(([a, f]) => `${a}:${f}`).sort());
  });
});

describe("availableActions", () => {
  it("offers the author of a submitted idea only withdrawal", () => {
    expect(availableActions("submitted", ["author"])).toEqual(["withdraw"]);
  });

  it("offers a chair the decisions on an idea in review", () => {
    expect(availableActions("in_review", ["chair"])).toEqual(["shortlist", "approve", "reject", "merge"]);
  });

  it("offers nothing on a final status", () => {
    for (const status of ["implemented", "rejected", "withdrawn", "merged"] as const) {
      expect(availableActions(status, CAPACITIES)).toEqual([]);
    }
  });
});
