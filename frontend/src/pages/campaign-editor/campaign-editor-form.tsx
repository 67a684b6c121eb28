import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { createCampaign, patchCampaign, type Campaign, type CampaignBody } from "../../api/campaigns";
import { toApiProblem } from "../../api/problem";
import { ErrorSummary } from "../../components/form/error-summary";
import { Field } from "../../components/form/field";
import { t } from "../../i18n";
import { timeZoneName } from "../../lib/format";
import { campaignPath } from "../../lib/idea-paths";
import {
  createBodyOf,
  DATE_FIELDS,
  emptyCampaignForm,
  formOf,
  newCriterionRow,
  patchBodyOf,
  rubricLocked,
  type CampaignForm,
} from "../../models/campaign-form";
import { loadCampaigns } from "../../models/campaigns";
import { CategoriesField } from "./categories-field";
import { editorErrorsOf, editorSummaryOf, fieldOrder, NO_EDITOR_ERRORS, type EditorErrors } from "./editor-errors";
import { RubricEditor } from "./rubric-editor";
import { CAMPAIGN_LIMITS } from "../../api/contract";

type NumberName = "voteBudget" | "reviewersPerIdea" | "passingGrade";
type FlagName = "blindReview" | "excludeSameUnitReviewers" | "hideVotesUntilClosed";

const NUMBER_LIMITS: Record<NumberName, readonly [number, number]> = CAMPAIGN_LIMITS;

/**
 * Creates a competition or changes a campaign. The server checks the schedule and the rubric; its
 * refusals land on the inputs they name, the summary lists them and focus goes to the first.
 * @param campaign the campaign being changed; none for a new one
 * @param onSaved called with the campaign as the server saved it (a change stays on the form)
 * @param initial a new campaign's values to start from (e.g. a problem's title and description)
 * @param create how a new campaign is created (e.g. from a problem), instead of `POST /campaigns`
 */
