import { useRef, useState } from "preact/hooks";
import { saveProfile, type Profile, type ProfileBody, type ProfileView } from "../../api/innovation-profile";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { useFormSubmit } from "../../lib/use-form-submit";
import { IndicatorRows, type IndicatorRow } from "./indicator-rows";
import { fieldErrorsOf } from "./profile-errors";
import { parseValue } from "./update-form";
import {
  BUDGET_SOURCES,
  INNOVATION_FORMS,
  INNOVATION_STAGES,
  INNOVATION_TYPES,
  PROFILE_LIMITS,
} from "../../api/contract";

// the option lists, typed by the contract: a value the server does not take fails to compile
const STAGES: readonly ProfileBody["stage"][] = INNOVATION_STAGES;
const TYPES: readonly ProfileBody["type"][] = INNOVATION_TYPES;
const FORMS: readonly ProfileBody["form"][] = INNOVATION_FORMS;
const SOURCES: readonly NonNullable<ProfileBody["budgetSource"]>[] = BUDGET_SOURCES;
const URUSAN = [
  "pendidikan",
  "kesehatan",
  "pekerjaan_umum",
  "perumahan",
  "trantibum",
  "sosial",
  "tenaga_kerja",
  "perempuan_anak",
  "pangan",
  "pertanahan",
  "lingkungan_hidup",
  "adminduk",
  "pemberdayaan_desa",
  "pengendalian_penduduk",
  "perhubungan",
  "kominfo",
  "koperasi_ukm",
  "penanaman_modal",
  "kepemudaan_olahraga",
  "statistik",
  "persandian",
  "kebudayaan",
  "perpustakaan",
  "kearsipan",
  "kelautan_perikanan",
  "pariwisata",
  "pertanian",
  "kehutanan",
  "esdm",
  "perdagangan",
  "perindustrian",
  "transmigrasi",
  "perencanaan",
  "keuangan",
  "kepegawaian",
  "pendidikan_pelatihan",
  "litbang",
  "pengawasan",
  "kesekretariatan",
] as const satisfies readonly ProfileBody["urusan"][];
const SDGS = Array.from({ length: 17 }, (_, i) => i + 1);

type Row = IndicatorRow;
type Form = {
  stage: string;
  trialDate: string;
  implementationDate: string;
  type: string;
  form: string;
  urusan: string;
  sdgs: number[];
  objectives: string;
  targetGroups: string;
  budgetAmount: string;
  budgetSource: string;
  legalBasisNumber: string;
  legalBasisDate: string;
  videoUrl: string;
  indicators: Row[];
};

function formOf(p: Profile | null): Form {
  return {
    stage: p?.stage ?? "",
    trialDate: p?.trialDate ?? "",
    implementationDate: p?.implementationDate ?? "",
    type: p?.type ?? "",
    form: p?.form ?? "",
    urusan: p?.urusan ?? "",
    sdgs: p?.sdgs ?? [],
    objectives: p?.objectives ?? "",
    targetGroups: p?.targetGroups ?? "",
    budgetAmount: p?.budgetAmount === null || p?.budgetAmount === undefined ? "" : String(p.budgetAmount),
    budgetSource: p?.budgetSource ?? "",
    legalBasisNumber: p?.legalBasisNumber ?? "",
    legalBasisDate: p?.legalBasisDate ?? "",
    videoUrl: p?.videoUrl ?? "",
    indicators: (p?.indicators ?? []).map((i) => ({ ...i, before: String(i.before), after: String(i.after) })),
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

/** The form as the API takes it, or the fields it cannot even send (required, numbers). */
function bodyOf(f: Form): { body: ProfileBody } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  for (const field of ["stage", "type", "form", "urusan"] as const) if (!f[field]) errors[field] = t("innov.required");
  const indicators = f.indicators.map((r, i) => {
    const before = parseValue(r.before);
    const after = parseValue(r.after);
    if (!r.name.trim() || !r.unit.trim() || before === null || after === null) {
      errors[`indicators.${i}`] = t("innov.indicatorIncomplete");
    }
    return { ...(r.key ? { key: r.key } : {}), name: r.name, unit: r.unit, before: before ?? 0, after: after ?? 0 };
  });
  const amount = f.budgetAmount.trim() ? parseValue(f.budgetAmount.replace(/\./g, "")) : null;
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      stage: f.stage as ProfileBody["stage"],
      trialDate: orNull(f.trialDate),
      implementationDate: orNull(f.implementationDate),
      type: f.type as ProfileBody["type"],
      form: f.form as ProfileBody["form"],
      urusan: f.urusan as ProfileBody["urusan"],
      sdgs: f.sdgs,
      objectives: f.objectives,
      targetGroups: f.targetGroups,
      budgetAmount: amount === null ? null : Math.round(amount),
      budgetSource: (orNull(f.budgetSource) as ProfileBody["budgetSource"]) ?? null,
      legalBasisNumber: orNull(f.legalBasisNumber),
      legalBasisDate: orNull(f.legalBasisDate),
      videoUrl: orNull(f.videoUrl),
      indicators,
    },
  };
}

