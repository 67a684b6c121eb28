import { useState } from "preact/hooks";
import { listUsers } from "../../api/admin";
import type { AuditAction, AuditFilter } from "../../api/audit";
import { ErrorSummary } from "../../components/form/error-summary";
import { Field } from "../../components/form/field";
import { t } from "../../i18n";
import { SearchPicker, type Choice } from "../award-form/search-picker";
import { labelOf } from "../admin-rules/rule-label";

const searchPeople = async (q: string): Promise<Choice[]> =>
  (await listUsers({ q, limit: "8" })).items.map((u) => ({ id: u.id, name: u.name, detail: u.unit.name }));

type Props = {
  actions: readonly AuditAction[];
  onApply: (filter: AuditFilter) => void;
};

/** Who, what and when: the filter applies on "Terapkan", so a half-typed date asks nothing yet. */
export function AuditFilters({ actions, onApply }: Props) {
  const [person, setPerson] = useState<Choice[]>([]);
  const [inverted, setInverted] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? "");
    const filter: AuditFilter = {
      ...(person[0] ? { actorId: String(person[0].id) } : {}),
      ...(value("audit-action") ? { action: value("audit-action") } : {}),
      ...(value("audit-from") ? { from: value("audit-from") } : {}),
      ...(value("audit-to") ? { to: value("audit-to") } : {}),
    };
    const bad = filter.from !== undefined && filter.to !== undefined && filter.from > filter.to;
    setInverted(bad);
    if (bad) return setAttempt((n) => n + 1);
    onApply(filter);
  };

  const clear = (event: Event) => {
    (event.currentTarget as HTMLButtonElement).form?.reset();
    setPerson([]);
    setInverted(false);
    onApply({});
  };

  return (
    <form class="card audit-filters" onSubmit={submit} noValidate aria-labelledby="audit-filters-title">
      <h2 id="audit-filters-title">{t("audit.filters")}</h2>
      <ErrorSummary
        id="audit-filter-errors"
        errors={inverted ? [{ message: t("audit.inverted"), fieldId: "audit-to" }] : []}
        attempt={attempt}
      />
      <SearchPicker
        id="audit-person"
        label={t("audit.person")}
        hint={t("audit.personHint")}
        search={searchPeople}
        chosen={person}
        chosenLabel={t("audit.personChosen")}
        onAdd={(choice) => setPerson([choice])}
        onRemove={() => setPerson([])}
        max={1}
      />
      <Field id="audit-action" label={t("audit.action")}>
        {(c) => (
          <select {...c}>
            <option value="">{t("audit.anyAction")}</option>
            {actions.map((a) => (
              <option key={a.key} value={a.key}>
                {labelOf(a.label)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div class="date-pair">
        <Field id="audit-from" label={t("audit.from")}>
          {(c) => <input {...c} type="date" />}
        </Field>
        <Field id="audit-to" label={t("audit.to")} error={inverted ? t("audit.inverted") : null}>
          {(c) => <input {...c} type="date" />}
        </Field>
      </div>
      <div class="button-row">
        <button class="button" type="submit">
          {t("audit.apply")}
        </button>
        <button class="button button-secondary" type="button" onClick={clear}>
          {t("audit.clear")}
        </button>
      </div>
    </form>
  );
}