export function CampaignEditorForm({
  campaign,
  onSaved,
  initial,
  create = createCampaign,
}: {
  campaign: Campaign | null;
  onSaved: (c: Campaign) => void;
  initial?: Partial<CampaignForm>;
  create?: (body: CampaignBody) => Promise<Campaign>;
}) {
  const { route } = useLocation();
  const [form, setForm] = useState<CampaignForm>(() =>
    campaign ? formOf(campaign) : { ...emptyCampaignForm(), ...initial },
  );
  const [errors, setErrors] = useState<EditorErrors>(NO_EDITOR_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const focusAfter = useRef<string | null>(null);
  const locked = rubricLocked(campaign);
  const isOpen = campaign?.kind === "open";

  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  }, [attempt]);

  const set = (patch: Partial<CampaignForm>) => {
    setSaved(false);
    setForm((current) => ({ ...current, ...patch }));
  };

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setSaved(false);
    try {
      const result = campaign
        ? await patchCampaign(campaign.id, patchBodyOf(form, campaign))
        : await create(createBodyOf(form));
      setErrors(NO_EDITOR_ERRORS);
      void loadCampaigns(true);
      if (campaign) {
        setForm(formOf(result));
        setSaved(true);
        onSaved(result);
      } else route(campaignPath(result.id));
    } catch (error) {
      const found = editorErrorsOf(toApiProblem(error));
      focusAfter.current = fieldOrder(form).find((id) => found.fields[id]) ?? null;
      setErrors(found);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  const number = (name: NumberName, label: string, hint?: string) => {
    const [min, max] = NUMBER_LIMITS[name];
    return (
      <Field
        id={`campaign-${name}`}
        label={label}
        hint={hint}
        error={errors.fields[`campaign-${name}`]}
        class="field-number"
      >
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            value={form[name]}
            onInput={(event) => set({ [name]: event.currentTarget.value })}
          />
        )}
      </Field>
    );
  };
  const flag = (name: FlagName, label: string) => (
    <div class="checkbox">
      <input
        id={`campaign-${name}`}
        type="checkbox"
        checked={form[name]}
        onChange={(event) => set({ [name]: event.currentTarget.checked })}
      />
      <label for={`campaign-${name}`}>{label}</label>
    </div>
  );

  return (
    <form class="form campaign-editor" noValidate onSubmit={onSubmit}>
      <ErrorSummary id="campaign-errors" errors={editorSummaryOf(errors, form)} attempt={attempt} />
      {saved && (
        <p class="notice notice-ok" role="status">
          {t("editor.saved")} {campaign && <a href={campaignPath(campaign.id)}>{t("editor.view")}</a>}
        </p>
      )}

      <section class="card form-section" aria-labelledby="editor-general">
        <h2 id="editor-general">{t("editor.general")}</h2>
        <Field id="campaign-title" label={t("editor.title")} error={errors.fields["campaign-title"]}>
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={CAMPAIGN_LIMITS.title[1]}
              value={form.title}
              onInput={(e) => set({ title: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field
          id="campaign-description"
          label={t("editor.description")}
          hint={t("editor.descriptionHint")}
          error={errors.fields["campaign-description"]}
        >
          {(control) => (
            <textarea
              {...control}
              rows={4}
              maxLength={CAMPAIGN_LIMITS.description}
              value={form.description}
              onInput={(e) => set({ description: e.currentTarget.value })}
            />
          )}
        </Field>
        <CategoriesField
          categories={form.categories}
          onChange={(categories) => set({ categories })}
          error={errors.fields["campaign-category-new"]}
        />
      </section>

      <section class="card form-section" aria-labelledby="editor-schedule">
        <h2 id="editor-schedule">{t("editor.schedule")}</h2>
        {isOpen ? (
          <p>{t("editor.openSchedule")}</p>
        ) : (
          <>
            <p class="field-hint">{t("editor.scheduleHint", { zone: timeZoneName() })}</p>
            <div class="date-grid">
              {DATE_FIELDS.map((field) => (
                <Field
                  key={field}
                  id={`campaign-${field}`}
                  label={t(`date.${field}`)}
                  error={errors.fields[`campaign-${field}`]}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="datetime-local"
                      value={form.dates[field]}
                      onInput={(e) => set({ dates: { ...form.dates, [field]: e.currentTarget.value } })}
                    />
                  )}
                </Field>
              ))}
            </div>
          </>
        )}
      </section>

      <section class="card form-section" aria-labelledby="editor-rules">
        <h2 id="editor-rules">{t("editor.rules")}</h2>
        <div class="number-grid">
          {number("voteBudget", t("editor.voteBudget"), t("editor.voteBudgetHint"))}
          {number("reviewersPerIdea", t("editor.reviewersPerIdea"))}
          {number("passingGrade", t("editor.passingGrade"))}
        </div>
        {flag("blindReview", t("editor.blindReview"))}
        {flag("excludeSameUnitReviewers", t("editor.excludeSameUnit"))}
        {flag("hideVotesUntilClosed", t("editor.hideVotes"))}
      </section>

      <section class="card form-section" aria-labelledby="editor-rubric">
        <h2 id="editor-rubric">{t("editor.rubric")}</h2>
        {!campaign && (
          <div class="checkbox">
            <input
              id="campaign-useDefaultRubric"
              type="checkbox"
              checked={form.useDefaultRubric}
              onChange={(e) => {
                const useDefault = e.currentTarget.checked;
                set({
                  useDefaultRubric: useDefault,
                  criteria: !useDefault && form.criteria.length === 0 ? [newCriterionRow()] : form.criteria,
                });
              }}
            />
            <label for="campaign-useDefaultRubric">{t("editor.useDefaultRubric")}</label>
          </div>
        )}
        {locked && <p class="notice">{t("editor.rubricLocked")}</p>}
        {!campaign && form.useDefaultRubric ? (
          <p class="field-hint">{t("editor.defaultRubricText")}</p>
        ) : (
          <RubricEditor
            rows={form.criteria}
            onChange={(criteria) => set({ criteria })}
            errors={errors.fields}
            locked={locked}
          />
        )}
      </section>

      <div class="form-footer">
        <button type="submit" class="button" aria-disabled={busy ? "true" : undefined}>
          {busy ? t("editor.saving") : campaign ? t("editor.save") : t("editor.create")}
        </button>
      </div>
    </form>
  );
}
