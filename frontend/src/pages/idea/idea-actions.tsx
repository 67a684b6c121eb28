import { useState } from "preact/hooks";
import type { IdeaAction, IdeaDetail } from "../../api/ideas";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { editIdeaPath } from "../../lib/idea-paths";
import { takeAction } from "../../models/idea";
import { ConfirmDialog } from "../committee/confirm-dialog";
import { ImplementDialog } from "./implement-dialog";
import { MergeDialog } from "./merge-dialog";
import { IdeaReasonDialog, type ReasonAction } from "./reason-dialog";
import { StepConsequence } from "./step-consequence";

type Confirmed = "shortlist" | "approve";
type DialogAction = ReasonAction | Confirmed | "merge" | "implement";
type DirectAction = Exclude<IdeaAction, DialogAction>;
/** Steps that open a dialog first: a reason, a confirmation of what follows, or the implementation report. */
const IN_DIALOG = new Set<IdeaAction>(["withdraw", "reject", "merge", "shortlist", "approve", "implement"]);
const QUIET = new Set<IdeaAction>(["withdraw", "merge"]);

const buttonClass = (action: IdeaAction) =>
  action === "reject" ? "button button-danger" : QUIET.has(action) ? "button button-secondary" : "button";

/** A refusal in words; a submit of an incomplete idea points to the form. */
function ActionProblem({ problem, idea }: { problem: ApiProblem; idea: IdeaDetail }) {
  if (problem.errors?.some((e) => e.code === "idea.incomplete")) {
    return (
      <div class="problem" role="alert">
        <p>{t("idea.incompleteOnSubmit")}</p>
        <a href={editIdeaPath(idea.id)}>{t("idea.openForm")}</a>
      </div>
    );
  }
  return <ProblemMessage problem={problem} />;
}

/**
 * The workflow steps the viewer may take now (`viewer.availableActions`), plus "Ubah draf" for
 * the authors of a draft. A "no" (withdraw, reject, merge) asks for its reason in a dialog; a
 * shortlist or an approval says first what will follow (points, who is told); "implemented" asks
 * for the implementation report.
 */
export function IdeaActions({ idea }: { idea: IdeaDetail }) {
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const [busy, setBusy] = useState<IdeaAction | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const actions = idea.viewer.availableActions;
  const canEdit = idea.status === "draft" && idea.viewer.isAuthor;
  if (actions.length === 0 && !canEdit) return null;

  async function direct(action: DirectAction) {
    if (busy) return;
    setBusy(action);
    setProblem(null);
    try {
      await takeAction(idea.id, action);
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(null);
    }
  }

  const onClick = (action: IdeaAction) => {
    setProblem(null);
    if (IN_DIALOG.has(action)) setDialog(action as DialogAction);
    else void direct(action as DirectAction);
  };

  return (
    <section class="card idea-side-card idea-actions" aria-labelledby="idea-actions-title">
      <h2 id="idea-actions-title">{t("idea.actions")}</h2>
      {idea.status === "draft" && <p class="card-lead">{t("idea.draftNote")}</p>}
      {problem && <ActionProblem problem={problem} idea={idea} />}
      <div class="button-stack">
        {canEdit && (
          <a class="button" href={editIdeaPath(idea.id)}>
            {t("idea.edit")}
          </a>
        )}
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            class={buttonClass(action)}
            aria-disabled={busy ? "true" : undefined}
            onClick={() => onClick(action)}
          >
            {busy === action ? t("idea.working") : t(`ideaAction.${action}`)}
          </button>
        ))}
      </div>
      {(dialog === "withdraw" || dialog === "reject") && (
        <IdeaReasonDialog action={dialog} idea={idea} onClose={() => setDialog(null)} />
      )}
      {dialog === "merge" && <MergeDialog idea={idea} onClose={() => setDialog(null)} />}
      {dialog === "implement" && <ImplementDialog idea={idea} onClose={() => setDialog(null)} />}
      {(dialog === "shortlist" || dialog === "approve") && (
        <ConfirmDialog
          id={`idea-confirm-${dialog}`}
          title={t(dialog === "shortlist" ? "confirm.shortlistTitle" : "confirm.approveTitle")}
          text={t("confirm.move", {
            from: t(`ideaStatus.${idea.status}`),
            to: t(dialog === "shortlist" ? "ideaStatus.shortlisted" : "ideaStatus.approved"),
          })}
          confirmLabel={t(`ideaAction.${dialog}`)}
          onConfirm={async () => {
            await takeAction(idea.id, dialog);
          }}
          onClose={() => setDialog(null)}
        >
          <StepConsequence
            team={idea.team.filter((m) => m.accepted).length}
            step={dialog}
            id={`idea-confirm-${dialog}-consequence`}
          />
        </ConfirmDialog>
      )}
    </section>
  );
}
