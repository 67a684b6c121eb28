import {
  getExportScope,
  listAwardsForExport,
  listIdeasForExport,
  listLedgerForExport,
  listVoteDaysForExport,
  listVoteSourcesForExport,
  type AwardKey,
  type IdeaKey,
  type VoteDayKey,
} from "../../db/queries/exports.queries";
import { isBlindFor } from "../../domain/blind-review";
import { voteCountVisible } from "../../domain/voting";
import type { Database } from "../../db/client";
import { can } from "../../domain/policy";
import type { Actor } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import type { CsvCell } from "../../lib/csv";
import { notFound } from "../../lib/problem";
import { localDateTime, type TimeZone } from "../../domain/time-zone";
import { actorOf, authorize } from "../../middlewares/guard";
import { blindCampaignsOf } from "../ideas/ideas.view";
import { csvDownload, PAGE_ROWS, renderPages, type CsvPage } from "./csv-export";
import { ledgerCauseLabel, STATUS_LABEL, subjectLabel, votesLabel } from "./exports.labels";
import type * as routes from "./exports.routes";

/** Ideas per page of `votes.csv`: each brings a row per unit its votes came from. */
const VOTE_IDEAS_PER_PAGE = 200;
/** Awards per page of `awards.csv`: each brings a row per recipient. */
const AWARDS_PER_PAGE = 200;
const BY_CAMPAIGN = "filter by one campaign (campaignId)";

async function scopeOf(db: Database, actor: Actor, campaignId?: number) {
  const scope = await getExportScope(db, actor.agencyId, campaignId);
  if (campaignId !== undefined && !scope.campaign) throw notFound("campaign");
  return scope;
}

/** The next key from the extra row a page query fetched (`limit + 1`). */
function nextKey<T, K>(rows: T[], limit: number, key: (row: T) => K): K | null {
  return rows.length > limit ? key(rows[limit - 1]!) : null;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** The CSVs' times: `YYYY-MM-DD HH:mm` on the agency's clock, an empty cell for none. */
const timesIn = (zone: TimeZone) => (ms: number | null) => (ms === null ? null : localDateTime(ms, zone));

const ideaKey = (r: { submittedAt: number | null; id: number }): IdeaKey => [r.submittedAt ?? 0, r.id];

export const ideasCsv: AppRouteHandler<typeof routes.ideasCsv> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { campaignId, separator } = c.req.valid("query");
  const now = Date.now();
  const { agency } = await scopeOf(db, actor, campaignId);
  const at = timesIn(agency.timeZone);
  const blindCampaigns = await blindCampaignsOf(db, actor);
  const header = [
    "ID Ide",
    "Judul",
    "Status",
    "Kampanye",
    "Kategori",
    "Unit",
    "Pengusul",
    "Tim",
    "Dukungan",
    "Komentar",
    "Skor Penilaian",
    "Diajukan",
    "Diputuskan",
    "Alasan Keputusan",
    "Mereplikasi",
  ];
  const chunks = await renderPages<IdeaKey>(
    header,
    separator,
    async (after) => {
      const rows = await listIdeasForExport(db, { agencyId: actor.agencyId, campaignId }, PAGE_ROWS, after);
      const page = rows.slice(0, PAGE_ROWS);
      return {
        rows: page.map((r): CsvCell[] => {
          // a leader who also sits blind on the committee must not learn the team from a download
          const blind = isBlindFor({
            blindReview: blindCampaigns.has(r.campaignId),
            status: r.status,
            seat: "reviewer",
            isAuthor: false,
          });
          const votesShown = !blind && voteCountVisible({ kind: r.campaignKind, ...r }, now);
          return [
            r.id,
            r.title,
            STATUS_LABEL[r.status],
            r.campaignTitle,
            r.category,
            blind ? null : r.unitName,
            blind ? null : r.authorName,
            blind ? null : r.coauthors,
            votesShown ? r.voteCount : null,
            r.commentCount,
            r.reviewScore === null ? null : Math.round(r.reviewScore * 100) / 100,
            at(r.submittedAt),
            at(r.decidedAt),
            r.decisionReason,
            r.originalId === null ? null : `#${r.originalId} ${r.originalTitle} (${r.originalAgency})`,
          ];
        }),
        next: nextKey(rows, PAGE_ROWS, ideaKey),
      };
    },
    BY_CAMPAIGN,
  );
  return csvDownload(chunks, "ide", agency, now);
};

export const votesCsv: AppRouteHandler<typeof routes.votesCsv> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { campaignId, separator } = c.req.valid("query");
  const now = Date.now();
  const { agency } = await scopeOf(db, actor, campaignId);
  const blindCampaigns = await blindCampaignsOf(db, actor);
  const header = ["ID Ide", "Judul", "Kampanye", "Total Dukungan", "Unit Pendukung", "Dukungan dari Unit"];
  const readPage = async (after: IdeaKey | undefined): Promise<CsvPage<IdeaKey>> => {
    const limit = VOTE_IDEAS_PER_PAGE;
    const [ideas, perUnit] = await listVoteSourcesForExport(
      db,
      { agencyId: actor.agencyId, campaignId },
      now,
      limit,
      after,
    );
    const byIdea = groupBy(perUnit, (u) => u.ideaId);
    const rows = ideas
      .slice(0, limit)
      .filter(
        (i) =>
          !isBlindFor({
            blindReview: blindCampaigns.has(i.campaignId),
            status: i.status,
            seat: "reviewer",
            isAuthor: false,
          }),
      )
      .flatMap((i) =>
        (byIdea.get(i.id) ?? []).map((u): CsvCell[] => [
          i.id,
          i.title,
          i.campaignTitle,
          i.voteCount,
          u.unitName,
          u.count,
        ]),
      );
    return { rows, next: nextKey(ideas, limit, ideaKey) };
  };
  const chunks = await renderPages(header, separator, readPage, BY_CAMPAIGN);
  return csvDownload(chunks, "dukungan", agency, now);
};

