/**
 * A campaign's phase follows from its dates and the clock. The agency's Kotak Ide (`open`) is
 * always open for submissions and votes.
 */
export type CampaignSchedule = {
  kind: "open" | "competition";
  submissionStart: number | null;
  submissionEnd: number | null;
  votingStart: number | null;
  votingEnd: number | null;
  reviewStart: number | null;
  reviewEnd: number | null;
  announcementAt: number | null;
};

export const PHASES = ["open", "upcoming", "submission", "voting", "review", "announcement"] as const;
export type Phase = (typeof PHASES)[number];

const within = (now: number, start: number | null, end: number | null) =>
  start !== null && end !== null && start <= now && now < end;

/** The latest phase that has started; `upcoming` before the first. */
export function currentPhase(c: CampaignSchedule, now: number): Phase {
  if (c.kind === "open") return "open";
  const starts: [Phase, number | null][] = [
    ["announcement", c.announcementAt],
    ["review", c.reviewStart],
    ["voting", c.votingStart],
    ["submission", c.submissionStart],
  ];
  for (const [phase, start] of starts) if (start !== null && start <= now) return phase;
  return "upcoming";
}

export const isSubmissionOpen = (c: CampaignSchedule, now: number) =>
  c.kind === "open" || within(now, c.submissionStart, c.submissionEnd);

export const isVotingOpen = (c: CampaignSchedule, now: number) =>
  c.kind === "open" || within(now, c.votingStart, c.votingEnd);

/**
 * Review opens once voting has closed: a competition's ideas are judged on the support they
 * gathered, so none starts review while colleagues may still vote. The Kotak Ide reviews any time.
 */
export const isReviewOpen = (c: CampaignSchedule, now: number) =>
  c.kind === "open" || (c.votingEnd !== null && now >= c.votingEnd);

export type ScheduleProblem = { field: keyof CampaignSchedule; code: string; message: string };

/**
 * A competition needs every date, each window must end after it starts, and the phases must come
 * in order (voting may overlap submission, but not start before it).
 */
export function checkSchedule(c: CampaignSchedule): ScheduleProblem[] {
  if (c.kind === "open") return [];
  const problems: ScheduleProblem[] = [];
  const fields = [
    "submissionStart",
    "submissionEnd",
    "votingStart",
    "votingEnd",
    "reviewStart",
    "reviewEnd",
    "announcementAt",
  ] as const;
  for (const f of fields) {
    if (c[f] === null)
      problems.push({ field: f, code: "campaign.date_required", message: "A competition needs this date" });
  }
  if (problems.length > 0) return problems;
  const order: [keyof CampaignSchedule, keyof CampaignSchedule, string][] = [
    ["submissionStart", "submissionEnd", "Submission must end after it starts"],
    ["votingStart", "votingEnd", "Voting must end after it starts"],
    ["reviewStart", "reviewEnd", "Review must end after it starts"],
    ["submissionStart", "votingStart", "Voting cannot start before submission"],
    ["votingEnd", "reviewStart", "Review starts when voting has ended"],
    ["submissionEnd", "reviewStart", "Review starts when submission has ended"],
    ["reviewEnd", "announcementAt", "The announcement comes after the review"],
  ];
  for (const [a, b, message] of order) {
    const before = c[a] as number;
    const after = c[b] as number;
    const strict = a.endsWith("Start") && b.endsWith("End");
    if (strict ? after <= before : after < before) problems.push({ field: b, code: "campaign.date_order", message });
  }
  return problems;
}

/** Every agency's always-open campaign, created with the agency (and by migration 0001 for older ones). */
export const KOTAK_IDE = {
  kind: "open",
  title: "Kotak Ide",
  description: "Ide perbaikan layanan kapan saja, di luar kompetisi.",
  categories: [
    "Pelayanan Publik",
    "Digitalisasi",
    "Kesehatan",
    "Kependudukan",
    "Perizinan",
    "Efisiensi Kerja",
    "Lainnya",
  ],
} as const;
