/**
 * The shared innovation library (issue 21.3): how its innovations are classified for search, and
 * what a replication earns the teams up its lineage. Pure; `docs/replication.md` says why.
 */

/**
 * The form of an innovation as regional innovation regulation names it (PP 38/2017 on *inovasi
 * daerah*): governance, public service, or another innovation of a government affair. The team
 * states it when it reports the implementation.
 */
// one list of forms for the innovation profile and the library's filter
export { INNOVATION_FORMS, type InnovationForm } from "./innovation-profile";

/**
 * Where an innovation stands in the replication journey: an original nobody replicated yet, an
 * original that travelled (replicated by at least one other agency), or itself a replica.
 */
export const LIBRARY_STAGES = ["original", "replicated", "replica"] as const;
export type LibraryStage = (typeof LIBRARY_STAGES)[number];

/**
 * The points a replication pays the team of the ancestor `generation` hops up its lineage: the
 * direct parent (generation 1) earns the rule's full points, each further ancestor half of the one
 * below it, rounded down, and never less than 1 while the rule pays at all.
 * @param points the agency's `idea_replicated` points (0: the rule is off and nobody earns)
 * @param generation 1 for the idea replicated directly, 2 for its original, …
 * @example lineagePoints(40, 1) // 40
 * @example lineagePoints(40, 3) // 10
 * @example lineagePoints(5, 4) // 1
 */
export function lineagePoints(points: number, generation: number): number {
  if (points <= 0 || generation < 1) return 0;
  let earned = points;
  for (let g = 1; g < generation && earned > 1; g++) earned = Math.max(1, Math.floor(earned / 2));
  return earned;
}

/** An ancestor of a replica, as storage knows it: nearest first. */
export type Ancestor = { ideaId: number; agencyId: number; team: readonly number[] };

/**
 * Who a replication pays and how much: every ancestor's team in an agency other than the
 * replicating one, each person once, at the nearest generation they belong to (the most points).
 * @param lineage the replica's ancestors, the idea it replicates first
 * @example replicationPayees(40, 3, [{ ideaId: 2, agencyId: 2, team: [7] }, { ideaId: 1, agencyId: 1, team: [5] }])
 *   // [{ userId: 7, ideaId: 2, generation: 1, points: 40 }, { userId: 5, ideaId: 1, generation: 2, points: 20 }]
 */
export function replicationPayees(points: number, replicatingAgencyId: number, lineage: readonly Ancestor[]) {
  const out: { userId: number; ideaId: number; generation: number; points: number }[] = [];
  const paid = new Set<number>();
  lineage.forEach((ancestor, i) => {
    if (ancestor.agencyId === replicatingAgencyId) return;
    const earned = lineagePoints(points, i + 1);
    if (earned === 0) return;
    for (const userId of ancestor.team) {
      if (paid.has(userId)) continue;
      paid.add(userId);
      out.push({ userId, ideaId: ancestor.ideaId, generation: i + 1, points: earned });
    }
  });
  return out;
}

/** How deep a lineage is followed: far beyond any real chain, a bound on a damaged one. */
export const MAX_LINEAGE_DEPTH = 32;
