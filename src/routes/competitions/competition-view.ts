/**
 * The admin's view of a competition, assembled from its rows: each round with its panel, progress
 * and ranking, each entry's way through the rounds, and the final ranking.
 */
import type { CampaignRow } from "../../db/queries/campaigns.queries";
import type { Database } from "../../db/client";
import {
  getCompetition,
  listEntries,
  listRoundEntries,
  listRoundSheets,
  type RoundRow,
} from "../../db/queries/competitions.queries";
import { listRoundPhotos } from "../../db/queries/round-photos.queries";
import { finalRanking, rankRound, type AdvanceRule, type RoundItem } from "../../domain/competition";
import { OPEN_GATES, type Gates } from "../../domain/eligibility";
import { isoOrNull, iso } from "../../lib/time";

export const advanceOf = (r: Pick<RoundRow, "advanceMode" | "advanceValue">): AdvanceRule =>
  r.advanceMode === "top"
    ? { mode: "top", n: r.advanceValue ?? 1 }
    : r.advanceMode === "grade"
      ? { mode: "grade", grade: r.advanceValue ?? 0 }
      : { mode: "all" };

export const itemsOf = (r: Pick<RoundRow, "items">) => JSON.parse(r.items) as RoundItem[];

/** The grade a round's `passes` flag is read against: its own, else the campaign's passing grade. */
export const gradeOf = (r: RoundRow, campaign: Pick<CampaignRow, "passingGrade">) =>
  r.advanceMode === "grade" ? (r.advanceValue ?? 0) : campaign.passingGrade;

type Sheet = Awaited<ReturnType<typeof listRoundSheets>>[number];

/** A round's ranking from its entries and its submitted sheets (those of a declared conflict left out). */
export function roundRanking(
  round: RoundRow,
  campaign: Pick<CampaignRow, "passingGrade">,
  entries: readonly { entryId: number; enteredAt: number }[],
  sheets: readonly Sheet[],
) {
  const scored = sheets.filter(
    (s) => s.roundId === round.id && s.state === "submitted" && s.conflict === "none" && s.score !== null,
  );
  return rankRound(
    entries,
    scored.map((s) => ({
      id: s.id,
      entryId: s.entryId,
      reviewerId: s.reviewerId,
      score: s.score!,
      submittedAt: s.submittedAt ?? 0,
    })),
    { normalised: round.normalised, passingGrade: gradeOf(round, campaign) },
  );
}

export async function competitionView(db: Database, campaign: CampaignRow) {
  const [competition, entries, standings] = await Promise.all([
    getCompetition(db, campaign.id),
    listEntries(db, campaign.id),
    listRoundEntries(db, campaign.id),
  ]);
  const roundIds = competition.rounds.map((r) => r.id);
  const [sheets, photos] = await Promise.all([listRoundSheets(db, roundIds), listRoundPhotos(db, roundIds)]);
  const enteredAt = new Map(entries.map((e) => [e.id, e.enteredAt]));
  const positionOf = new Map(competition.rounds.map((r) => [r.id, r.position]));
  const rounds = competition.rounds.map((r) => {
    const own = standings.filter((s) => s.roundId === r.id);
    const mine = sheets.filter((s) => s.roundId === r.id);
    const ranking = roundRanking(
      r,
      campaign,
      own.map((s) => ({ entryId: s.entryId, enteredAt: enteredAt.get(s.entryId) ?? 0 })),
      sheets,
    );
    return {
      id: r.id,
      position: r.position,
      name: r.name,
      kind: r.kind,
      weight: r.weight,
      advance: advanceOf(r),
      items: itemsOf(r),
      blind: r.blind,
      normalised: r.normalised,
      slotStart: isoOrNull(r.slotStart),
      slotMinutes: r.slotMinutes,
      state: r.state,
      members: competition.members
        .filter((m) => m.roundId === r.id)
        .map((m) => ({ id: m.userId, name: m.name, guest: m.roles === "guest" })),
      progress: {
        sheets: mine.length,
        submitted: mine.filter((s) => s.state === "submitted").length,
        conflicts: mine.filter((s) => s.conflict === "conflict").length,
      },
      ranking: ranking.map(
        ({ ideaId, rank, score, rawScore, normalisedScore, submitted, assigned, spread, disagreement }) => ({
          entryId: ideaId,
          rank,
          score,
          rawScore,
          normalisedScore,
          submitted,
          assigned,
          spread,
          disagreement,
        }),
      ),
      photos: photos
        .filter((p) => p.roundId === r.id)
        .map(({ roundId: _round, assignmentId, createdAt, ...p }) => ({
          ...p,
          sheetId: assignmentId,
          createdAt: iso(createdAt),
        })),
    };
  });
  const progress = entries.map((e) => {
    const mine = standings.filter((s) => s.entryId === e.id);
    return {
      entryId: e.id,
      enteredAt: e.enteredAt,
      reached: Math.max(0, ...mine.map((s) => positionOf.get(s.roundId) ?? 0)),
      scores: new Map(
        mine.filter((s) => s.score !== null).map((s) => [positionOf.get(s.roundId) ?? 0, s.score!] as const),
      ),
    };
  });
  return {
    campaignId: campaign.id,
    configured: competition.gates !== undefined,
    started: competition.rounds.some((r) => r.state !== "draft"),
    gates: competition.gates ? (JSON.parse(competition.gates.gates) as Gates) : OPEN_GATES,
    rounds,
    entries: entries.map((e) => ({
      id: e.id,
      ideaId: e.ideaId,
      title: e.title,
      unitName: e.unitName,
      group: e.group,
      operatingSince: e.operatingSince,
      enteredAt: iso(e.enteredAt),
      rounds: standings
        .filter((s) => s.entryId === e.id)
        .map((s) => ({
          position: positionOf.get(s.roundId) ?? 0,
          outcome: s.outcome,
          score: s.score,
          scheduledAt: isoOrNull(s.scheduledAt),
        }))
        .sort((a, b) => a.position - b.position),
    })),
    finalRanking: finalRanking(competition.rounds, progress),
  };
}
