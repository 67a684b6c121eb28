/**
 * The innovation record of a career (rekam jejak inovasi, issue 21.2): everything a person did for
 * innovation on Gagas, year by year, as evidence for a performance appraisal (SKP) and competency
 * mapping. Pure: `db/queries/career.queries.ts` reads the sources, this shapes them, and the PDF and
 * the share page print the shape. `docs/career-record.md` says what it holds and why.
 *
 * An issued record carries a code like a certificate's, but `GGR-` (rekam) instead of `GGS-`, so the
 * one verification page tells them apart from the code alone.
 */
import { badgeOf } from "./badges.ts";
import { certificateCode, CODE_ALPHABET, CODE_BYTES } from "./certificate.ts";
import type { IdeaStatus } from "./idea-status.ts";
import { levelFor } from "./levels.ts";
import { localDay, type TimeZone } from "./time-zone.ts";

export const RECORD_PREFIX = "GGR";

/** Outcomes of an idea as the record writes them (listed statuses only). */
export const OUTCOME_LABELS: Record<IdeaStatus, string> = {
  draft: "Draf",
  submitted: "Diajukan",
  in_review: "Dalam penilaian",
  shortlisted: "Masuk nominasi",
  approved: "Disetujui",
  rejected: "Tidak dilanjutkan",
  implemented: "Diterapkan",
  withdrawn: "Ditarik",
  merged: "Digabung",
};

export type IdeaRole = "author" | "coauthor";

export const ROLE_LABELS: Record<IdeaRole, string> = { author: "Pengusul", coauthor: "Anggota tim" };

/** The sources of a record as storage gives them (times in epoch ms). */
export type CareerSources = {
  person: { name: string; nip: string; position: string; unit: string; agency: string; timeZone: TimeZone };
  ideas: {
    id: number;
    title: string;
    role: IdeaRole;
    status: IdeaStatus;
    campaign: string;
    submittedAt: number | null;
    /** the original of another agency it replicates */
    replicates: { title: string; agency: string } | null;
    implementation: { implementedOn: string; summary: string; results: string | null; updates: number } | null;
    /** other agencies whose listed ideas replicate it */
    replicatedBy: number;
  }[];
  reviews: { campaign: string; submittedAt: number }[];
  awards: { title: string; periodLabel: string; announcedAt: number; code: string }[];
  badges: { key: string; at: number }[];
  points: number;
};

export type CareerIdea = {
  id: number;
  title: string;
  role: IdeaRole;
  roleLabel: string;
  status: IdeaStatus;
  outcome: string;
  campaign: string;
  submittedOn: string | null;
  replicates: { title: string; agency: string } | null;
  replicatedBy: number;
};

export type CareerImplementation = {
  ideaId: number;
  title: string;
  role: IdeaRole;
  implementedOn: string;
  summary: string;
  results: string | null;
  updates: number;
};

export type CareerYear = {
  year: number;
  ideas: CareerIdea[];
  implementations: CareerImplementation[];
  /** reviews submitted, counted per campaign: the record holds no score */
  reviews: { campaign: string; count: number }[];
  awards: { title: string; periodLabel: string; announcedOn: string; code: string }[];
  badges: { key: string; name: string; earnedOn: string }[];
};

export type CareerRecord = {
  person: { name: string; nip: string; position: string; unit: string; agency: string };
  /** the day the record speaks for, in the agency's zone (YYYY-MM-DD) */
  asOf: string;
  timeZone: TimeZone;
  level: { key: string; name: string; points: number };
  totals: {
    ideas: number;
    authored: number;
    coauthored: number;
    implemented: number;
    reviews: number;
    awards: number;
    badges: number;
  };
  /** newest year first; a year appears when something happened in it */
  years: CareerYear[];
};

const yearOf = (day: string) => Number(day.slice(0, 4));

/**
 * @param now the moment the record speaks for
 * @example buildCareerRecord(sources, Date.now()).years[0].ideas[0].roleLabel // "Anggota tim"
 */
