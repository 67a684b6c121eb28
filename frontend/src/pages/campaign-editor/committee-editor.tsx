import { useEffect, useState } from "preact/hooks";
import type { Campaign } from "../../api/campaigns";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { getCommittee, saveCommittee, type Candidate, type Committee } from "../../api/reviews";
import { Dialog, DialogButtons } from "../../components/dialog";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { StatusLine } from "../../components/status-line";
import { t } from "../../i18n";
import { problemText } from "../../i18n/problem-text";
import { formatNumber } from "../../lib/format";
import { committeePath } from "../../lib/review-paths";
import { useResource } from "../../lib/use-resource";
import { CommitteeSearch } from "./committee-search";
import { ConflictNotes } from "./conflict-notes";
import { mapFormErrors } from "../../lib/field-errors";

type Role = "chair" | "reviewer";

/** A seat on the committee being edited: what the server said about a member, or a person just found. */
type Seat = {
  userId: number;
  name: string;
  detail: string;
  role: Role;
  /** assignments not submitted yet: they move if the member leaves */
  open: number;
  conflicts: { authored: number; sameUnit: number } | undefined;
};

const seatOf = (m: Committee["members"][number]): Seat => ({
  userId: m.userId,
  name: m.name,
  detail: [m.position, m.unitName].filter(Boolean).join(" · "),
  role: m.role,
  open: m.progress.assigned - m.progress.submitted,
  conflicts: m.conflicts,
});

const seatOfCandidate = (c: Candidate, role: Role): Seat => ({
  userId: c.id,
  name: c.name,
  detail: [c.position, c.unit.name].filter(Boolean).join(" · "),
  role,
  open: 0,
  conflicts: c.conflicts,
});

/** The server's 422 on a member, in the admin's words and with the member's name. */
function fieldProblems(problem: ApiProblem, seats: readonly Seat[]): string[] {
  if (!problem.errors?.length) return [];
  return mapFormErrors(problem, (e) => {
    const index = e.field === "members" ? e.parts[1] : undefined;
    const seat = index === undefined ? undefined : seats[Number(index)];
    const text = problemText(e.code);
    return seat ? `${seat.name}: ${text}` : text;
  }).others;
}

/**
 * The campaign's committee for the agency admin: find people by name or NIP, seat them as chair or
 * reviewer, see their conflicts with the campaign's ideas, take members off, and save the whole
 * committee at once. A member taken off while they still have unsubmitted reviews leaves only
 * once the admin agrees to pass those reviews on to the remaining reviewers.
 */
