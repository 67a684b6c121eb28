/**
 * Levels show growth: Pemula → Penggagas → Inovator → Pelopor → Teladan, by all-time points.
 * With the default rules, one idea taken all the way to implementation (about 185 points plus
 * its votes) lifts a newcomer to Penggagas; Teladan takes a sustained record.
 */
export type Bilingual = { id: string; en: string };

export const LEVELS = [
  { key: "pemula", min: 0, name: { id: "Pemula", en: "Beginner" } },
  { key: "penggagas", min: 100, name: { id: "Penggagas", en: "Initiator" } },
  { key: "inovator", min: 300, name: { id: "Inovator", en: "Innovator" } },
  { key: "pelopor", min: 750, name: { id: "Pelopor", en: "Pioneer" } },
  { key: "teladan", min: 1500, name: { id: "Teladan", en: "Role Model" } },
] as const satisfies readonly { key: string; min: number; name: Bilingual }[];

export type LevelKey = (typeof LEVELS)[number]["key"];

export type LevelStanding = {
  key: LevelKey;
  name: Bilingual;
  /** points at which this level starts */
  min: number;
  next: { key: LevelKey; name: Bilingual; min: number } | null;
  /** share of the way from this level to the next, 0..1 (1 at the top level) */
  progress: number;
  /** points still needed for the next level; 0 at the top */
  pointsToNext: number;
};

/**
 * Where a points total stands. Negative totals (possible after corrections) count as 0.
 * @example levelFor(150) // { key: "penggagas", min: 100, next: { key: "inovator", min: 300, … }, progress: 0.25, pointsToNext: 150 }
 */
export function levelFor(points: number): LevelStanding {
  const p = Math.max(0, points);
  let i = 0;
  while (i + 1 < LEVELS.length && LEVELS[i + 1]!.min <= p) i++;
  const level = LEVELS[i]!;
  const next = LEVELS[i + 1];
  if (!next) return { key: level.key, name: level.name, min: level.min, next: null, progress: 1, pointsToNext: 0 };
  return {
    key: level.key,
    name: level.name,
    min: level.min,
    next: { key: next.key, name: next.name, min: next.min },
    progress: (p - level.min) / (next.min - level.min),
    pointsToNext: next.min - p,
  };
}
