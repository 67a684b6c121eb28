/**
 * What a rule set would pay in a typical month, for the rules editor: the same prices and caps as
 * the reward engine (`rewards.ts`), applied to a stated month of activity. The month is an
 * assumption, said in numbers that the editor shows beside the result, not a forecast.
 */
import type { RuleKey, Rules } from "./reward-rules.ts";

/** The typical month, in numbers. Every figure is per person unless it says otherwise. */
export const TYPICAL_MONTH = {
  /** an active ASN: one idea of theirs, its support, their votes and comments */
  asn: { ideas: 1, votesReceived: 15, votesCast: 12, voteDays: 6, comments: 8, commentDays: 4 },
  /** an innovator: an active ASN whose idea is also shortlisted and approved this month */
  innovator: { shortlisted: 1, approved: 1 },
  /** a reviewer: reviews completed, of them late */
  reviewer: { reviews: 6, late: 1 },
  /** an agency with this many active ASN: how many of them reach each step, and its awards */
  agency: { activeAsn: 100, innovators: 3, implemented: 1, replicated: 1, reviewers: 5, awards: 1 },
} as const;

export type PreviewLine = { rule: RuleKey; occurrences: number; paid: number; points: number };
export type PreviewProfile = { key: "asn" | "innovator" | "reviewer"; lines: PreviewLine[]; total: number };
export type MonthPreview = { profiles: PreviewProfile[]; agency: { activeAsn: number; total: number; perAsn: number } };

/** `n` occurrences a day on `days` days, of which at most `cap` a day pay. */
const capped = (perDay: number, days: number, cap: number | null) =>
  (cap === null ? perDay : Math.min(perDay, cap)) * days;

function line(rules: Rules, rule: RuleKey, occurrences: number, paid = occurrences): PreviewLine {
  return { rule, occurrences, paid, points: paid * rules[rule].points };
}

const sum = (lines: readonly PreviewLine[]) => lines.reduce((total, l) => total + l.points, 0);

function asnLines(rules: Rules): PreviewLine[] {
  const m = TYPICAL_MONTH.asn;
  const received = rules.vote_received.perSubjectCap;
  return [
    line(rules, "idea_submitted", m.ideas, capped(m.ideas, 1, rules.idea_submitted.dailyCap)),
    line(
      rules,
      "vote_received",
      m.votesReceived,
      received === null ? m.votesReceived : Math.min(m.votesReceived, received),
    ),
    line(rules, "vote_cast", m.votesCast, capped(m.votesCast / m.voteDays, m.voteDays, rules.vote_cast.dailyCap)),
    line(
      rules,
      "comment_posted",
      m.comments,
      capped(m.comments / m.commentDays, m.commentDays, rules.comment_posted.dailyCap),
    ),
  ];
}

function innovatorLines(rules: Rules): PreviewLine[] {
  const m = TYPICAL_MONTH.innovator;
  return [...asnLines(rules), line(rules, "idea_shortlisted", m.shortlisted), line(rules, "idea_approved", m.approved)];
}

function reviewerLines(rules: Rules): PreviewLine[] {
  const m = TYPICAL_MONTH.reviewer;
  const onTime = m.reviews - m.late;
  return [
    line(rules, "review_on_time", onTime, capped(onTime, 1, rules.review_on_time.dailyCap)),
    line(rules, "review_late", m.late),
  ];
}

/**
 * @example previewMonth(DEFAULT_RULES.rules).profiles[0] // { key: "asn", total: 68, lines: [...] }
 */
export function previewMonth(rules: Rules): MonthPreview {
  const profiles: PreviewProfile[] = [
    { key: "asn", lines: asnLines(rules), total: 0 },
    { key: "innovator", lines: innovatorLines(rules), total: 0 },
    { key: "reviewer", lines: reviewerLines(rules), total: 0 },
  ].map((p) => ({ ...p, total: sum(p.lines) }) as PreviewProfile);
  const [asn, innovator, reviewer] = profiles as [PreviewProfile, PreviewProfile, PreviewProfile];
  const a = TYPICAL_MONTH.agency;
  const total =
    (a.activeAsn - a.innovators) * asn.total +
    a.innovators * innovator.total +
    a.reviewers * reviewer.total +
    a.implemented * rules.idea_implemented.points +
    a.replicated * rules.idea_replicated.points +
    a.awards * rules.award_granted.points;
  return { profiles, agency: { activeAsn: a.activeAsn, total, perAsn: Math.round(total / a.activeAsn) } };
}