type Props = {
  ideaId: number;
  profile: Profile | null;
  onSaved: (view: ProfileView) => void;
  onCancel: () => void;
};

/** The profile's form: every field of the IID profile, SDGs as checkboxes, indicators as rows. */
export function ProfileEditor({ ideaId, profile, onSaved, onCancel }: Props) {
  const [f, setForm] = useState<Form>(() => formOf(profile));
  const { busy, errors, problem, fail, submit, setErrors } = useFormSubmit<Record<string, string>>({}, (refused) => {
    const found = fieldErrorsOf(refused);
    return Object.keys(found).length > 0 ? found : null;
  });
  const form = useRef<HTMLFormElement>(null);
  /** Changing a field clears its message; the others stay until the next attempt. */
  const set = (patch: Partial<Form>) => {
    setForm({ ...f, ...patch });
    const stale = Object.keys(errors).filter((k) => Object.keys(patch).some((p) => k === p || k.startsWith(`${p}.`)));
    if (stale.length > 0) setErrors(Object.fromEntries(Object.entries(errors).filter(([k]) => !stale.includes(k))));
  };

  const focusFirst = (found: Record<string, string>) => {
    const first = Object.keys(found)[0];
    if (first) {
      const id = `innov-${first.replace(/\./g, "-")}`;
      (
        form.current?.querySelector<HTMLElement>(`#${id}`) ?? form.current?.querySelector<HTMLElement>(`[id^="${id}"]`)
      )?.focus();
    }
  };

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    const built = bodyOf(f);
    if ("errors" in built) {
      fail(built.errors);
      return focusFirst(built.errors);
    }
    const outcome = await submit(async () => onSaved(await saveProfile(ideaId, built.body)));
    if (outcome?.kind === "refused") focusFirst(outcome.errors);
  }

  const text = (
    field: keyof Form & string,
    label: "innov.legalNumber" | "innov.targetGroups" | "innov.video",
    max: number,
    hint?: string,
    note = false,
  ) => (
    <Field
      id={`innov-${field}`}
      label={t(label)}
      labelNote={note ? t("innov.optional") : undefined}
      hint={hint}
      error={errors[field]}
    >
      {(c) => (
        <input
          {...c}
          type="text"
          inputMode={field === "videoUrl" ? "url" : "text"}
          maxLength={max}
          value={f[field] as string}
          onInput={(e) => set({ [field]: e.currentTarget.value })}
        />
      )}
    </Field>
  );
  const date = (
    field: "trialDate" | "implementationDate" | "legalBasisDate",
    label: "innov.trialDate" | "innov.implementationDate" | "innov.legalDate",
  ) => (
    <Field id={`innov-${field}`} label={t(label)} labelNote={t("innov.optional")} error={errors[field]}>
      {(c) => <input {...c} type="date" value={f[field]} onInput={(e) => set({ [field]: e.currentTarget.value })} />}
    </Field>
  );

  return (
    <form class="form innov-form" noValidate onSubmit={onSubmit} ref={form} aria-labelledby="innov-form-title">
      <h3 id="innov-form-title">{profile ? t("innov.edit") : t("innov.fill")}</h3>
      {problem && <ProblemMessage problem={problem} />}
      <Field id="innov-stage" label={t("innov.stage")} hint={t("innov.dateHint")} error={errors.stage}>
        {(c) => (
          <select {...c} value={f.stage} onChange={(e) => set({ stage: e.currentTarget.value })}>
            <option value="">{t("innov.choose")}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t(`innov.stage.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {date("trialDate", "innov.trialDate")}
      {date("implementationDate", "innov.implementationDate")}
      <Field id="innov-type" label={t("innov.type")} error={errors.type}>
        {(c) => (
          <select {...c} value={f.type} onChange={(e) => set({ type: e.currentTarget.value })}>
            <option value="">{t("innov.choose")}</option>
            {TYPES.map((s) => (
              <option key={s} value={s}>
                {t(`innov.type.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="innov-form" label={t("innov.form")} error={errors.form}>
        {(c) => (
          <select {...c} value={f.form} onChange={(e) => set({ form: e.currentTarget.value })}>
            <option value="">{t("innov.choose")}</option>
            {FORMS.map((s) => (
              <option key={s} value={s}>
                {t(`innov.form.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="innov-urusan" label={t("innov.urusan")} error={errors.urusan}>
        {(c) => (
          <select {...c} value={f.urusan} onChange={(e) => set({ urusan: e.currentTarget.value })}>
            <option value="">{t("innov.choose")}</option>
            {URUSAN.map((s) => (
              <option key={s} value={s}>
                {t(`urusan.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset class={errors.sdgs || errors["sdgs.0"] ? "fieldset field-invalid" : "fieldset"} id="innov-sdgs">
        <legend>{t("innov.sdgs")}</legend>
        <p class="field-hint">{t("innov.sdgsHint")}</p>
        {(errors.sdgs ?? errors["sdgs.0"]) && <p class="field-error">{errors.sdgs ?? errors["sdgs.0"]}</p>}
        {SDGS.map((n) => (
          <label key={n} class="checkbox">
            <input
              type="checkbox"
              checked={f.sdgs.includes(n)}
              onChange={(e) =>
                set({
                  sdgs: e.currentTarget.checked ? [...f.sdgs, n].sort((a, b) => a - b) : f.sdgs.filter((s) => s !== n),
                })
              }
            />
            {t(`sdg.${n}` as "sdg.1")}
          </label>
        ))}
      </fieldset>
      <Field id="innov-objectives" label={t("innov.objectives")} error={errors.objectives}>
        {(c) => (
          <textarea
            {...c}
            rows={3}
            maxLength={PROFILE_LIMITS.objectives[1]}
            value={f.objectives}
            onInput={(e) => set({ objectives: e.currentTarget.value })}
          />
        )}
      </Field>
      {text("targetGroups", "innov.targetGroups", 500)}
      <Field
        id="innov-budgetAmount"
        label={t("innov.budget")}
        labelNote={t("innov.optional")}
        error={errors.budgetAmount}
      >
        {(c) => (
          <input
            {...c}
            type="text"
            inputMode="numeric"
            maxLength={20}
            value={f.budgetAmount}
            onInput={(e) => set({ budgetAmount: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field
        id="innov-budgetSource"
        label={t("innov.budgetSource")}
        labelNote={t("innov.optional")}
        error={errors.budgetSource}
      >
        {(c) => (
          <select {...c} value={f.budgetSource} onChange={(e) => set({ budgetSource: e.currentTarget.value })}>
            <option value="">{t("innov.budgetNone")}</option>
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`innov.budget.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text("legalBasisNumber", "innov.legalNumber", 200, undefined, true)}
      {date("legalBasisDate", "innov.legalDate")}
      {text("videoUrl", "innov.video", 2000, t("innov.videoHint"), true)}
      <IndicatorRows rows={f.indicators} errors={errors} onChange={(indicators) => set({ indicators })} />
      <div class="button-row">
        <button type="submit" class="button" aria-disabled={busy ? "true" : undefined}>
          {busy ? t("idea.working") : t("innov.save")}
        </button>
        <button type="button" class="button button-secondary" onClick={onCancel}>
          {t("innov.cancel")}
        </button>
      </div>
    </form>
  );
}
