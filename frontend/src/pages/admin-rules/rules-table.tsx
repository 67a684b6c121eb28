import type { RuleSet } from "../../api/reward-rules";
import { t } from "../../i18n";
import { formatNumber } from "../../lib/format";
import { labelOf } from "./rule-label";
import { cellId, ruleKeys, type Cell, type Draft } from "./rules-draft";

type Props = {
  set: RuleSet;
  draft: Draft;
  errors: Record<string, string>;
  onChange: (rule: string, cell: Cell, value: string) => void;
};

function NumberCell(props: {
  rule: string;
  cell: Cell;
  label: string;
  range: { min: number; max: number };
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const id = cellId(props.rule, props.cell);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div class={props.error ? "rule-cell field-invalid" : "rule-cell"}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        step={1}
        min={props.range.min}
        max={props.range.max}
        value={props.value}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={[props.error ? errorId : "", hintId].filter(Boolean).join(" ")}
        onInput={(e) => props.onChange(e.currentTarget.value)}
      />
      <p id={hintId} class="field-hint">
        {t("rules.bounds", { min: formatNumber(props.range.min), max: formatNumber(props.range.max) })}
      </p>
      {props.error && (
        <p id={errorId} class="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** Every rule with its points and caps, each input stating the bounds the server takes. */
export function RulesTable({ set, draft, errors, onChange }: Props) {
  return (
    <ul class="rule-list">
      {ruleKeys(set).map((key) => {
        const rule = set.rules[key];
        const name = labelOf(rule.label);
        const cell = (c: Cell, label: string, range: { min: number; max: number }) => (
          <NumberCell
            rule={key}
            cell={c}
            label={label}
            range={range}
            value={draft[key]![c]}
            error={errors[cellId(key, c)]}
            onChange={(v) => onChange(key, c, v)}
          />
        );
        return (
          <li key={key} class="rule-row">
            <h3>{name}</h3>
            <div class="rule-cells" role="group" aria-label={name}>
              {cell("points", t("rules.points"), rule.bounds.points)}
              {cell("dailyCap", t("rules.dailyCap"), rule.bounds.dailyCap)}
              {rule.bounds.perSubjectCap && cell("perSubjectCap", t("rules.perIdeaCap"), rule.bounds.perSubjectCap)}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
