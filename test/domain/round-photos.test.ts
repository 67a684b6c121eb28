import { describe, expect, it } from "vitest";
import { guestMayCall } from "../../src/domain/roles";
import { isPhotoType, photoRefusal } from "../../src/domain/round-photos";

const items = [{ key: "loket", label: "Loket antrean daring berjalan", weight: 0, scaleMax: 1 }];
const open = { roundState: "open", state: "draft", conflict: "none", kind: "checklist", items } as const;

describe("photoRefusal: when a photo may go on a sheet's checklist item", () => {
  it("allows a declared-free reviewer's draft in an open checklist round, on one of its items", () => {
    expect(photoRefusal(open, "loket")).toBeNull();
    expect(photoRefusal(open, null)).toBeNull();
  });

  it("refuses, in this order, a round not open, a submitted sheet, an undeclared or declared conflict", () => {
    expect(photoRefusal({ ...open, roundState: "closed", state: "submitted" }, "loket")?.code).toBe("round.not_open");
    expect(photoRefusal({ ...open, state: "submitted" }, "loket")?.code).toBe("round.submitted");
    expect(photoRefusal({ ...open, conflict: "undeclared" }, "loket")?.code).toBe("round.conflict_undeclared");
    expect(photoRefusal({ ...open, conflict: "conflict" }, "loket")?.code).toBe("round.stepped_aside");
  });

  it("refuses a rubric round with 409 and an unknown item with 422", () => {
    expect(photoRefusal({ ...open, kind: "rubric" }, "loket")).toEqual({ status: 409, code: "photo.not_checklist" });
    expect(photoRefusal(open, "parkir")).toEqual({ status: 422, code: "photo.unknown_item" });
  });
});

describe("isPhotoType", () => {
  it("takes the pictures the attachments accept and nothing else", () => {
    expect(["png", "jpeg", "webp", "gif"].every((t) => isPhotoType(t as "png"))).toBe(true);
    expect(isPhotoType("pdf")).toBe(false);
    expect(isPhotoType("docx")).toBe(false);
  });
});

describe("guestMayCall: the photos of a guest's own sheets", () => {
  it("opens the photo paths of round assignments and nothing beside them", () => {
    expect(guestMayCall("/api/v1/round-assignments/12/photos")).toBe(true);
    expect(guestMayCall("/api/v1/round-assignments/12/photos/3")).toBe(true);
    expect(guestMayCall("/api/v1/round-assignments/12/photos/3/extra")).toBe(false);
    expect(guestMayCall("/api/v1/ideas/12/attachments")).toBe(false);
  });
});
