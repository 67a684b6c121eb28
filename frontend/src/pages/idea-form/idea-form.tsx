import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { toApiProblem } from "../../api/problem";
import { ErrorSummary } from "../../components/form/error-summary";
import { Field } from "../../components/form/field";
import { t } from "../../i18n";
import { ideaPath } from "../../lib/idea-paths";
import { loadedCampaigns, openCampaignOf } from "../../models/campaigns";
import { takeAction } from "../../models/idea";
import type { DraftEditor, DraftValues } from "../../models/idea-draft";
import { findLoadedLibraryItem } from "../../models/library";
import {
  FIELD_IDS,
  firstInvalid,
  formErrorsOf,
  MINIMUMS,
  NO_FORM_ERRORS,
  summaryOf,
  TITLE_MIN,
  type FormErrors,
} from "./form-errors";
import { SaveStatus } from "./save-status";
import { SimilarIdeas } from "./similar-ideas";
import { IDEA_LIMITS } from "../../api/contract";

type TextName = "problem" | "solution" | "benefit";

/** "12 dari minimal 30 karakter" until the minimum is met, then "42 karakter — cukup". */
function Counter({ id, value, min }: { id: string; value: string; min: number }) {
  const count = value.trim().length;
  const met = count >= min;
  return (
    <p id={id} class={met ? "counter counter-met" : "counter"}>
      {met ? t("ideaForm.counterMet", { count }) : t("ideaForm.counterBelow", { count, min })}
    </p>
  );
}

/** Which campaigns an idea can go to now, and the one it is in even if that one has closed. */
function campaignOptions(current: number | null) {
  return loadedCampaigns().filter((c) => c.submissionOpen || c.id === current);
}

/** The idea being replicated, by name when the library already told us. */
function Replicating({ editor }: { editor: DraftEditor }) {
  const id = editor.values.value.replicatesId;
  if (id === null) return null;
  const saved = editor.saved.value?.replicates;
  const known = saved?.id === id ? saved.title : findLoadedLibraryItem(id)?.title;
  return (
    <div class="notice replicating">
      <p>{known ? t("ideaForm.replicating", { title: known }) : t("ideaForm.replicatingUnknown", { id })}</p>
      <button type="button" class="link-button" onClick={() => editor.update({ replicatesId: null })}>
        {t("ideaForm.stopReplicating")}
      </button>
    </div>
  );
}

/**
 * The idea form: every keystroke goes to the draft (autosaved), similar ideas are suggested while
 * the title and problem are typed, and "Ajukan" saves what is left, then submits. Refusals land on
 * the fields they are about; focus goes to the first.
 */
