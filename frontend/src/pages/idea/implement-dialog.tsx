import { useEffect, useRef, useState } from "preact/hooks";
import { listActiveUnits } from "../../api/awards";
import { reportImplementation, uploadEvidence, type ImplementationBody } from "../../api/implementation";
import type { IdeaDetail } from "../../api/ideas";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Dialog, DialogButtons } from "../../components/dialog";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { problemText } from "../../i18n/problem-text";
import { formatNumber } from "../../lib/format";
import { toLocalInput } from "../../lib/datetime-local";
import { loadIdea, ideaNotice } from "../../models/idea";
import { ideaList } from "../../models/idea-list";
import { StepConsequence } from "./step-consequence";
import { mapFormErrors } from "../../lib/field-errors";
import { IMPLEMENTATION_LIMITS, INNOVATION_FORMS } from "../../api/contract";

/** The forms of an innovation (PP 38/2017), as the library filters by them. */

type Fields = "implementedOn" | "unitId" | "summary" | "results" | "evidence";
type Errors = Partial<Record<Fields, string>>;

/** Today on the agency's clock, as the date input takes it. */
const today = () => toLocalInput(new Date().toISOString()).slice(0, 10);

type InnovationForm = NonNullable<ImplementationBody["form"]>;

const ACCEPT = ".pdf,.png,.jpg,.jpeg,.webp,.gif,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp";

/** The server's field errors on their fields (`json.unitId` → unitId). */
function fieldErrorsOf(problem: ApiProblem): Errors | null {
  if (!problem.errors?.length) return null;
  const found: Errors = mapFormErrors<Fields>(problem, (e) => {
    const field = e.parts.join(".");
    if (field === "implementedOn" || field === "unitId" || field === "summary" || field === "results")
      return [field, problemText(e.code)];
    return field === "evidenceAttachmentId" ? ["evidence", problemText(e.code)] : null;
  }).fields;
  return Object.keys(found).length > 0 ? found : null;
}

/**
 * "Tandai sudah diterapkan" as the implementation report: date, unit, summary, results and
 * evidence files. The files are uploaded first (as evidence of the approved idea), then the
 * report and the status change are one write on the server: both or neither.
 */
