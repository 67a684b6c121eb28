import type { Database } from "../../db/client";
import type { CampaignRow } from "../../db/queries/campaigns.queries";
import {
  listCampaignReviews,
  listRankingIdeas,
  listRubric,
  listSubmittedReviews,
} from "../../db/queries/reviews.queries";
import type { IdeaStatus } from "../../domain/idea-status";
import type { Recommendation } from "../../domain/review";
import {
  listBurstFindings,
  listIdeaVoteTimes,
  saveBurstFindings,
  type BurstFindingRow,
} from "../../db/queries/votes.queries";
import { DISAGREEMENT_THRESHOLD, rankIdeas } from "../../domain/scoring";
import { BURST, detectBurst } from "../../domain/voting";
import { localDay } from "../../domain/time-zone";
import type { AppRouteHandler } from "../../lib/create-router";
import { toCsv, type CsvCell } from "../../lib/csv";
import { chunk } from "../../lib/chunk";
import { iso } from "../../lib/time";
import { actorOf } from "../../middlewares/guard";
import { loadCampaignFor } from "./reviews.access";
import type * as routes from "./reviews.routes";

const burstRule = {
  minVotes: BURST.minVotes,
  windowMinutes: BURST.windowMs / 60_000,
  windowShare: BURST.windowShare,
  unitShare: BURST.unitShare,
};

type BurstView = {
  flagged: boolean;
  window: { start: string; end: string; votes: number; fromAuthorUnit: number } | null;
};

const viewOf = (f: BurstFindingRow): BurstView => ({
  flagged: f.flagged,
  window:
    f.windowStart === null
      ? null
      : {
          start: iso(f.windowStart),
          end: iso(f.windowEnd!),
          votes: f.windowVotes!,
          fromAuthorUnit: f.windowFromAuthorUnit!,
        },
});

/**
 * Each ranked idea's burst finding (no voter is read): kept findings where the idea's votes have not
 * changed since (`idea_burst_findings`), computed from the vote times for the others and kept.
 */
async function burstsOf(db: Database, ideas: readonly { id: number; unitId: number; voteCount: number }[]) {
  // ≤ 100 bound parameters per statement
  const kept = (
    await Promise.all(
      chunk(
        ideas.map((i) => i.id),
        90,
      ).map((ids) => listBurstFindings(db, ids)),
    )
  ).flat();
  const byIdea = new Map(kept.map((f) => [f.ideaId, f]));
  const stale = ideas.filter((i) => byIdea.get(i.id)?.voteCount !== i.voteCount);
  if (stale.length > 0) {
    const votes = (
      await Promise.all(
        chunk(
          stale.map((i) => i.id),
          90,
        ).map((ids) => listIdeaVoteTimes(db, ids)),
      )
    ).flat();
    const timesOf = new Map<number, { at: number; unitId: number }[]>();
    for (const v of votes) timesOf.set(v.ideaId, [...(timesOf.get(v.ideaId) ?? []), v]);
    const now = Date.now();
    const fresh = stale.map((idea): BurstFindingRow => {
      const { flagged, window: w } = detectBurst(timesOf.get(idea.id) ?? [], idea.unitId);
      return {
        ideaId: idea.id,
        voteCount: idea.voteCount,
        flagged,
        windowStart: w?.start ?? null,
        windowEnd: w?.end ?? null,
        windowVotes: w?.votes ?? null,
        windowFromAuthorUnit: w?.fromAuthorUnit ?? null,
        computedAt: now,
      };
    });
    for (const f of fresh) byIdea.set(f.ideaId, f);
    // a cache: a finding kept now is used by the next opening of the ranking
    const [first, ...rest] = chunk(fresh, 12).map((rows) => saveBurstFindings(db, rows));
    if (first) await db.batch([first, ...rest]);
  }
  return new Map(ideas.map((idea) => [idea.id, viewOf(byIdea.get(idea.id)!)]));
}

async function rankingOf(db: Database, campaign: CampaignRow, normalised: boolean) {
  const [ideas, reviews] = await db.batch([listRankingIdeas(db, campaign.id), listSubmittedReviews(db, campaign.id)]);
  const byId = new Map(ideas.map((i) => [i.id, i]));
  const ranked = rankIdeas(
    ideas,
    // a submitted review always has its score, recommendation and time (set by submit)
    reviews.map((r) => ({ ...r, score: r.score!, recommendation: r.recommendation!, submittedAt: r.submittedAt! })),
    { normalised, passingGrade: campaign.passingGrade },
  );
  return ranked.map(({ ideaId, submitted, assigned, ...row }) => {
    const idea = byId.get(ideaId)!;
    return {
      ...row,
      idea: {
        id: idea.id,
        title: idea.title,
        status: idea.status,
        unitId: idea.unitId,
        unitName: idea.unitName,
        authorName: idea.authorName,
        voteCount: idea.voteCount,
      },
      reviews: { submitted, assigned },
    };
  });
}