export function IdeaForm({ editor }: { editor: DraftEditor }) {
  const { route } = useLocation();
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const values = editor.values.value;
  const campaigns = campaignOptions(values.campaignId);
  const campaign = loadedCampaigns().find((c) => c.id === values.campaignId);
  const categories = campaign?.categories ?? [];
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  }, [attempt]);

  const fail = (found: FormErrors) => {
    const first = firstInvalid(found);
    focusAfter.current = first ? FIELD_IDS[first] : null;
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  const edit = (patch: Partial<DraftValues>) => {
    editor.update(patch);
    // a corrected field loses its message; the others keep theirs until the next submit
    const names = Object.keys(patch) as (keyof DraftValues)[];
    if (names.some((name) => name in errors.fields)) {
      const fields = { ...errors.fields };
      for (const name of names) delete fields[name as keyof typeof fields];
      setErrors({ ...errors, fields });
    }
  };

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const saved = await editor.flush();
      const id = editor.id.value;
      if (values.title.trim().length < TITLE_MIN)
        return fail({ fields: { title: t("ideaForm.titleTooShort") }, others: [] });
      if (id === null || !saved) {
        const state = editor.save.value;
        return fail(
          state.kind === "stopped" ? formErrorsOf(state.problem) : { fields: {}, others: [t("autosave.failed")] },
        );
      }
      await takeAction(id, "submit");
      route(ideaPath(id));
    } catch (error) {
      fail(formErrorsOf(toApiProblem(error)));
    } finally {
      setBusy(false);
    }
  }

  const textArea = (name: TextName, hint: string, label: string) => (
    <Field
      id={FIELD_IDS[name]}
      label={label}
      hint={hint}
      error={errors.fields[name]}
      afterId={`${FIELD_IDS[name]}-count`}
      after={<Counter id={`${FIELD_IDS[name]}-count`} value={values[name]} min={MINIMUMS[name]} />}
    >
      {(control) => (
        <textarea
          {...control}
          rows={5}
          maxLength={name === "benefit" ? 4000 : 8000}
          value={values[name]}
          onInput={(event) => edit({ [name]: event.currentTarget.value })}
        />
      )}
    </Field>
  );

  return (
    <form class="form idea-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary id="idea-errors" errors={summaryOf(errors)} attempt={attempt} />
      <Replicating editor={editor} />
      <Field
        id={FIELD_IDS.campaignId}
        label={t("ideaForm.campaign")}
        hint={t("ideaForm.campaignHint")}
        error={errors.fields.campaignId}
      >
        {(control) => (
          <select
            {...control}
            value={values.campaignId === null ? "" : String(values.campaignId)}
            onChange={(event) => {
              const campaignId = Number(event.currentTarget.value) || null;
              const next = loadedCampaigns().find((c) => c.id === campaignId);
              const keep =
                !values.category || !next || next.categories.length === 0 || next.categories.includes(values.category);
              edit({ campaignId, ...(keep ? {} : { category: "" }) });
            }}
          >
            {campaigns.length === 0 && <option value="">{t("loading.label")}</option>}
            {campaigns.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={FIELD_IDS.title}
        label={t("ideaForm.ideaTitle")}
        hint={t("ideaForm.ideaTitleHint")}
        error={errors.fields.title}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={IDEA_LIMITS.title[1]}
            value={values.title}
            autocomplete="off"
            onInput={(event) => edit({ title: event.currentTarget.value })}
          />
        )}
      </Field>
      {textArea("problem", t("ideaForm.problemHint"), t("ideaForm.problem"))}
      <SimilarIdeas title={values.title} problem={values.problem} excludeId={editor.id.value} />
      {textArea("solution", t("ideaForm.solutionHint"), t("ideaForm.solution"))}
      {textArea("benefit", t("ideaForm.benefitHint"), t("ideaForm.benefit"))}
      <Field
        id={FIELD_IDS.targetService}
        label={t("ideaForm.targetService")}
        labelNote={t("ideaForm.optional")}
        hint={t("ideaForm.targetServiceHint")}
        error={errors.fields.targetService}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={IDEA_LIMITS.targetService}
            value={values.targetService}
            onInput={(event) => edit({ targetService: event.currentTarget.value })}
          />
        )}
      </Field>
      {(categories.length > 0 || values.category) && (
        <Field
          id={FIELD_IDS.category}
          label={t("ideaForm.category")}
          labelNote={t("ideaForm.optional")}
          error={errors.fields.category}
        >
          {(control) => (
            <select
              {...control}
              value={values.category}
              onChange={(event) => edit({ category: event.currentTarget.value })}
            >
              <option value="">{t("ideaForm.noCategory")}</option>
              {categories.map((category) => (
                <option key={category} value={category}>
                  {category}
                </option>
              ))}
              {values.category && !categories.includes(values.category) && (
                <option value={values.category}>{values.category}</option>
              )}
            </select>
          )}
        </Field>
      )}
      <div class="form-footer">
        <SaveStatus editor={editor} />
        <button type="submit" class="button" aria-disabled={busy ? "true" : undefined}>
          {busy ? t("ideaForm.submitting") : t("ideaForm.submit")}
        </button>
      </div>
    </form>
  );
}

/** The campaign a new idea starts in: the one named in the address if it takes ideas, else Kotak Ide. */
export function defaultCampaignId(requested: number | null): number | null {
  const campaigns = loadedCampaigns();
  const wanted = campaigns.find((c) => c.id === requested && c.submissionOpen);
  return (wanted ?? openCampaignOf(campaigns))?.id ?? null;
}
