import { useEffect, useState } from "preact/hooks";
import type { IdeaDetail } from "../../api/ideas";
import { getRules } from "../../api/reward-rules";
import { t } from "../../i18n";
import { formatNumber } from "../../lib/format";

/** The reward rule each confirmed step pays the idea's team. */
export const STEP_RULE = {
  shortlist: "idea_shortlisted",
  approve: "idea_approved",
  implement: "idea_implemented",
} as const;
export type PayingStep = keyof typeof STEP_RULE;

let rules: ReturnType<typeof getRules> | null = null;
/** The agency's rules in force, asked once per page load (again after a failure). */
function rulesInForce() {
  rules ??= getRules().catch((error: unknown) => {
    rules = null;
    throw error;
  });
  return rules;
}

/** The points a step pays each team member under the rules in force; null while unknown. */
export function useStepPoints(step: PayingStep): number | null | "unknown" {
  const [points, setPoints] = useState<number | null | "unknown">(null);
  useEffect(() => {
    rulesInForce()
      .then((set) => setPoints(set.rules[STEP_RULE[step]].points))
      .catch(() => setPoints("unknown"));
  }, [step]);
  return points;
}

/**
 * What a committee's step will do, said before it is taken: the points each accepted team member
 * earns under the rules in force, and who is told.
 */
export function StepConsequence({ idea, step, id }: { idea: IdeaDetail; step: PayingStep; id: string }) {
  const points = useStepPoints(step);
  const team = idea.team.filter((m) => m.accepted).length;
  const pointsLine =
    points === "unknown" || team === 0
      ? t("confirm.pointsUnknown")
      : points === 0
        ? t("confirm.noPoints")
        : points === null
          ? "…"
          : t("confirm.points", { count: formatNumber(team), points: formatNumber(points) });
  return (
    <ul class="consequences" id={id}>
      <li>{pointsLine}</li>
      <li>{t("confirm.told")}</li>
    </ul>
  );
}
