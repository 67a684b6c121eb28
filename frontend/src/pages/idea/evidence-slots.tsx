import { useState } from "preact/hooks";
import {
  addEvidenceFile,
  addEvidenceLink,
  evidenceFilePath,
  getProfile,
  removeEvidence,
  type Evidence,
  type EvidenceKind,
  type ProfileView,
} from "../../api/innovation-profile";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { StatusLine } from "../../components/status-line";
import { t } from "../../i18n";
import { useFormSubmit } from "../../lib/use-form-submit";
import { formatBytes } from "../../lib/format";
import { fieldErrorsOf } from "./profile-errors";
import { EVIDENCE_KINDS, PROFILE_LIMITS } from "../../api/contract";

/** The slots in the national forms' order (typed by the contract). */
const KINDS: readonly EvidenceKind[] = EVIDENCE_KINDS;

const ACCEPT = ".pdf,.png,.jpg,.jpeg,.webp,.gif,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp";

type Props = { ideaId: number; view: ProfileView; onChange: (view: ProfileView) => void };

function EvidenceItem({
  ideaId,
  item,
  view,
  onRemove,
}: {
  ideaId: number;
  item: Evidence;
  view: ProfileView;
  onRemove?: () => void;
}) {
  const indicator = view.profile?.indicators.find((i) => i.key === item.indicatorKey);
  return (
    <li class="innov-evidence-item">
      {item.file ? (
        <a href={evidenceFilePath(ideaId, item.id)} download={item.file.fileName}>
          {item.title} ({formatBytes(item.file.size)})
        </a>
      ) : (
        <a href={item.url ?? undefined} target="_blank" rel="noopener noreferrer" class="break">
          {item.title}
        </a>
      )}
      <span class="muted">{t("innov.supports", { name: indicator?.name ?? t("innov.general") })}</span>
      {onRemove && (
        <button type="button" class="link-button" onClick={onRemove}>
          {t("innov.evidenceRemove", { title: item.title })}
        </button>
      )}
    </li>
  );
}

