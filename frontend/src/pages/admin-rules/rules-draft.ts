import type { RuleDraft, RuleKey, RuleSet } from "../../api/reward-rules";
import { t } from "../../i18n";
import { formatNumber } from "../../lib/format";

type Range = { min: number; max: number };
export type Cell = "points" | "dailyCap" | "perSubjectCap";

/** The editor's values as typed (a cap left empty is "no cap"). */
export type Draft = Record<string, Record<Cell, string>>;

export const cellId = (rule: string, cell: Cell) => `rule-${rule}-${cell}`;

export const ruleKeys = (set: RuleSet) => Object.keys(set.rules) as RuleKey[];

/** The rules in force as the editor shows them. */
export function draftOf(set: RuleSet): Draft {
  return Object.fromEntries(
    ruleKeys(set).map((k) => {
      const r = set.rules[k];
      return [
        k,
        {
          points: String(r.points),
          dailyCap: r.dailyCap === null ? "" : String(r.dailyCap),
          perSubjectCap: r.perSubjectCap === null ? "" : String(r.perSubjectCap),
        },
      ];
    }),
  );
}

const whole = (text: string) => (/^-?\d+$/.test(text.trim()) ? Number(text.trim()) : NaN);

/** A value within its range, or the message that says the range (the contract's, as the server sent it). */
function check(text: string, range: Range, nullable: boolean): { value: number | null } | { error: string } {
  if (nullable && text.trim() === "") return { value: null };
  const n = whole(text);
  if (Number.isNaN(n) || n < range.min || n > range.max) {
    return { error: t("rules.outOfBounds", { min: formatNumber(range.min), max: formatNumber(range.max) }) };
  }
  return { value: n };
}

/**
 * The draft as the API takes it, or the fields that are not valid (by field id).
 * @example readDraft(set, draft) // { rules: {...} } | { errors: { "rule-vote_cast-points": "Isi bilangan bulat …" } }
 */
export function readDraft(set: RuleSet, draft: Draft): { rules: RuleDraft } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const rules: Record<string, { points: number; dailyCap: number | null; perSubjectCap?: number | null }> = {};
  for (const key of ruleKeys(set)) {
    const { bounds } = set.rules[key];
    const typed = draft[key]!;
    const points = check(typed.points, bounds.points, false);
    const dailyCap = check(typed.dailyCap, bounds.dailyCap, true);
    const perSubject = bounds.perSubjectCap ? check(typed.perSubjectCap, bounds.perSubjectCap, true) : { value: null };
    for (const [cell, result] of [
      ["points", points],
      ["dailyCap", dailyCap],
      ["perSubjectCap", perSubject],
    ] as const) {
      if ("error" in result) errors[cellId(key, cell)] = result.error;
    }
    if ("value" in points && "value" in dailyCap && "value" in perSubject) {
      rules[key] = {
        points: points.value!,
        dailyCap: dailyCap.value,
        ...(bounds.perSubjectCap ? { perSubjectCap: perSubject.value } : {}),
      };
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { rules: rules as RuleDraft };
}

/** Whether the draft differs from the rules in force. */
export const isChanged = (set: RuleSet, draft: Draft) => JSON.stringify(draftOf(set)) !== JSON.stringify(draft);
