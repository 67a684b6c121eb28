import { describe, expect, it } from "vitest";
import { planRemoval, planUpload } from "../../src/domain/attachments";
import { IDEA_STATUSES } from "../../src/domain/idea-status";

describe("planUpload", () => {
  it("lets the team attach files and evidence while the idea is a draft or submitted", () => {
    for (const kind of ["attachment", "evidence"] as const) {
      expect(planUpload({ status: "draft", capacities: ["author"], kind })).toEqual({
        ok: true,
        statuses: ["draft", "submitted"],
      });
      expect(planUpload({ status: "submitted", capacities: ["author"], kind }).ok).toBe(true);
    }
    expect(planUpload({ status: "in_review", capacities: ["author"], kind: "attachment" })).toEqual({
      ok: false,
      code: "attachment.closed",
    });
  });

  it("lets chairs and admins add evidence, not attachments, to an approved idea", () => {
    for (const capacity of ["chair", "admin"] as const) {
      expect(planUpload({ status: "approved", capacities: [capacity], kind: "evidence" })).toEqual({
        ok: true,
        statuses: ["approved"],
      });
      expect(planUpload({ status: "approved", capacities: [capacity], kind: "attachment" })).toEqual({
        ok: false,
        code: "attachment.not_permitted",
      });
      expect(planUpload({ status: "submitted", capacities: [capacity], kind: "evidence" })).toEqual({
        ok: false,
        code: "attachment.closed",
      });
    }
  });

  it("refuses anyone without a capacity, in every status", () => {
    for (const status of IDEA_STATUSES) {
      expect(planUpload({ status, capacities: [], kind: "attachment" })).toEqual({
        ok: false,
        code: "attachment.not_permitted",
      });
    }
  });
});

describe("planRemoval", () => {
  it("lets the uploader or an author remove a file while the idea is a draft or submitted", () => {
    expect(planRemoval({ status: "draft", capacities: [], actorId: 5, uploadedBy: 5 })).toEqual({ ok: true });
    expect(planRemoval({ status: "submitted", capacities: ["author"], actorId: 1, uploadedBy: 5 })).toEqual({
      ok: true,
    });
    expect(planRemoval({ status: "draft", capacities: ["chair"], actorId: 1, uploadedBy: 5 })).toEqual({
      ok: false,
      code: "attachment.not_permitted",
    });
    expect(planRemoval({ status: "approved", capacities: ["author"], actorId: 5, uploadedBy: 5 })).toEqual({
      ok: false,
      code: "attachment.closed",
    });
  });
});
