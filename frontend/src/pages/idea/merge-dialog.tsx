import { useRef, useState } from "preact/hooks";
import { listSimilarIdeas, type IdeaDetail, type SimilarIdea } from "../../api/ideas";
import type { ApiProblem } from "../../api/problem";
import { Dialog, DialogButtons } from "../../components/dialog";
import { ReasonField } from "../../components/reason-dialog";
import { Field } from "../../components/form/field";
import { ProblemMessage } from "../../components/problem-message";
import { StatusBadge } from "../../components/status-badge";
import { t } from "../../i18n";
import { problemText } from "../../i18n/problem-text";
import { idOf } from "../../lib/idea-paths";
import { useFormSubmit } from "../../lib/use-form-submit";
import { useResource } from "../../lib/use-resource";
import { mergeInto } from "../../models/idea";

/** Problems about the target idea belong on its field. */
const TARGET_CODES = new Set([
  "not_found",
  "idea.merge_target_invalid",
  "idea.merge_other_campaign",
  "validation_failed",
]);

type Errors = { target?: string; reason?: string };

/** A refusal about the target goes under its field (a reason refused stays above the form). */
function targetError(refused: ApiProblem): Errors | null {
  if (!TARGET_CODES.has(refused.code) || refused.errors?.some((e) => e.path === "json.reason")) return null;
  const code = refused.errors?.[0]?.code ?? refused.code;
  return { target: code === "idea.merge_self" ? t("ideaDialog.mergeTargetRequired") : problemText(refused.code) };
}

/**
 * Merge this idea (a duplicate) into another: the target by number, helped by a list of similar
 * ideas, and the reason. Closes once the server confirmed.
 */
export function MergeDialog({ idea, onClose }: { idea: IdeaDetail; onClose: () => void }) {
  const [target, setTarget] = useState("");
  const [reason, setReason] = useState("");
  const { busy, errors, problem, fail, submit } = useFormSubmit<Errors>({}, targetError);
  const targetInput = useRef<HTMLInputElement>(null);
  const reasonInput = useRef<HTMLTextAreaElement>(null);

  const [similarRead] = useResource(
    (signal) => listSimilarIdeas(`${idea.title} ${idea.problem}`.slice(0, 2000), idea.id, signal),
    [idea.id],
  );
  const similar: SimilarIdea[] = similarRead.kind === "ready" ? similarRead.value : [];

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    const intoId = idOf(target.trim().replace(/^#/, ""));
    const found = {
      ...(intoId === null ? { target: t("ideaDialog.mergeTargetRequired") } : {}),
      ...(reason.trim() ? {} : { reason: t("ideaDialog.reasonRequired") }),
    };
    if (found.target || found.reason || intoId === null) {
      fail(found);
      (found.target ? targetInput : reasonInput).current?.focus();
      return;
    }
    const outcome = await submit(async () => {
      await mergeInto(idea.id, intoId, reason.trim());
      onClose();
    });
    if (outcome?.kind === "refused") targetInput.current?.focus();
  }

  return (
    <Dialog id="idea-merge" title={t("ideaDialog.mergeTitle")} text={t("ideaDialog.mergeText")} onClose={onClose}>
      <form class="form" noValidate onSubmit={onSubmit}>
        {problem && <ProblemMessage problem={problem} />}
        <Field
          id="merge-target"
          label={t("ideaDialog.mergeTarget")}
          hint={t("ideaDialog.mergeTargetHint")}
          error={errors.target}
        >
          {(control) => (
            <input
              {...control}
              ref={targetInput}
              data-autofocus
              type="text"
              inputMode="numeric"
              autocomplete="off"
              value={target}
              onInput={(event) => setTarget(event.currentTarget.value)}
            />
          )}
        </Field>
        {similar.length > 0 && (
          <fieldset class="merge-suggestions">
            <legend>{t("ideaDialog.mergeSuggestions")}</legend>
            <ul>
              {similar.map((s) => (
                <li key={s.id}>
                  <StatusBadge status={s.status} />
                  <span class="merge-suggestion-title">
                    #{s.id} {s.title}
                  </span>
                  <button type="button" class="link-button" onClick={() => setTarget(String(s.id))}>
                    {t("ideaDialog.mergeChoose", { id: s.id })}
                  </button>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <ReasonField
          id="merge-reason"
          inputRef={reasonInput}
          rows={3}
          value={reason}
          error={errors.reason}
          onInput={setReason}
        />
        <DialogButtons label={t("ideaAction.merge")} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
