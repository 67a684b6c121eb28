import { useState } from "preact/hooks";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { assignReviewer, withdrawAssignment, type Assignment, type RankedIdea } from "../../api/reviews";
import { DueDate } from "../../components/due-date";
import { ProblemMessage } from "../../components/problem-message";
import { ReviewStateBadge } from "../../components/review-state-badge";
import { StatusBadge } from "../../components/status-badge";
import { t } from "../../i18n";
import { focusIfLost } from "../../lib/focus-if-lost";
import { ideaPath } from "../../lib/idea-paths";
import { assignmentPath } from "../../lib/review-paths";
import { defaultDueAt, UNDER_REVIEW, type Board } from "./board-state";
import { ConfirmDialog } from "./confirm-dialog";

type IdeaRow = { idea: RankedIdea["idea"]; assignments: Assignment[] };

function AddReviewer({ row, board, onChanged }: { row: IdeaRow; board: Board; onChanged: () => Promise<void> }) {
  const assigned = new Set(row.assignments.map((a) => a.reviewer.id));
  const candidates = board.committee.members.filter((m) => m.active && !assigned.has(m.userId));
  const [reviewerId, setReviewerId] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const selectId = `add-reviewer-${row.idea.id}`;
  if (candidates.length === 0) return <p class="muted assign-none">{t("committee.noCandidates")}</p>;

  async function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (busy || !reviewerId) return;
    setBusy(true);
    setProblem(null);
    try {
      await assignReviewer(row.idea.id, Number(reviewerId), defaultDueAt(row.assignments, board.campaign.reviewEnd));
      setReviewerId("");
      await onChanged();
      focusIfLost(`assign-idea-${row.idea.id}`);
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="assign-form" noValidate onSubmit={onSubmit}>
      <div class="field">
        <label for={selectId}>{t("committee.addReviewer")}</label>
        <select id={selectId} value={reviewerId} onChange={(e) => setReviewerId(e.currentTarget.value)}>
          <option value="">{t("committee.chooseReviewer")}</option>
          {candidates.map((m) => (
            <option key={m.userId} value={String(m.userId)}>
              {m.name} — {t(`committee.role.${m.role}`)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        class="button button-secondary"
        aria-disabled={busy || !reviewerId ? "true" : undefined}
        aria-describedby={`assign-idea-${row.idea.id}`}
      >
        {busy ? t("idea.working") : t("committee.assign")}
      </button>
      {problem && <ProblemMessage problem={problem} />}
    </form>
  );
}

function IdeaAssignments({ row, board, onChanged }: { row: IdeaRow; board: Board; onChanged: () => Promise<void> }) {
  const [withdrawing, setWithdrawing] = useState<Assignment | null>(null);
  return (
    <li class="assign-idea">
      <div class="assign-idea-head">
        <h3 id={`assign-idea-${row.idea.id}`} tabIndex={-1}>
          <a href={ideaPath(row.idea.id)}>{row.idea.title}</a>
        </h3>
        <StatusBadge status={row.idea.status} />
      </div>
      {row.assignments.length === 0 ? (
        <p class="muted">{t("committee.noAssignmentsForIdea")}</p>
      ) : (
        <ul class="assign-list">
          {row.assignments.map((a) => (
            <li key={a.id} class="assign-row">
              <span class="assign-name">{a.reviewer.name}</span>
              <ReviewStateBadge state={a.state} />
              <DueDate dueAt={a.dueAt} overdue={Date.parse(a.dueAt) < Date.now()} done={a.state === "submitted"} />
              <span class="assign-actions">
                <a
                  href={assignmentPath(a.id)}
                  aria-label={t("committee.openReviewLabel", { name: a.reviewer.name, title: row.idea.title })}
                >
                  {t("committee.openReview")}
                </a>
                {a.state !== "submitted" && (
                  <button
                    type="button"
                    class="link-button link-danger"
                    aria-label={t("committee.withdrawLabel", { name: a.reviewer.name, title: row.idea.title })}
                    onClick={() => setWithdrawing(a)}
                  >
                    {t("committee.withdraw")}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <AddReviewer row={row} board={board} onChanged={onChanged} />
      {withdrawing && (
        <ConfirmDialog
          id="withdraw-assignment"
          title={t("committee.withdrawTitle")}
          text={t("committee.withdrawText", { name: withdrawing.reviewer.name, title: row.idea.title })}
          confirmLabel={t("committee.withdraw")}
          danger
          onConfirm={async () => {
            await withdrawAssignment(withdrawing.id);
            await onChanged();
          }}
          onClose={() => {
            setWithdrawing(null);
            focusIfLost(`assign-idea-${row.idea.id}`);
          }}
        />
      )}
    </li>
  );
}

/** Each idea under review with its reviewers: add one by hand, withdraw one who has not submitted. */
export function AssignmentsPanel({ board, onChanged }: { board: Board; onChanged: () => Promise<void> }) {
  const rows: IdeaRow[] = board.ranking.items
    .filter((item) => UNDER_REVIEW.has(item.idea.status))
    .map((item) => ({ idea: item.idea, assignments: board.assignments.filter((a) => a.ideaId === item.idea.id) }));
  return (
    <section class="card" aria-labelledby="assignments-title">
      <h2 id="assignments-title">{t("committee.assignmentsTitle")}</h2>
      <p class="card-lead">{t("committee.assignmentsLead")}</p>
      {rows.length === 0 ? (
        <p class="muted">{t("committee.noIdeasInReview")}</p>
      ) : (
        <ul class="assign-ideas">
          {rows.map((row) => (
            <IdeaAssignments key={row.idea.id} row={row} board={board} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}
