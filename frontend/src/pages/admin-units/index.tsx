import { useState } from "preact/hooks";
import { createUnit, listUnits, patchUnit, type Unit } from "../../api/admin";
import { ApiProblem } from "../../api/problem";
import { Field } from "../../components/form/field";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { useFormSubmit } from "../../lib/use-form-submit";
import { usePageTitle } from "../../lib/use-page-title";
import { useResource } from "../../lib/use-resource";
import { errorsByField, fieldText, RequireAdmin } from "../admin/admin-access";
import { StatusLine } from "../../components/status-line";
import { ADMIN_LIMITS } from "../../api/contract";

type Errors = Record<string, string>;

function errorsOf(error: unknown): Errors | null {
  if (!(error instanceof ApiProblem) || !error.errors)
    return error instanceof ApiProblem && error.status === 409 ? { form: fieldText(error) } : null;
  return errorsByField(error);
}

function NewUnitForm({ units, onSaved }: { units: Unit[]; onSaved: (message: string) => void }) {
  const { errors, problem, submit: send } = useFormSubmit<Errors>({}, errorsOf);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const parent = String(data.get("unit-parent") ?? "");
    await send(async () => {
      const unit = await createUnit({
        code: String(data.get("unit-code") ?? ""),
        name: String(data.get("unit-name") ?? ""),
        parentId: parent ? Number(parent) : null,
      });
      form.reset();
      onSaved(t("units.saved", { name: unit.name }));
    });
  };
  return (
    <form class="card admin-form" onSubmit={submit} noValidate>
      <h2>{t("units.add")}</h2>
      {errors.form && (
        <p class="notice" role="alert">
          {errors.form}
        </p>
      )}
      <Field id="unit-code" label={t("units.code")} hint={t("units.codeHint")} error={errors.code}>
        {(c) => <input {...c} required maxLength={ADMIN_LIMITS.unitCode} autocomplete="off" />}
      </Field>
      <Field id="unit-name" label={t("units.name")} error={errors.name}>
        {(c) => <input {...c} required maxLength={ADMIN_LIMITS.unitName} />}
      </Field>
      <Field id="unit-parent" label={t("units.parent")} error={errors.parentId}>
        {(c) => (
          <select {...c}>
            <option value="">{t("units.noParent")}</option>
            {units
              .filter((u) => u.active)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {"— ".repeat(u.depth)}
                  {u.name}
                </option>
              ))}
          </select>
        )}
      </Field>
      {problem && <ProblemMessage problem={problem} />}
      <button class="button" type="submit">
        {t("units.add")}
      </button>
    </form>
  );
}

function UnitsView() {
  const [unitList, load] = useResource(listUnits, []);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const toggle = async (unit: Unit) => {
    try {
      await patchUnit(unit.id, { active: !unit.active });
      setMessage(t("units.saved", { name: unit.name }));
      await load();
    } catch (error) {
      const fields = errorsOf(error);
      setMessage(fields ? Object.values(fields).join(" ") : null);
      if (!fields && error instanceof ApiProblem) setProblem(error);
    }
  };

  if (problem) return <ProblemMessage problem={problem} onRetry={() => (setProblem(null), void load())} />;
  if (unitList.kind === "problem") return <ProblemMessage problem={unitList.problem} onRetry={load} />;
  if (unitList.kind === "loading") return <Loading />;
  const units = unitList.value;
  return (
    <div class="admin-grid">
      <section class="card" aria-labelledby="units-list-title">
        <h2 id="units-list-title">{t("units.title")}</h2>
        <StatusLine text={message} />
        {units.length === 0 ? (
          <p class="empty-state">{t("units.empty")}</p>
        ) : (
          <ul class="unit-tree">
            {units.map((u) => (
              <li key={u.id} class={`unit-depth-${Math.min(u.depth, 4)}${u.active ? "" : " is-inactive"}`}>
                <span class="unit-name">{u.name}</span> <code>{u.code}</code>
                {!u.active && <span class="badge"> {t("units.inactive")}</span>}
                <button class="link-button" type="button" onClick={() => void toggle(u)}>
                  {u.active ? t("units.deactivate") : t("units.activate")}
                  <span class="visually-hidden"> {u.name}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <NewUnitForm
        units={units}
        onSaved={(text) => {
          setMessage(text);
          void load();
        }}
      />
    </div>
  );
}

/** `/admin/unit`: the agency's unit tree, new units, deactivation. */
export default function AdminUnitsPage() {
  usePageTitle("units.title");
  return (
    <RequireAdmin ability="manageUnits">
      {() => (
        <div class="admin-page">
          <p class="eyebrow">
            <a href="/admin">{t("admin.title")}</a>
          </p>
          <h1>{t("units.title")}</h1>
          <UnitsView />
        </div>
      )}
    </RequireAdmin>
  );
}
