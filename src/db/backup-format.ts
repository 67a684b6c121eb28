/**
 * The format of an agency backup — its complete data as one JSON document — and the SQL that restores it into an empty
 * database with the same ids — the way to move an agency to a D1 database of its own.
 *
 * Every table of the schema is either in BACKUP_TABLES (in an order that respects foreign keys) with
 * the condition that selects the agency's rows, or in NOT_BACKED_UP with the reason; a test fails
 * when a new table is in neither. References to rows outside the agency (an original idea of another
 * agency, a platform admin who acted here) are set to NULL where the column allows it and counted.
 */
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { recomputeTotalsOf, statementText } from "./queries/reward-totals.queries";
import * as s from "./schema";

type Scoped = { table: SQLiteTable; where: string };

/** A table of the agency's own rows. */
type AgencyTable = SQLiteTable & { agencyId: SQLiteColumn };

const byAgency = (table: AgencyTable): Scoped => ({ table, where: `${table.agencyId.name} = ?1` });
/** Rows of a table that belong to the agency through `column`, a reference to an agency table's id. */
const via = (column: SQLiteColumn, parent: AgencyTable & { id: SQLiteColumn }): Scoped => ({
  table: column.table,
  where: `${column.name} IN (SELECT ${parent.id.name} FROM ${nameOf(parent)} WHERE ${parent.agencyId.name} = ?1)`,
});

export const BACKUP_TABLES: Scoped[] = [
  { table: s.agencies, where: `${s.agencies.id.name} = ?1` },
  byAgency(s.units),
  byAgency(s.users),
  byAgency(s.auditLog),
  byAgency(s.searchSynonyms),
  byAgency(s.campaigns),
  via(s.criteria.campaignId, s.campaigns),
  via(s.campaignMembers.campaignId, s.campaigns),
  via(s.campaignPhaseEvents.campaignId, s.campaigns),
  byAgency(s.ideas),
  via(s.ideaAuthors.ideaId, s.ideas),
  byAgency(s.ideaEvents),
  byAgency(s.attachments),
  byAgency(s.votes),
  byAgency(s.comments),
  via(s.commentReports.commentId, s.comments),
  via(s.commentMentions.commentId, s.comments),
  via(s.ideaReports.ideaId, s.ideas),
  via(s.follows.ideaId, s.ideas),
  byAgency(s.reviewAssignments),
  byAgency(s.reviews),
  byAgency(s.implementationReports),
  byAgency(s.implementationUpdates),
  byAgency(s.rewardRules),
  byAgency(s.pointLedger),
  byAgency(s.userBadges),
  byAgency(s.awards),
  via(s.awardRecipients.awardId, s.awards),
  via(s.awardIdeas.awardId, s.awards),
  byAgency(s.notifications),
  via(s.notificationMutes.userId, s.users),
  byAgency(s.statsCounters),
  byAgency(s.participants),
  via(s.notificationChannels.userId, s.users),
  byAgency(s.problems),
  byAgency(s.complaints),
  byAgency(s.problemIdeas),
  byAgency(s.problemCampaigns),
  byAgency(s.careerRecords),
  byAgency(s.careerShares),
  byAgency(s.innovationProfiles),
  byAgency(s.innovationEvidence),
  byAgency(s.competitions),
  byAgency(s.competitionRounds),
  via(s.roundMembers.roundId, s.competitionRounds),
  byAgency(s.competitionEntries),
  byAgency(s.roundEntries),
  byAgency(s.roundAssignments),
  byAgency(s.roundPhotos),
  byAgency(s.guestReviewers),
];

export const NOT_BACKED_UP: Record<string, string> = {
  sessions: "credentials of one deployment: people sign in again after a move",
  login_failures: "short-lived throttling state",
  account_tokens: "one-time activation and reset links of one deployment: issue new ones after a move",
  api_tokens: "credentials of one deployment: people and admins make new tokens after a move",
  outbox: "messages in flight on one deployment; those already sent must not be sent again from a copy",
  point_totals: "running totals of the ledger: the restore computes them again from the restored ledger",
  job_watermarks: "scheduler progress of one database; the restore sets it past the restored rows",
  push_subscriptions: "browsers subscribed with this deployment's VAPID key: people subscribe again after a move",
  webhooks: "endpoints and signing secrets of one deployment: an admin registers them again after a move",
  idea_burst_findings: "a cache of what the votes show: the ranking computes it again from the restored votes",
  deliveries: "the outgoing queue and log of one deployment",
  agency_oidc:
    "the provider's client secret is sealed with this deployment's OIDC_SECRET_KEY: an admin enters the provider again after a move",
  oidc_states: "sign-ins in flight, valid for ten minutes",
};