/** The form that adds one piece of evidence: its slot, title, indicator, and a link or a file. */
function AddEvidence({ ideaId, view, onAdded }: { ideaId: number; view: ProfileView; onAdded: () => Promise<void> }) {
  const [kind, setKind] = useState<EvidenceKind>("regulasi");
  const [title, setTitle] = useState("");
  const [indicatorKey, setIndicator] = useState("");
  const [as, setAs] = useState<"link" | "file">("link");
  const [url, setUrl] = useState("");
  const [file, setFile] = useState<File | null>(null);
  // a new file input after each addition: the browser's picker cannot be emptied otherwise
  const [picker, setPicker] = useState(0);
  const { busy, errors, problem, fail, submit } = useFormSubmit<Record<string, string>>({}, (refused) => {
    const fields = fieldErrorsOf(refused);
    return Object.keys(fields).length > 0 ? fields : null;
  });

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {
      ...(title.trim().length >= 3 ? {} : { title: t("innov.titleShort") }),
      ...(as === "link" && !/^https:\/\/\S+$/.test(url.trim()) ? { url: t("innov.urlInvalid") } : {}),
      ...(as === "file" && !file ? { file: t("innov.fileMissing") } : {}),
    };
    if (Object.keys(found).length > 0) return fail(found);
    await submit(async () => {
      const common = { kind, title: title.trim(), indicatorKey: indicatorKey || null };
      if (as === "link") await addEvidenceLink(ideaId, { ...common, url: url.trim() });
      else await addEvidenceFile(ideaId, { ...common, file: file! });
      setTitle("");
      setUrl("");
      setFile(null);
      setPicker(picker + 1);
      await onAdded();
    });
  }

  return (
    <form class="form impl-update-form" noValidate onSubmit={onSubmit} aria-labelledby="innov-add-evidence">
      <h3 id="innov-add-evidence">{t("innov.addEvidence")}</h3>
      {problem && <ProblemMessage problem={problem} />}
      <Field id="innov-evidence-kind" label={t("innov.evidenceKind")} error={errors.kind}>
        {(c) => (
          <select {...c} value={kind} onChange={(e) => setKind(e.currentTarget.value as EvidenceKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`innov.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="innov-evidence-title" label={t("innov.evidenceTitle")} error={errors.title}>
        {(c) => (
          <input
            {...c}
            type="text"
            maxLength={PROFILE_LIMITS.evidenceTitle[1]}
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="innov-evidence-indicator" label={t("innov.evidenceIndicator")} error={errors.indicatorKey}>
        {(c) => (
          <select {...c} value={indicatorKey} onChange={(e) => setIndicator(e.currentTarget.value)}>
            <option value="">{t("innov.general")}</option>
            {(view.profile?.indicators ?? []).map((i) => (
              <option key={i.key} value={i.key}>
                {i.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset class="fieldset">
        <legend>{t("innov.evidenceAs")}</legend>
        <div class="choice-row">
          {(["link", "file"] as const).map((option) => (
            <label key={option} class="choice">
              <input type="radio" name="innov-evidence-as" checked={as === option} onChange={() => setAs(option)} />
              {option === "link" ? t("innov.asLink") : t("innov.asFile")}
            </label>
          ))}
        </div>
      </fieldset>
      {as === "link" ? (
        <Field id="innov-evidence-url" label={t("innov.evidenceUrl")} error={errors.url}>
          {(c) => (
            <input
              {...c}
              type="url"
              maxLength={PROFILE_LIMITS.url}
              value={url}
              onInput={(e) => setUrl(e.currentTarget.value)}
            />
          )}
        </Field>
      ) : (
        <Field
          id="innov-evidence-file"
          label={t("innov.evidenceFile")}
          hint={t("innov.evidenceFileHint")}
          error={errors.file}
        >
          {(c) => (
            <input
              {...c}
              key={picker}
              type="file"
              accept={ACCEPT}
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          )}
        </Field>
      )}
      <div class="button-row">
        <button type="submit" class="button" aria-disabled={busy ? "true" : undefined}>
          {busy ? t("idea.working") : t("innov.addEvidence")}
        </button>
      </div>
    </form>
  );
}

/** The evidence by slot (only the slots that hold some), and for the team the form to add more. */
export function EvidenceSlots({ ideaId, view, onChange }: Props) {
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const refresh = async (message: string) => {
    onChange(await getProfile(ideaId));
    setDone(message);
  };
  const remove = async (item: Evidence) => {
    setProblem(null);
    try {
      await removeEvidence(ideaId, item.id);
      await refresh(t("innov.evidenceRemoved"));
    } catch (caught) {
      setProblem(toApiProblem(caught));
    }
  };
  const filled = KINDS.filter((k) => view.evidence.some((e) => e.kind === k));
  return (
    <div class="innov-evidence">
      <h3>{t("innov.evidence")}</h3>
      <p class="muted">{t("innov.evidenceLead")}</p>
      {problem && <ProblemMessage problem={problem} />}
      {filled.length === 0 && <p class="muted">{t("innov.evidenceEmpty")}</p>}
      {filled.map((kind) => (
        <section key={kind} aria-labelledby={`innov-slot-${kind}`}>
          <h4 id={`innov-slot-${kind}`}>{t(`innov.kind.${kind}`)}</h4>
          <ul class="attachments">
            {view.evidence
              .filter((e) => e.kind === kind)
              .map((item) => (
                <EvidenceItem
                  key={item.id}
                  ideaId={ideaId}
                  item={item}
                  view={view}
                  {...(view.canEdit ? { onRemove: () => void remove(item) } : {})}
                />
              ))}
          </ul>
        </section>
      ))}
      <StatusLine text={done} />
      {view.canEdit &&
        (view.profile ? (
          <AddEvidence ideaId={ideaId} view={view} onAdded={() => refresh(t("innov.evidenceAdded"))} />
        ) : (
          <p class="muted">{t("innov.evidenceNeedsProfile")}</p>
        ))}
    </div>
  );
}