export function buildCareerRecord(sources: CareerSources, now: number): CareerRecord {
  const zone = sources.person.timeZone;
  const years = new Map<number, CareerYear>();
  const yearFor = (day: string) => {
    const year = yearOf(day);
    let y = years.get(year);
    if (!y) years.set(year, (y = { year, ideas: [], implementations: [], reviews: [], awards: [], badges: [] }));
    return y;
  };
  for (const idea of sources.ideas) {
    if (idea.submittedAt === null) continue;
    const submittedOn = localDay(idea.submittedAt, zone);
    yearFor(submittedOn).ideas.push({
      id: idea.id,
      title: idea.title,
      role: idea.role,
      roleLabel: ROLE_LABELS[idea.role],
      status: idea.status,
      outcome: OUTCOME_LABELS[idea.status],
      campaign: idea.campaign,
      submittedOn,
      replicates: idea.replicates,
      replicatedBy: idea.replicatedBy,
    });
    const impl = idea.implementation;
    if (impl && idea.status === "implemented") {
      yearFor(impl.implementedOn).implementations.push({
        ideaId: idea.id,
        title: idea.title,
        role: idea.role,
        ...impl,
      });
    }
  }
  const reviewCounts = new Map<string, number>();
  for (const review of sources.reviews) {
    const key = `${yearOf(localDay(review.submittedAt, zone))}\u0000${review.campaign}`;
    reviewCounts.set(key, (reviewCounts.get(key) ?? 0) + 1);
  }
  for (const [key, count] of reviewCounts) {
    const [year, campaign] = key.split("\u0000") as [string, string];
    yearFor(`${year}-01-01`).reviews.push({ campaign, count });
  }
  for (const award of sources.awards) {
    const announcedOn = localDay(award.announcedAt, zone);
    yearFor(announcedOn).awards.push({
      title: award.title,
      periodLabel: award.periodLabel,
      announcedOn,
      code: award.code,
    });
  }
  for (const badge of sources.badges) {
    const earnedOn = localDay(badge.at, zone);
    yearFor(earnedOn).badges.push({ key: badge.key, name: badgeOf(badge.key)?.name.id ?? badge.key, earnedOn });
  }
  for (const y of years.values()) {
    y.ideas.sort((a, b) => (a.submittedOn ?? "").localeCompare(b.submittedOn ?? "") || a.id - b.id);
    y.implementations.sort((a, b) => a.implementedOn.localeCompare(b.implementedOn) || a.ideaId - b.ideaId);
    y.reviews.sort((a, b) => a.campaign.localeCompare(b.campaign));
    y.awards.sort((a, b) => a.announcedOn.localeCompare(b.announcedOn));
    y.badges.sort((a, b) => a.earnedOn.localeCompare(b.earnedOn));
  }
  const listed = sources.ideas.filter((i) => i.submittedAt !== null);
  const level = levelFor(sources.points);
  const { timeZone: _zone, ...person } = sources.person;
  return {
    person,
    asOf: localDay(now, zone),
    timeZone: zone,
    level: { key: level.key, name: level.name.id, points: sources.points },
    totals: {
      ideas: listed.length,
      authored: listed.filter((i) => i.role === "author").length,
      coauthored: listed.filter((i) => i.role === "coauthor").length,
      implemented: listed.filter((i) => i.status === "implemented").length,
      reviews: sources.reviews.length,
      awards: sources.awards.length,
      badges: sources.badges.length,
    },
    years: [...years.values()].sort((a, b) => b.year - a.year),
  };
}

/**
 * A record's public code: a certificate code's 140 random bits under the `GGR-` prefix.
 * @example recordCode(crypto.getRandomValues(new Uint8Array(CODE_BYTES))) // "GGR-7K3M-Q9TX-4HNP-2WRZ-8CVD-5FJB-6YAE"
 */
export const recordCode = (bytes: Uint8Array) => `${RECORD_PREFIX}${certificateCode(bytes).slice(3)}`;

export { CODE_BYTES as RECORD_CODE_BYTES };

/**
 * A record code as typed or scanned, canonical; null when it cannot be one (a certificate's `GGS-`
 * code included). Forgives case, spacing and dashes, O for 0, I or L for 1.
 * @example normalizeRecordCode("ggr 7k3m q9tx 4hnp 2wrz 8cvd 5fjb 6yae") // "GGR-7K3M-Q9TX-4HNP-2WRZ-8CVD-5FJB-6YAE"
 */
export function normalizeRecordCode(input: string): string | null {
  if (input.length > 80) return null;
  const compact = input.toUpperCase().replace(/[\s\-–—_.]/g, "");
  if (!compact.startsWith(RECORD_PREFIX)) return null;
  const symbols = compact.slice(RECORD_PREFIX.length).replace(/O/g, "0").replace(/[IL]/g, "1");
  if (symbols.length !== 28 || [...symbols].some((ch) => !CODE_ALPHABET.includes(ch))) return null;
  return [RECORD_PREFIX, ...(symbols.match(/.{4}/g) ?? [])].join("-");
}

/** Whether a typed code is a record's (else it is read as a certificate's). */
export const isRecordCode = (input: string) => input.trim().toUpperCase().startsWith(RECORD_PREFIX);
