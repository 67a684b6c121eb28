import { useEffect, useState } from "preact/hooks";
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
 * @param team how many accepted authors; null (or 0) when the viewer may not know (blind review)
 */
export function StepConsequence({ team, step, id }: { team: number | null; step: PayingStep; id: string }) {
  const points = useStepPoints(step);
  const pointsLine =
    points === "unknown"
      ? t("confirm.pointsUnknown")
      : points === 0
        ? t("confirm.noPoints")
        : points === null
          ? t("confirm.pointsLoading")
          : team
            ? t("confirm.points", { count: formatNumber(team), points: formatNumber(points) })
            : t("confirm.pointsEach", { points: formatNumber(points) });
  return (
    <ul class="consequences" id={id}>
      <li>{pointsLine}</li>
      <li>{t("confirm.told")}</li>
    </ul>
  );
}
