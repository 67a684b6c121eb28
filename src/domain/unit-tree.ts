/**
 * The unit tree of an agency (OPD → bidang / UPT), kept as rows with a parent id. An agency may
 * have several roots (every OPD can be one).
 */
export type UnitLink = { id: number; parentId: number | null };

/**
 * Depth-first order, siblings by name: the order in which a tree view lists the units.
 * Safe on damaged data: a unit whose parent is missing is a root, and a unit caught in a cycle
 * is listed once, at the end, at depth 0.
 * @example orderUnitTree([{ id: 2, parentId: 1, name: "Bidang" }, { id: 1, parentId: null, name: "Dinas" }])
 * // [{ id: 1, …, depth: 0 }, { id: 2, …, depth: 1 }]
 */
export function orderUnitTree<T extends UnitLink & { name: string }>(units: readonly T[]): (T & { depth: number })[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, T[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name, "id") || a.id - b.id);

  const out: (T & { depth: number })[] = [];
  const seen = new Set<number>();
  const visit = (parent: number | null, depth: number) => {
    for (const unit of children.get(parent) ?? []) {
      if (seen.has(unit.id)) continue;
      seen.add(unit.id);
      out.push({ ...unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  for (const unit of units) if (!seen.has(unit.id)) out.push({ ...unit, depth: 0 });
  return out;
}

/**
 * Would giving `unitId` the parent `parentId` make the unit its own ancestor?
 * @example wouldCreateCycle([{ id: 1, parentId: null }, { id: 2, parentId: 1 }], 1, 2) // true
 */
export function wouldCreateCycle(units: readonly UnitLink[], unitId: number, parentId: number | null): boolean {
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const seen = new Set<number>();
  for (let at = parentId; at !== null && at !== undefined; at = parentOf.get(at) ?? null) {
    if (at === unitId) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}
