/**
 * Grouping complaints into problems, deterministically: a complaint joins the most similar problem
 * of the same unit and category when their words overlap enough (Jaccard over the words of the
 * Indonesian search normaliser, stop words out), else it founds a problem of its own. The same file
 * against the same problems always gives the same groups; admins correct them by merging and
 * splitting, and a complaint once imported is never regrouped by a later import.
 */
import type { ComplaintRow } from "./complaint-import";
import { terms } from "./search-normalise";
import type { RowError } from "./user-import";

/** Two complaints whose words overlap at least this much (Jaccard) speak of the same problem. */
export const SIMILARITY_THRESHOLD = 0.3;
/** A signature keeps this many words: enough to compare, small enough to store and read. */
const SIGNATURE_MAX = 60;
export const PROBLEM_TITLE_MAX = 200;

/**
 * The words a text is compared by: each word's first root, stop words and one-letter words left out.
 * @example signatureOf("Antrian e-KTP sangat lama") // ["antre", "ktpel", "lama"]
 */
export function signatureOf(text: string): string[] {
  const words = terms(text)
    .filter((t) => !t.stop)
    .map((t) => t.alternatives[0] ?? t.word)
    .filter((w) => w.length > 1);
  return [...new Set(words)].slice(0, SIGNATURE_MAX);
}

/** |A ∩ B| / |A ∪ B|; 0 for two empty sets. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** A problem as the grouping sees it. */
export type GroupCandidate = { id: number; unitId: number | null; category: string; signature: string };

export type PlannedComplaint = Omit<ComplaintRow, "unit"> & { unitId: number | null };
export type NewProblem = {
  unitId: number | null;
  category: string;
  title: string;
  signature: string;
  complaints: PlannedComplaint[];
};
export type ComplaintPlan = {
  newProblems: NewProblem[];
  /** complaints that join a problem that already exists, by its id */
  joined: { problemId: number; complaints: PlannedComplaint[] }[];
  /** rows whose id was imported before: left as they are */
  unchanged: number;
};

export type ComplaintPlanContext = {
  /** the agency's units by upper-case code and by lower-case name */
  units: ReadonlyMap<string, { id: number; active: boolean }>;
  problems: readonly GroupCandidate[];
  /** complaint ids of the file that the agency holds already */
  known: ReadonlySet<string>;
  labels?: Readonly<Record<string, string>>;
};

const groupKey = (unitId: number | null, category: string) => `${unitId ?? 0}|${category.trim().toLowerCase()}`;

/**
 * A title for a problem founded by a complaint: its title, else the first clause of its text
 * (without the marks where personal data was cut), at most about 90 characters.
 * @example titleOf({ title: "", text: "Antrean KTP lama, hubungi [telepon]. Mohon dibantu." }) // "Antrean KTP lama"
 */
export function titleOf(complaint: Pick<ComplaintRow, "title" | "text">): string {
  const source = (complaint.title || complaint.text).replace(/\[(?:telepon|email|NIK)\]/g, "");
  const flat = source.replace(/\s+/g, " ").trim();
  const sentence = flat.split(/(?<=[.!?])\s/)[0]!.replace(/[.!?]+$/, "");
  const comma = sentence.indexOf(", ", 20);
  const clause = comma > 0 ? sentence.slice(0, comma) : sentence;
  if (clause.length <= 90) return clause || flat.slice(0, 90);
  const cut = clause.slice(0, 90);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 60))}…`.slice(0, PROBLEM_TITLE_MAX);
}

/**
 * Step 2 of an import: the units the rows name, then each new complaint to a problem.
 * @returns the plan, or every row whose unit the agency does not have (then nothing may be stored)
 */
export function planComplaintImport(
  rows: readonly ComplaintRow[],
  context: ComplaintPlanContext,
): { ok: true; plan: ComplaintPlan } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const unitLabel = context.labels?.unit ?? "unit";
  const fresh: PlannedComplaint[] = [];
  let unchanged = 0;
  for (const { unit, ...row } of rows) {
    let unitId: number | null = null;
    if (unit) {
      const found = context.units.get(unit.toUpperCase()) ?? context.units.get(unit.toLowerCase());
      if (!found) {
        const message = `No unit with code or name "${unit}" in this agency`;
        errors.push({ path: `row ${row.row}.${unitLabel}`, code: "unit.not_found", message });
        continue;
      }
      unitId = found.id;
    }
    if (context.known.has(row.externalId)) unchanged += 1;
    else fresh.push({ ...row, unitId });
  }
  if (errors.length > 0) return { ok: false, errors };

  type Group = { candidate: GroupCandidate; words: Set<string>; target: NewProblem | number };
  const groups = new Map<string, Group[]>();
  const add = (group: Group) => {
    const key = groupKey(group.candidate.unitId, group.candidate.category);
    groups.set(key, [...(groups.get(key) ?? []), group]);
  };
  for (const p of [...context.problems].sort((a, b) => a.id - b.id)) {
    add({ candidate: p, words: new Set(p.signature.split(" ").filter(Boolean)), target: p.id });
  }

  const newProblems: NewProblem[] = [];
  const joined = new Map<number, PlannedComplaint[]>();
  for (const complaint of fresh) {
    const words = new Set(signatureOf(`${complaint.title} ${complaint.text}`));
    let best: Group | null = null;
    let bestScore = SIMILARITY_THRESHOLD;
    for (const group of groups.get(groupKey(complaint.unitId, complaint.category)) ?? []) {
      const score = jaccard(words, group.words);
      if (score >= bestScore && (best === null || score > bestScore)) {
        best = group;
        bestScore = score;
      }
    }
    if (best && typeof best.target === "number") {
      joined.set(best.target, [...(joined.get(best.target) ?? []), complaint]);
    } else if (best) {
      (best.target as NewProblem).complaints.push(complaint);
    } else {
      const signature = [...words].join(" ");
      const problem: NewProblem = {
        unitId: complaint.unitId,
        category: complaint.category,
        title: titleOf(complaint),
        signature,
        complaints: [complaint],
      };
      newProblems.push(problem);
      add({
        candidate: { id: 0, unitId: complaint.unitId, category: complaint.category, signature },
        words,
        target: problem,
      });
    }
  }
  return {
    ok: true,
    plan: {
      newProblems,
      joined: [...joined].map(([problemId, list]) => ({ problemId, complaints: list })),
      unchanged,
    },
  };
}
