/**
 * After an idea is implemented: its report (what, where, since when, with what evidence and results)
 * and the team's follow-up updates, each with the figures it measured. Who may add an update and
 * what a figure may hold.
 */
import type { Capacity, IdeaStatus } from "./idea-status";

export const IMPLEMENTATION_LIMITS = {
  summary: { min: 10, max: 4000 },
  results: { max: 4000 },
  update: { min: 10, max: 4000 },
  figures: 10,
  figureLabel: 80,
  figureUnit: 30,
} as const;

/** A measure an update reports: "Waktu layanan" 15 "menit". */
export type Figure = { label: string; value: number; unit: string };

export type UpdateRefusal = "implementation.not_implemented" | "implementation.update_not_permitted";

/**
 * The team (accepted authors) tells how its implemented idea is doing; the chair and admins who
 * recorded the implementation may too.
 * @example planImplementationUpdate({ status: "implemented", capacities: ["author"] }) // { ok: true }
 */
export function planImplementationUpdate(input: {
  status: IdeaStatus;
  capacities: readonly Capacity[];
}): { ok: true } | { ok: false; code: UpdateRefusal } {
  if (input.capacities.length === 0) return { ok: false, code: "implementation.update_not_permitted" };
  if (input.status !== "implemented") return { ok: false, code: "implementation.not_implemented" };
  return { ok: true };
}

/** Figures as stored (JSON); anything unreadable reads as none rather than failing the page. */
export function parseFigures(json: string): Figure[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (f): f is Figure =>
        typeof f === "object" &&
        f !== null &&
        typeof (f as Figure).label === "string" &&
        typeof (f as Figure).value === "number" &&
        typeof (f as Figure).unit === "string",
    );
  } catch {
    return [];
  }
}