/** Where `ledger.csv` goes on: its rows by id, then the vote rows folded per person and day. */
type LedgerKey = { part: "rows"; after: number } | { part: "votes"; after?: VoteDayKey };

export const ledgerCsv: AppRouteHandler<typeof routes.ledgerCsv> = async (c) => {
  const actor = actorOf(c);
  // the agency-wide ledger: no owner, so only the admin passes
  authorize(actor, "reward.read_ledger");
  const db = c.var.db;
  const { from, to, separator } = c.req.valid("query");
  const now = Date.now();
  const { agency } = await scopeOf(db, actor);
  const at = timesIn(agency.timeZone);
  // NIP is personal data (UU PDP): its column only for those who may read it
  const withNip = can(actor, "user.read_private");
  const header = [
    "Waktu",
    ...(withNip ? ["NIP"] : []),
    "Nama",
    "Unit",
    "Poin",
    "Sebab",
    "Subjek",
    "Aturan",
    "Versi Aturan",
  ];
  const scope = { agencyId: actor.agencyId, from, to };
  const person = (r: { nip: string; name: string; unitName: string }) => [
    ...(withNip ? [r.nip] : []),
    r.name,
    r.unitName,
  ];
  const readRows = async (after: number | undefined): Promise<CsvPage<LedgerKey>> => {
    const rows = await listLedgerForExport(db, scope, PAGE_ROWS, after);
    const next = nextKey(rows, PAGE_ROWS, (r) => r.id);
    return {
      rows: rows
        .slice(0, PAGE_ROWS)
        .map((r): CsvCell[] => [
          at(r.at),
          ...person(r),
          r.points,
          ledgerCauseLabel(r.eventType),
          subjectLabel(r.subjectType, r.subjectId),
          r.ruleKey,
          r.rulesVersion,
        ]),
      next: next === null ? { part: "votes" } : { part: "rows", after: next },
    };
  };
  // votes are secret: a person's day of votes is one line, with the day for its time and no idea
  const readVotes = async (after: VoteDayKey | undefined): Promise<CsvPage<LedgerKey>> => {
    const groups = await listVoteDaysForExport(db, scope, PAGE_ROWS, after);
    const next = nextKey(groups, PAGE_ROWS, (g): VoteDayKey => [
      g.day,
      g.userId,
      g.unitId,
      g.rulesVersion,
      g.eventType,
    ]);
    return {
      rows: groups
        .slice(0, PAGE_ROWS)
        .map((g): CsvCell[] => [
          g.day,
          ...person(g),
          g.points,
          ledgerCauseLabel(g.eventType),
          votesLabel(g.count),
          g.ruleKey,
          g.rulesVersion,
        ]),
      next: next === null ? null : { part: "votes", after: next },
    };
  };
  const chunks = await renderPages<LedgerKey>(
    header,
    separator,
    (after) => (after?.part === "votes" ? readVotes(after.after) : readRows(after?.after)),
    "choose a shorter period (from, to)",
  );
  return csvDownload(chunks, "buku-poin", agency, now);
};

export const awardsCsv: AppRouteHandler<typeof routes.awardsCsv> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { separator } = c.req.valid("query");
  const now = Date.now();
  const { agency } = await scopeOf(db, actor);
  const at = timesIn(agency.timeZone);
  const header = [
    "ID Penghargaan",
    "Penghargaan",
    "Periode",
    "Kutipan",
    "Diumumkan",
    "Diumumkan oleh",
    "Poin Bonus",
    "Jenis Penerima",
    "Penerima",
    "Unit",
    "Kode Sertifikat",
    "Ide Terkait",
  ];
  const readPage = async (after: AwardKey | undefined): Promise<CsvPage<AwardKey>> => {
    const limit = AWARDS_PER_PAGE;
    const [page, recipients] = await listAwardsForExport(db, actor.agencyId, limit, after);
    const byAward = groupBy(recipients, (r) => r.awardId);
    const rows = page.slice(0, limit).flatMap((a) =>
      // an award without recipients still shows, with empty recipient cells
      (byAward.get(a.id) ?? [null]).map((r): CsvCell[] => {
        const person = r?.userId != null;
        return [
          a.id,
          a.title,
          a.periodLabel,
          a.citation,
          at(a.announcedAt),
          a.announcedBy,
          a.bonusPoints,
          r && (person ? "Perorangan" : "Unit"),
          person ? r.personName : r?.recipientUnitName,
          person ? r.personUnitName : r?.recipientUnitName,
          r?.certificateCode,
          a.ideas,
        ];
      }),
    );
    return { rows, next: nextKey(page, limit, (a): AwardKey => [a.announcedAt, a.id]) };
  };
  const chunks = await renderPages(header, separator, readPage, "ask the platform administrator for an archive");
  return csvDownload(chunks, "penghargaan", agency, now);
};
