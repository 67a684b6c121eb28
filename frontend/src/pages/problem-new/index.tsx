import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { listUnits } from "../../api/admin";
import { PROBLEM_LIMITS, PROBLEM_TITLE_MAX } from "../../api/contract";
import { createProblem } from "../../api/problems";
import { toApiProblem } from "../../api/problem";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { PROBLEMS_PATH, problemPath } from "../../lib/problem-paths";
import { usePageTitle } from "../../lib/use-page-title";
import { useResource } from "../../lib/use-resource";
import { RequireAdmin } from "../admin/admin-access";
import { errorsByField } from "../../lib/field-errors";
import "../../styles/ideas.css";

function ChallengeForm() {
  const { route } = useLocation();
  const [units] = useResource(listUnits, []);
  const [form, setForm] = useState({ title: "", description: "", category: "", unitId: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ReturnType<typeof toApiProblem> | null>(null);
  const [busy, setBusy] = useState(false);
  const errorOf = (field: string) => errors[field] ?? null;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const created = await createProblem({
        title: form.title,
        description: form.description,
        category: form.category,
        unitId: form.unitId ? Number(form.unitId) : null,
      });
      route(problemPath(created.id));
    } catch (error) {
      const problem = toApiProblem(error);
      setErrors(errorsByField(problem));
      setFailure(problem.errors ? null : problem);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card form" onSubmit={submit} noValidate>
      <Field
        id="challenge-title"
        label={t("challenge.titleLabel")}
        hint={t("challenge.titleHint")}
        error={errorOf("title")}
      >
        {(c) => (
          <input
            {...c}
            value={form.title}
            maxLength={PROBLEM_TITLE_MAX}
            onInput={(e) => setForm({ ...form, title: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field id="challenge-description" label={t("challenge.description")} error={errorOf("description")}>
        {(c) => (
          <textarea
            {...c}
            rows={5}
            value={form.description}
            onInput={(e) => setForm({ ...form, description: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field id="challenge-category" label={t("problems.category")} error={errorOf("category")}>
        {(c) => (
          <input
            {...c}
            value={form.category}
            maxLength={PROBLEM_LIMITS.category}
            onInput={(e) => setForm({ ...form, category: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field id="challenge-unit" label={t("challenge.unit")} error={errorOf("unitId")}>
        {(c) => (
          <select {...c} value={form.unitId} onChange={(e) => setForm({ ...form, unitId: e.currentTarget.value })}>
            <option value="">{t("challenge.noUnit")}</option>
            {units.kind === "ready" &&
              units.value.map((u) => (
                <option key={u.id} value={String(u.id)}>
                  {u.name}
                </option>
              ))}
          </select>
        )}
      </Field>
      {failure && <ProblemMessage problem={failure} />}
      <button class="button" type="submit" aria-disabled={busy ? "true" : undefined}>
        {t("challenge.submit")}
      </button>
    </form>
  );
}

/** `/masalah/baru`: the admin writes a challenge into the problem bank. */
export default function NewProblemPage() {
  usePageTitle("challenge.title");
  return (
    <RequireAdmin ability="manageProblems">
      {() => (
        <div class="admin-page">
          <p class="back-link">
            <a href={PROBLEMS_PATH}>← {t("problems.title")}</a>
          </p>
          <h1>{t("challenge.title")}</h1>
          <p class="lead">{t("challenge.lead")}</p>
          <ChallengeForm />
        </div>
      )}
    </RequireAdmin>
  );
}
