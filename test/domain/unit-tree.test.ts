import { describe, expect, it } from "vitest";
import { orderUnitTree, wouldCreateCycle } from "../../src/domain/unit-tree";

const u = (id: number, parentId: number | null, name: string) => ({ id, parentId, name });

describe("orderUnitTree", () => {
  it("lists depth-first with siblings by name and gives each its depth", () => {
    const tree = orderUnitTree([
      u(3, 1, "Bidang B"),
      u(1, null, "Dinas Z"),
      u(2, 1, "Bidang A"),
      u(4, 2, "Seksi"),
      u(5, null, "Dinas A"),
    ]);
    expect(tree.map((x) => [x.id, x.depth])).toEqual([
      [5, 0],
      [1, 0],
      [2, 1],
      [4, 2],
      [3, 1],
    ]);
  });

  it("treats a unit whose parent is not in the list as top-level", () => {
    expect(orderUnitTree([u(2, 99, "Anak")]).map((x) => x.depth)).toEqual([0]);
  });

  it("lists units caught in a cycle once, at the end", () => {
    const tree = orderUnitTree([u(1, 2, "A"), u(2, 1, "B"), u(3, null, "C")]);
    expect(tree.map((x) => x.id)).toEqual([3, 1, 2]);
  });
});

describe("wouldCreateCycle", () => {
  const units = [u(1, null, "Dinas"), u(2, 1, "Bidang"), u(3, 2, "Seksi"), u(4, null, "Lain")];

  it("refuses a unit as its own parent or under one of its descendants", () => {
    expect(wouldCreateCycle(units, 1, 1)).toBe(true);
    expect(wouldCreateCycle(units, 1, 3)).toBe(true);
  });

  it("allows a move elsewhere, upwards, or to the top", () => {
    expect(wouldCreateCycle(units, 3, 4)).toBe(false);
    expect(wouldCreateCycle(units, 3, 1)).toBe(false);
    expect(wouldCreateCycle(units, 3, null)).toBe(false);
  });

  it("terminates on data that already has a cycle", () => {
    expect(wouldCreateCycle([u(1, 2, "A"), u(2, 1, "B")], 3, 1)).toBe(false);
  });
});