export const BACKUP_FORMAT = "gagas-agency-backup";
export const BACKUP_VERSION = 1;

export type Row = Record<string, unknown>;
export type AgencyBackup = {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  agency: { id: number; slug: string; name: string };
  tables: Record<string, Row[]>;
  /** References to rows outside the agency that were set to NULL: `table.column` → count. */
  nullified: Record<string, number>;
};

export function nameOf(table: SQLiteTable): string {
  return getTableConfig(table).name;
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** Where each notification/stats job resumes after a restore: past every restored row of its source. */
const WATERMARKS: Record<string, SQLiteTable & { id: SQLiteColumn }> = {
  votes: s.votes,
  comments: s.comments,
  idea_events: s.ideaEvents,
  review_assignments: s.reviewAssignments,
  point_ledger: s.pointLedger,
  point_totals: s.pointLedger,
  award_recipients: s.awardRecipients,
  stats_idea_events: s.ideaEvents,
  stats_votes: s.votes,
  stats_comments: s.comments,
  outbox_mail: s.notifications,
  deliveries: s.notifications,
};

/** `INSERT INTO job_watermarks … ON CONFLICT` keeping the further of the two marks. */
function watermarkAtLeast(job: string, lastId: string): string {
  const [name, last] = [s.jobWatermarks.name.name, s.jobWatermarks.lastId.name];
  return `INSERT INTO ${nameOf(s.jobWatermarks)} (${name}, ${last}) VALUES ('${job}', ${lastId}) ON CONFLICT(${name}) DO UPDATE SET ${last} = max(${last}, excluded.${last})`;
}

/** The agency's point totals from its restored ledger: the statements the scheduler's fold runs, over all its rows. */
const recomputeTotals = (agency: number): string[] => recomputeTotalsOf(agency).map(statementText);

/**
 * The SQL that restores a backup (foreign keys checked at the end, so self-references and order do
 * not matter). Rows keep their ids; the FTS index fills itself through the ideas triggers.
 * @throws when the document is not a backup of this format
 */
export function restoreStatements(backup: AgencyBackup, rowsPerInsert = 50): string[] {
  if (backup.format !== BACKUP_FORMAT || backup.version !== BACKUP_VERSION)
    throw new Error("not a Gagas agency backup (format or version)");
  const out = ["PRAGMA defer_foreign_keys = ON"];
  for (const { table } of BACKUP_TABLES) {
    const name = nameOf(table);
    const rows = backup.tables[name] ?? [];
    const columns = getTableConfig(table).columns.map((c) => c.name);
    for (let i = 0; i < rows.length; i += rowsPerInsert) {
      const values = rows
        .slice(i, i + rowsPerInsert)
        .map((row) => `(${columns.map((c) => literal(row[c])).join(", ")})`);
      out.push(`INSERT INTO ${name} (${columns.join(", ")}) VALUES ${values.join(", ")}`);
    }
  }
  for (const [job, source] of Object.entries(WATERMARKS)) {
    const max = Math.max(0, ...(backup.tables[nameOf(source)] ?? []).map((r) => Number(r[source.id.name])));
    out.push(watermarkAtLeast(job, String(max)));
  }
  // totals are not in a backup: the fold's watermark now stands past the restored ledger, so the
  // agency's totals are computed from all of it
  out.push(...recomputeTotals(Number(backup.agency.id)));
  // user_badges has no id column: its job follows rowid, which a restore renumbers from 1
  out.push(watermarkAtLeast("user_badges", `(SELECT coalesce(max(rowid), 0) FROM ${nameOf(s.userBadges)})`));
  return out;
}
