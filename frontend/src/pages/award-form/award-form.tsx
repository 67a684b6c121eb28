import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { announceAward, listActiveUnits } from "../../api/awards";
import { findPeople } from "../../api/discussion";
import { listIdeas } from "../../api/ideas";
import { ErrorSummary } from "../../components/form/error-summary";
import { Field } from "../../components/form/field";
import { t } from "../../i18n";
import { awardPath } from "../../lib/award-paths";
import { formatNumber } from "../../lib/format";
import { hallOfFame, justAnnounced } from "../../models/awards";
import {
  bodyOf,
  EMPTY_AWARD,
  fieldId,
  firstInvalid,
  formErrorsOf,
  LIMITS,
  NO_FORM_ERRORS,
  RECIPIENT_KINDS,
  summaryOf,
  validate,
  type AwardValues,
  type FormErrors,
  type FormField,
  type RecipientKind,
} from "./form-errors";
import { AwardPreview } from "./award-preview";
import { SearchPicker, type Choice } from "./search-picker";
import "../../styles/implementation.css";
import { AWARD_LIMITS } from "../../api/contract";

const searchPeople = async (q: string): Promise<Choice[]> =>
  (await findPeople(q)).map((p) => ({ id: p.id, name: p.name, detail: `${p.position} · ${p.unitName}` }));

const searchIdeas = async (q: string): Promise<Choice[]> =>
  (await listIdeas({ q }, undefined, 8)).items.map((idea) => ({
    id: idea.id,
    name: idea.title,
    detail: [idea.author?.name, t(`ideaStatus.${idea.status}`)].filter(Boolean).join(" · "),
  }));

const searchUnits = async (q: string): Promise<Choice[]> => {
  const words = q.toLowerCase().split(/\s+/);
  return (await listActiveUnits())
    .filter((u) => words.every((w) => `${u.name} ${u.code}`.toLowerCase().includes(w)))
    .slice(0, 10)
    .map((u) => ({ id: u.id, name: u.name, detail: u.code }));
};

const KIND_LABELS = {
  people: "awardForm.kindPeople",
  team: "awardForm.kindTeam",
  units: "awardForm.kindUnits",
} as const;

/** The recipients' picker of each kind: its texts, search and limit. */
const PICKERS = {
  people: {
    label: "awardForm.people",
    hint: "awardForm.peopleHint",
    chosen: "awardForm.chosenPeople",
    search: searchPeople,
    max: LIMITS.people,
    minChars: 2,
  },
  team: {
    label: "awardForm.team",
    hint: "awardForm.teamHint",
    chosen: "awardForm.chosenTeam",
    search: searchIdeas,
    max: 1,
    minChars: 2,
  },
  units: {
    label: "awardForm.units",
    hint: "awardForm.unitsHint",
    chosen: "awardForm.chosenUnits",
    search: searchUnits,
    max: LIMITS.units,
    minChars: 1,
  },
} as const;

/**
 * The leader's announcement: what the award is, who receives it (people, an idea's team or
 * units), which ideas it recognises and the bonus. Checked here first, then by the server; every
 * refusal lands on its field, the summary lists them and focus goes to the first.
 */