export function ImplementDialog({ idea, onClose }: { idea: IdeaDetail; onClose: () => void }) {
  const [units, setUnits] = useState<{ id: number; name: string }[]>([]);
  const [implementedOn, setDate] = useState(() => today());
  const [unitId, setUnit] = useState(idea.unit?.id ? String(idea.unit.id) : "");
  const [summary, setSummary] = useState("");
  const [results, setResults] = useState("");
  const [innovationForm, setInnovationForm] = useState<InnovationForm | "">("");
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const uploaded = useRef(new Map<File, number>());
  const form = useRef<HTMLFormElement>(null);
  /** Typing in a field clears its message; the others stay until the next attempt. */
  const cleared = (field: Fields) => {
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  useEffect(() => {
    listActiveUnits()
      .then(setUnits)
      .catch((error: unknown) => setProblem(toApiProblem(error)));
  }, []);

  const focusFirst = (found: Errors) => {
    const first = (["implementedOn", "unitId", "summary", "results", "evidence"] as const).find((f) => found[f]);
    if (first) form.current?.querySelector<HTMLElement>(`#impl-${first}`)?.focus();
  };

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {
      ...(implementedOn ? {} : { implementedOn: t("impl.dateRequired") }),
      ...(unitId ? {} : { unitId: t("impl.unitRequired") }),
      ...(summary.trim().length >= IMPLEMENTATION_LIMITS.summary.min ? {} : { summary: t("impl.summaryShort") }),
    };
    setErrors(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return focusFirst(found);
    try {
      // files already uploaded by an earlier attempt are not sent twice
      for (const file of files) {
        if (uploaded.current.has(file)) continue;
        setBusy(t("impl.uploading", { name: file.name }));
        uploaded.current.set(file, (await uploadEvidence(idea.id, file)).id);
      }
      setBusy(t("idea.working"));
      await reportImplementation(idea.id, {
        implementedOn,
        unitId: Number(unitId),
        summary: summary.trim(),
        results: results.trim() || null,
        form: innovationForm || null,
        evidenceAttachmentId: files.length > 0 ? (uploaded.current.get(files[0]!) ?? null) : null,
      });
      ideaList.invalidate();
      ideaNotice.value = { ideaId: idea.id, kind: "moved" };
      await loadIdea(idea.id, true);
      onClose();
    } catch (caught) {
      const refused = toApiProblem(caught);
      const onFields = fieldErrorsOf(refused);
      if (onFields) {
        setErrors(onFields);
        focusFirst(onFields);
      } else if (refused.code.startsWith("attachment.")) {
        setErrors({ evidence: problemText(refused.code) });
        focusFirst({ evidence: "x" });
      } else setProblem(refused);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Dialog id="idea-implement" title={t("impl.formTitle")} text={t("impl.formText")} onClose={onClose}>
      <form class="form" noValidate onSubmit={onSubmit} ref={form}>
        {problem && <ProblemMessage problem={problem} />}
        <Field id="impl-implementedOn" label={t("impl.date")} hint={t("impl.dateHint")} error={errors.implementedOn}>
          {(c) => (
            <input
              {...c}
              data-autofocus
              type="date"
              max={today()}
              value={implementedOn}
              onInput={(e) => {
                setDate(e.currentTarget.value);
                cleared("implementedOn");
              }}
            />
          )}
        </Field>
        <Field id="impl-unitId" label={t("impl.unit")} error={errors.unitId}>
          {(c) => (
            <select
              {...c}
              value={unitId}
              onChange={(e) => {
                setUnit(e.currentTarget.value);
                cleared("unitId");
              }}
            >
              <option value="">{t("impl.unitChoose")}</option>
              {units.map((u) => (
                <option key={u.id} value={String(u.id)}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="impl-summary" label={t("impl.summary")} hint={t("impl.summaryHint")} error={errors.summary}>
          {(c) => (
            <textarea
              {...c}
              rows={4}
              maxLength={IMPLEMENTATION_LIMITS.summary.max}
              value={summary}
              onInput={(e) => {
                setSummary(e.currentTarget.value);
                cleared("summary");
              }}
            />
          )}
        </Field>
        <Field
          id="impl-results"
          label={t("impl.results")}
          labelNote={t("impl.optional")}
          hint={t("impl.resultsHint")}
          error={errors.results}
        >
          {(c) => (
            <textarea
              {...c}
              rows={3}
              maxLength={IMPLEMENTATION_LIMITS.results.max}
              value={results}
              onInput={(e) => setResults(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="impl-form" label={t("libraryx.form")} labelNote={t("impl.optional")} hint={t("impl.formHint")}>
          {(c) => (
            <select
              {...c}
              value={innovationForm}
              onChange={(e) => setInnovationForm(e.currentTarget.value as InnovationForm | "")}
            >
              <option value="">{t("impl.formUnsaid")}</option>
              {INNOVATION_FORMS.map((f) => (
                <option key={f} value={f}>
                  {t(`libraryx.form.${f}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="impl-evidence"
          label={t("impl.evidence")}
          labelNote={t("impl.optional")}
          hint={t("impl.evidenceHint")}
          error={errors.evidence}
          afterId="impl-evidence-count"
          after={
            files.length > 0 ? (
              <p id="impl-evidence-count" class="counter">
                {t("impl.evidenceChosen", { count: formatNumber(files.length) })}
              </p>
            ) : undefined
          }
        >
          {(c) => (
            <input
              {...c}
              type="file"
              multiple
              accept={ACCEPT}
              onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])}
            />
          )}
        </Field>
        <StepConsequence team={idea.team.filter((m) => m.accepted).length} step="implement" id="impl-consequence" />
        {busy && busy !== t("idea.working") && (
          <p class="muted" role="status">
            {busy}
          </p>
        )}
        <DialogButtons label={t("impl.submit")} busy={busy !== null} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
