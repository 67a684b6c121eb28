/**
 * How an innovation fared in the competitions it was entered into, for its dossier: each round's
 * outcome, score and rank, and its place in the final ranking that combines the rounds — the same
 * figures the admin's competition view shows, from the same rows and the same `finalRanking`.
 */
import type { Database } from "../../db/client";
import { getCompetition, listEntries, listIdeaEntries, listRoundEntries } from "../../db/queries/competitions.queries";
import { finalRanking } from "../../domain/competition";

export type CompetitionOutcome = Awaited<ReturnType<typeof competitionOutcomes>>[number];

export async function competitionOutcomes(db: Database, input: { agencyId: number; ideaId: number }) {
  const mine = await listIdeaEntries(db, input);
  return Promise.all(
    mine.map(async ({ entryId, campaignId, title }) => {
      const [competition, entries, standings] = await Promise.all([
        getCompetition(db, campaignId),
        listEntries(db, campaignId),
        listRoundEntries(db, campaignId),
      ]);
      const positionOf = new Map(competition.rounds.map((r) => [r.id, r.position]));
      const ranking = finalRanking(
        competition.rounds,
        entries.map((e) => {
          const own = standings.filter((s) => s.entryId === e.id);
          return {
            entryId: e.id,
            enteredAt: e.enteredAt,
            reached: Math.max(0, ...own.map((s) => positionOf.get(s.roundId) ?? 0)),
            scores: new Map(
              own.filter((s) => s.score !== null).map((s) => [positionOf.get(s.roundId) ?? 0, s.score!] as const),
            ),
          };
        }),
      );
      const standing = new Map(standings.filter((s) => s.entryId === entryId).map((s) => [s.roundId, s]));
      return {
        campaignTitle: title,
        rounds: competition.rounds.flatMap((r) => {
          const s = standing.get(r.id);
          if (!s) return [];
          return [
            {
              position: r.position,
              name: r.name,
              weight: r.weight,
              roundState: r.state,
              outcome: s.outcome,
              score: s.score,
              rank: s.rank,
            },
          ];
        }),
        final: ranking.find((row) => row.entryId === entryId) ?? null,
        entrants: entries.length,
        // the final ranking means something once a round has closed
        decided: competition.rounds.some((r) => r.state === "closed"),
      };
    }),
  );
}