export function AwardForm({ leaderId }: { leaderId: number }) {
  const { route } = useLocation();
  const [values, setValues] = useState<AwardValues>(EMPTY_AWARD);
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  }, [attempt]);

  const fail = (found: FormErrors) => {
    const first = firstInvalid(found);
    focusAfter.current = first ? fieldId(first, values.kind) : null;
    setErrors(found);
    setAttempt((n) => n + 1);
  };

  /** A change clears the message of the field it corrects; the others stay until the next submit. */
  const edit = (patch: Partial<AwardValues>, field: FormField) => {
    setValues((current) => ({ ...current, ...patch }));
    if (!errors.fields[field]) return;
    const fields = { ...errors.fields };
    delete fields[field];
    setErrors({ ...errors, fields });
  };

  /** A valid form opens its preview; the award is announced only from there. */
  function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    const found = validate(values);
    if (firstInvalid(found)) return fail(found);
    setPreviewing(true);
  }

  async function announce() {
    setBusy(true);
    try {
      const award = await announceAward(bodyOf(values));
      hallOfFame.invalidate();
      justAnnounced.value = award.id;
      route(awardPath(award.id));
    } finally {
      setBusy(false);
    }
  }

  const text = (name: "title" | "periodLabel", label: string, hint: string, max: number) => (
    <Field id={fieldId(name, values.kind)} label={label} hint={hint} error={errors.fields[name]}>
      {(control) => (
        <input
          {...control}
          type="text"
          maxLength={max}
          value={values[name]}
          autocomplete="off"
          onInput={(event) => edit({ [name]: event.currentTarget.value }, name)}
        />
      )}
    </Field>
  );

  const picker = PICKERS[values.kind];
  const chosen = values[values.kind];
  const choose = (kind: RecipientKind, next: Choice[]) => edit({ [kind]: next }, "recipients");

  return (
    <form class="form award-form" noValidate onSubmit={onSubmit}>
      <ErrorSummary id="award-errors" errors={summaryOf(errors, values.kind)} attempt={attempt} />
      {text("title", t("awardForm.awardTitle"), t("awardForm.awardTitleHint"), LIMITS.title[1])}
      <Field
        id={fieldId("citation", values.kind)}
        label={t("awardForm.citation")}
        hint={t("awardForm.citationHint")}
        error={errors.fields.citation}
        afterId="award-citation-count"
        after={
          <p id="award-citation-count" class="counter">
            {t("awardForm.citationCount", { count: formatNumber(values.citation.trim().length) })}
          </p>
        }
      >
        {(control) => (
          <textarea
            {...control}
            rows={4}
            maxLength={LIMITS.citation[1]}
            value={values.citation}
            onInput={(event) => edit({ citation: event.currentTarget.value }, "citation")}
          />
        )}
      </Field>
      {text("periodLabel", t("awardForm.period"), t("awardForm.periodHint"), LIMITS.periodLabel[1])}
      <fieldset class="fieldset award-kind-choice">
        <legend>{t("awardForm.kind")}</legend>
        <div class="award-kinds">
          {RECIPIENT_KINDS.map((kind) => (
            <label key={kind} class="checkbox">
              <input
                type="radio"
                name="award-kind"
                value={kind}
                checked={values.kind === kind}
                onChange={() => edit({ kind }, "recipients")}
              />
              {t(KIND_LABELS[kind])}
            </label>
          ))}
        </div>
      </fieldset>
      <SearchPicker
        key={values.kind}
        id={fieldId("recipients", values.kind)}
        label={t(picker.label)}
        hint={t(picker.hint)}
        error={errors.fields.recipients}
        search={picker.search}
        chosen={chosen}
        chosenLabel={t(picker.chosen)}
        onAdd={(choice) => choose(values.kind, [...chosen, choice])}
        onRemove={(choice) =>
          choose(
            values.kind,
            chosen.filter((c) => c.id !== choice.id),
          )
        }
        max={picker.max}
        minChars={picker.minChars}
        exclude={values.kind === "people" ? [leaderId] : []}
      />
      <SearchPicker
        id={fieldId("ideaIds", values.kind)}
        label={t("awardForm.ideas")}
        labelNote={t("awardForm.optional")}
        hint={t("awardForm.ideasHint")}
        error={errors.fields.ideaIds}
        search={searchIdeas}
        chosen={values.ideas}
        chosenLabel={t("awardForm.chosenIdeas")}
        onAdd={(choice) => edit({ ideas: [...values.ideas, choice] }, "ideaIds")}
        onRemove={(choice) => edit({ ideas: values.ideas.filter((c) => c.id !== choice.id) }, "ideaIds")}
        max={LIMITS.ideas}
      />
      <Field
        id={fieldId("bonusPoints", values.kind)}
        label={t("awardForm.bonus")}
        hint={t("awardForm.bonusHint")}
        error={errors.fields.bonusPoints}
        class="field-number"
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={String(AWARD_LIMITS.bonusPoints).length}
            value={values.bonusPoints}
            autocomplete="off"
            onInput={(event) => edit({ bonusPoints: event.currentTarget.value }, "bonusPoints")}
          />
        )}
      </Field>
      <div class="award-form-actions">
        <button type="submit" class="button" aria-disabled={busy ? "true" : undefined}>
          {busy ? t("awardForm.submitting") : t("awardForm.submit")}
        </button>
      </div>
      {previewing && (
        <AwardPreview
          values={values}
          announce={announce}
          onRefused={(problem) => {
            setPreviewing(false);
            fail(formErrorsOf(problem, values));
          }}
          onClose={() => setPreviewing(false)}
        />
      )}
    </form>
  );
}