export const ranking: AppRouteHandler<typeof routes.ranking> = async (c) => {
  const actor = actorOf(c);
  const { campaign } = await loadCampaignFor(c.var.db, actor, c.req.valid("param").id, "review.manage");
  const normalised = c.req.valid("query").normalised === "true";
  const rows = await rankingOf(c.var.db, campaign, normalised);
  const bursts = await burstsOf(
    c.var.db,
    rows.map((r) => r.idea),
  );
  return c.json(
    {
      campaign: {
        id: campaign.id,
        title: campaign.title,
        passingGrade: campaign.passingGrade,
        reviewersPerIdea: campaign.reviewersPerIdea,
      },
      normalised,
      disagreementThreshold: DISAGREEMENT_THRESHOLD,
      burstRule,
      items: rows.map(({ idea: { unitId: _unit, voteCount: _votes, ...idea }, ...row }) => ({
        ...row,
        idea,
        burst: bursts.get(idea.id)!,
      })),
    },
    200,
  );
};

const STATUS_ID: Partial<Record<IdeaStatus, string>> = {
  in_review: "Dalam penilaian",
  shortlisted: "Masuk nominasi",
  approved: "Disetujui",
  rejected: "Ditolak",
  implemented: "Diterapkan",
};
const RECOMMENDATION_ID: Record<Recommendation, string> = {
  shortlist: "Masuk nominasi",
  approve: "Setujui",
  reject: "Tolak",
};
const yes = (b: boolean) => (b ? "Ya" : "Tidak");

/** A CSV download: UTF-8 with BOM, named, never cached (it holds committee-private data). */
function csvResponse(text: string, filename: string): Response {
  return new Response(text, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
}

export const rankingCsv: AppRouteHandler<typeof routes.rankingCsv> = async (c) => {
  const actor = actorOf(c);
  const { campaign } = await loadCampaignFor(c.var.db, actor, c.req.valid("param").id, "review.manage");
  const { normalised, separator } = c.req.valid("query");
  const rows = await rankingOf(c.var.db, campaign, normalised === "true");
  const header = [
    "Peringkat",
    "ID Ide",
    "Judul",
    "Status",
    "Unit",
    "Pengusul",
    "Nilai Rata-rata",
    "Nilai Ternormalisasi",
    "Ulasan Masuk",
    "Penilai Ditugaskan",
    "Simpangan Baku",
    "Perbedaan Pendapat",
    "Jumlah Dukungan",
    `Memenuhi Nilai Batas (${campaign.passingGrade})`,
    "Rekomendasi Masuk Nominasi",
    "Rekomendasi Setujui",
    "Rekomendasi Tolak",
  ];
  const body: CsvCell[][] = rows.map((r) => [
    r.rank,
    r.idea.id,
    r.idea.title,
    STATUS_ID[r.idea.status] ?? r.idea.status,
    r.idea.unitName,
    r.idea.authorName,
    r.rawScore,
    r.normalisedScore,
    r.reviews.submitted,
    r.reviews.assigned,
    r.spread,
    yes(r.disagreement),
    r.voteCount,
    yes(r.passes),
    r.recommendations.shortlist,
    r.recommendations.approve,
    r.recommendations.reject,
  ]);
  const name = `peringkat-${campaign.id}${normalised === "true" ? "-normalisasi" : ""}-${localDay(Date.now(), actor.timeZone)}.csv`;
  return csvResponse(toCsv([header, ...body], { delimiter: separator === "semicolon" ? ";" : "," }), name);
};

export const reviewsCsv: AppRouteHandler<typeof routes.reviewsCsv> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { campaign } = await loadCampaignFor(db, actor, c.req.valid("param").id, "review.manage");
  const { separator } = c.req.valid("query");
  const [rubric, rows] = await db.batch([listRubric(db, campaign.id), listCampaignReviews(db, campaign.id)]);
  const header = [
    "ID Ide",
    "Judul Ide",
    "Penilai",
    "Status Ulasan",
    "Tenggat",
    "Dikirim",
    ...rubric.map((k) => `${k.labelId} (1–${k.scaleMax})`),
    "Nilai",
    "Rekomendasi",
    "Catatan",
  ];
  // a draft is the reviewer's own until they submit it: only its state is exported
  const body: CsvCell[][] = rows.map((r) => {
    const submitted = r.state === "submitted";
    const scores = submitted && r.scores ? (JSON.parse(r.scores) as Record<string, number>) : {};
    return [
      r.ideaId,
      r.ideaTitle,
      r.reviewerName,
      submitted ? "Terkirim" : r.state === "draft" ? "Draf" : "Belum dimulai",
      iso(r.dueAt),
      submitted && r.submittedAt !== null ? iso(r.submittedAt) : null,
      ...rubric.map((k) => scores[k.key] ?? null),
      submitted ? r.score : null,
      submitted && r.recommendation ? RECOMMENDATION_ID[r.recommendation] : null,
      submitted ? r.note : null,
    ];
  });
  return csvResponse(
    toCsv([header, ...body], { delimiter: separator === "semicolon" ? ";" : "," }),
    `ulasan-${campaign.id}-${localDay(Date.now(), actor.timeZone)}.csv`,
  );
};