export function CommitteeEditor({ campaign }: { campaign: Campaign }) {
  const [load, reload] = useResource((signal) => getCommittee(campaign.id, signal), [campaign.id]);
  const [seats, setSeats] = useState<Seat[]>([]);
  const [saved, setSaved] = useState<Seat[]>([]);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [moves, setMoves] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  // the committee as loaded becomes the seats being edited, and what a save is compared with
  useEffect(() => {
    if (load.kind !== "ready") return;
    const current = load.value.members.map(seatOf);
    setSeats(current);
    setSaved(current);
  }, [load]);

  const seatedIds = new Set(seats.map((s) => s.userId));
  const leaving = saved.filter((s) => !seatedIds.has(s.userId));
  const leavingWithWork = leaving.filter((s) => s.open > 0);
  const reviewers = seats.filter((s) => s.role === "reviewer").length;

  const edit = (next: Seat[]) => {
    setStatus(null);
    setMoves([]);
    setProblem(null);
    setSeats(next);
  };
  const add = (candidate: Candidate, role: Role) => {
    const back = saved.find((s) => s.userId === candidate.id);
    edit([...seats, back ? { ...back, role } : seatOfCandidate(candidate, role)]);
  };
  const setRole = (userId: number, role: Role) => edit(seats.map((s) => (s.userId === userId ? { ...s, role } : s)));
  const remove = (userId: number) => edit(seats.filter((s) => s.userId !== userId));
  const undo = (seat: Seat) => edit([...seats, seat]);

  async function save(reassign: boolean) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await saveCommittee(
        campaign.id,
        seats.map((s) => ({ userId: s.userId, role: s.role })),
        reassign,
      );
      const current = result.members.map(seatOf);
      setSeats(current);
      setSaved(current);
      setMoves(
        (result.reassigned ?? []).map((m) =>
          t("committeeEditor.moved", { title: m.idea.name, from: m.from.name, to: m.to.name }),
        ),
      );
      setStatus(t("committeeEditor.saved"));
      setConfirming(false);
    } catch (error) {
      setProblem(toApiProblem(error));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  }

  const onSave = () => (leavingWithWork.length > 0 ? setConfirming(true) : void save(false));

  return (
    <section class="card form-section committee-editor" aria-labelledby="committee-editor-title">
      <h2 id="committee-editor-title">{t("committeeEditor.title")}</h2>
      <p class="field-hint">{t("committeeEditor.lead")}</p>
      <ul class="committee-rules">
        <li>{t("committeeEditor.perIdea", { count: formatNumber(campaign.reviewersPerIdea) })}</li>
        <li>
          {campaign.excludeSameUnitReviewers ? t("committeeEditor.unitRuleOn") : t("committeeEditor.unitRuleOff")}
        </li>
      </ul>
      {load.kind === "loading" && <Loading label={t("committeeEditor.loading")} />}
      {load.kind === "problem" && <ProblemMessage problem={load.problem} onRetry={reload} />}
      {load.kind === "ready" && (
        <>
          {seats.length === 0 ? (
            <p class="muted">{t("committeeEditor.empty")}</p>
          ) : (
            <ul class="member-list" aria-label={t("committeeEditor.membersLabel")}>
              {seats.map((seat) => (
                <li key={seat.userId} class="member">
                  <div class="member-head">
                    <span class="member-name">{seat.name}</span>
                    <span class={`chip chip-small${seat.role === "chair" ? " chip-chair" : ""}`}>
                      {t(`committee.role.${seat.role}`)}
                    </span>
                  </div>
                  <p class="member-unit">{seat.detail}</p>
                  {seat.open > 0 && (
                    <p class="muted">{t("committeeEditor.openWork", { count: formatNumber(seat.open) })}</p>
                  )}
                  <ConflictNotes conflicts={seat.conflicts} excludeSameUnit={campaign.excludeSameUnitReviewers} />
                  <div class="candidate-actions">
                    <button
                      type="button"
                      class="button button-secondary button-small"
                      aria-label={t(
                        seat.role === "chair" ? "committeeEditor.makeReviewerLabel" : "committeeEditor.makeChairLabel",
                        { name: seat.name },
                      )}
                      onClick={() => setRole(seat.userId, seat.role === "chair" ? "reviewer" : "chair")}
                    >
                      {t(seat.role === "chair" ? "committeeEditor.makeReviewer" : "committeeEditor.makeChair")}
                    </button>
                    <button
                      type="button"
                      class="button button-secondary button-small committee-remove"
                      aria-label={t("committeeEditor.removeLabel", { name: seat.name })}
                      onClick={() => remove(seat.userId)}
                    >
                      {t("committeeEditor.remove")}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {!seats.some((s) => s.role === "chair") && seats.length > 0 && (
            <p class="notice notice-warn">{t("committeeEditor.noChair")}</p>
          )}
          {reviewers < campaign.reviewersPerIdea && (
            <p class="notice notice-warn">
              {t("committeeEditor.fewReviewers", {
                count: formatNumber(reviewers),
                needed: formatNumber(campaign.reviewersPerIdea),
              })}
            </p>
          )}
          {leaving.length > 0 && (
            <div class="committee-leaving">
              <h3>{t("committeeEditor.leavingTitle")}</h3>
              <ul class="member-list">
                {leaving.map((seat) => (
                  <li key={seat.userId} class="member">
                    <span class="member-name">{seat.name}</span>
                    <p class="member-unit">
                      {seat.open > 0
                        ? t("committeeEditor.leavingWithWork", { count: formatNumber(seat.open) })
                        : t("committeeEditor.leavingNoWork")}
                    </p>
                    <button
                      type="button"
                      class="button button-secondary button-small"
                      aria-label={t("committeeEditor.undoLabel", { name: seat.name })}
                      onClick={() => undo(seat)}
                    >
                      {t("committeeEditor.undo")}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <CommitteeSearch
            campaignId={campaign.id}
            excludeSameUnit={campaign.excludeSameUnitReviewers}
            seated={seatedIds}
            onAdd={add}
          />
          {problem && (
            <div class="committee-problem">
              <ProblemMessage problem={problem} />
              {fieldProblems(problem, seats).length > 0 && (
                <ul class="conflict-notes">
                  {fieldProblems(problem, seats).map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <div class="button-row">
            <button type="button" class="button" aria-disabled={busy ? "true" : undefined} onClick={onSave}>
              {busy ? t("committeeEditor.saving") : t("committeeEditor.save")}
            </button>
            <a class="button button-secondary" href={committeePath(campaign.id)}>
              {t("committeeEditor.toBoard")}
            </a>
          </div>
          <StatusLine text={status} />
          {moves.length > 0 && (
            <div class="committee-moves">
              <p>{t("committeeEditor.movedTitle", { count: formatNumber(moves.length) })}</p>
              <ul>
                {moves.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </div>
          )}
          {confirming && (
            <Dialog
              id="committee-reassign"
              title={t("committeeEditor.reassignTitle")}
              text={t("committeeEditor.reassignText", {
                names: leavingWithWork.map((s) => s.name).join(", "),
                count: formatNumber(leavingWithWork.reduce((n, s) => n + s.open, 0)),
              })}
              onClose={() => setConfirming(false)}
            >
              <DialogButtons
                label={t("committeeEditor.reassignConfirm")}
                busy={busy}
                onConfirm={() => void save(true)}
                onCancel={() => setConfirming(false)}
              />
            </Dialog>
          )}
        </>
      )}
    </section>
  );
}
