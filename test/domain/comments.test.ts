import { describe, expect, it } from "vitest";
import {
  EDIT_WINDOW_MS,
  editRefusal,
  hideRefusal,
  replyRefusal,
  reportRefusal,
  visibleBody,
  type CommentFacts,
} from "../../src/domain/comments";
import { decide, type Actor } from "../../src/domain/policy";

const T = Date.UTC(2026, 2, 1);
const top: CommentFacts = { ideaId: 1, authorId: 7, parentId: null, createdAt: T, deletedAt: null, hiddenAt: null };

describe("replyRefusal", () => {
  it("takes a reply under a visible top-level comment of the same idea only", () => {
    expect(replyRefusal(top, 1)).toBeNull();
    expect(replyRefusal(undefined, 1)).toBe("comment.parent_unknown");
    expect(replyRefusal(top, 2)).toBe("comment.parent_unknown");
    expect(replyRefusal({ ...top, parentId: 5 }, 1)).toBe("comment.reply_depth");
    expect(replyRefusal({ ...top, deletedAt: T }, 1)).toBe("comment.parent_closed");
    expect(replyRefusal({ ...top, hiddenAt: T }, 1)).toBe("comment.parent_closed");
  });
});

describe("editRefusal", () => {
  it("allows an edit for 15 minutes, of a visible comment", () => {
    expect(editRefusal(top, T + EDIT_WINDOW_MS - 1)).toBeNull();
    expect(editRefusal(top, T + EDIT_WINDOW_MS)).toBe("comment.edit_window_closed");
    expect(editRefusal({ ...top, deletedAt: T }, T)).toBe("comment.gone");
  });
});

describe("reportRefusal and hideRefusal", () => {
  it("refuses reporting one's own or a gone comment, and hiding twice", () => {
    expect(reportRefusal(top, 8)).toBeNull();
    expect(reportRefusal(top, 7)).toBe("comment.report_own");
    expect(reportRefusal({ ...top, hiddenAt: T }, 8)).toBe("comment.gone");
    expect(hideRefusal(top)).toBeNull();
    expect(hideRefusal({ ...top, hiddenAt: T })).toBe("comment.already_hidden");
    expect(hideRefusal({ ...top, deletedAt: T })).toBe("comment.gone");
  });
});

describe("visibleBody", () => {
  it("shows a tombstone to everyone and a hidden comment's words to admins only", () => {
    const c = { ...top, body: "Isi komentar" };
    expect(visibleBody(c, false)).toBe("Isi komentar");
    expect(visibleBody({ ...c, deletedAt: T }, true)).toBeNull();
    expect(visibleBody({ ...c, hiddenAt: T }, false)).toBeNull();
    expect(visibleBody({ ...c, hiddenAt: T }, true)).toBe("Isi komentar");
  });
});

describe("discussion and vote rules of the policy", () => {
  const actor = (roles: Actor["roles"], userId = 1): Actor => ({ userId, agencyId: 10, unitId: 100, roles });
  const asn = actor(["asn"]);
  const admin = actor(["asn", "admin"]);
  const reviewer = actor(["asn", "reviewer"]);

  it("lets the author write their own comment, and only the admin moderate", () => {
    expect(decide(asn, "comment.write_own", { agencyId: 10, ownerId: 1 })).toBe("allow");
    expect(decide(admin, "comment.write_own", { agencyId: 10, ownerId: 2 })).toBe("forbidden");
    expect(decide(admin, "comment.moderate", { agencyId: 10 })).toBe("allow");
    expect(decide(asn, "comment.moderate", { agencyId: 10 })).toBe("forbidden");
  });

  it("shows vote sources to the admin, the chair, and reviewers unless the review is blind", () => {
    expect(decide(admin, "vote.read_sources", { agencyId: 10, seat: null })).toBe("allow");
    expect(decide(reviewer, "vote.read_sources", { agencyId: 10, seat: "chair", blindReview: true })).toBe("allow");
    expect(decide(reviewer, "vote.read_sources", { agencyId: 10, seat: "reviewer" })).toBe("allow");
    expect(decide(reviewer, "vote.read_sources", { agencyId: 10, seat: "reviewer", blindReview: true })).toBe(
      "forbidden",
    );
    expect(decide(reviewer, "vote.read_sources", { agencyId: 10, seat: null })).toBe("forbidden");
  });
});
