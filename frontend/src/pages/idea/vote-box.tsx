import { useState } from "preact/hooks";
import { follow, unvote, vote } from "../../api/discussion";
import type { IdeaDetail } from "../../api/ideas";
import { ApiProblem, NETWORK_UNREACHABLE } from "../../api/problem";
import { t } from "../../i18n";
import { problemText } from "../../i18n/problem-text";
import { patchIdea } from "../../models/idea";
import { VOTABLE_STATUSES } from "../../api/contract";

const VOTABLE = new Set<string>(VOTABLE_STATUSES);

/**
 * Support for an idea: the count (or that it is hidden), the person's vote and what they have left.
 * The numbers change only after the server confirmed; a refusal is said in the person's language.
 */
export function VoteBox({ idea }: { idea: IdeaDetail }) {
  // one source of truth: the idea the page shows (models/idea.ts), so the header agrees with this box
  const state = {
    voted: idea.viewer.myVote,
    voteCount: idea.voteCount,
    remaining: idea.viewer.remainingBudget,
    following: idea.viewer.following,
  };
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const open = idea.campaign.votingOpen && VOTABLE.has(idea.status);

  const toggle = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const next = state.voted ? await unvote(idea.id) : await vote(idea.id);
      patchIdea(idea.id, (shown) => ({
        ...shown,
        voteCount: next.voteCount,
        viewer: {
          ...shown.viewer,
          myVote: next.voted,
          remainingBudget: next.remainingBudget,
          following: shown.viewer.following || next.voted,
        },
      }));
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      // offline nothing changed: say plainly that the vote was not sent
      setMessage(error.code === NETWORK_UNREACHABLE ? t("offline.voteNotSent") : problemText(error.code));
    } finally {
      setBusy(false);
    }
  };
  const toggleFollow = async () => {
    try {
      const next = await follow(idea.id, !state.following);
      patchIdea(idea.id, (shown) => ({ ...shown, viewer: { ...shown.viewer, following: next.following } }));
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setMessage(error.code === NETWORK_UNREACHABLE ? t("offline.followNotSent") : problemText(error.code));
    }
  };

  return (
    <section class="card vote-box" aria-labelledby="vote-title">
      <h2 id="vote-title">{t("vote.title")}</h2>
      <p class="vote-count" aria-live="polite">
        {state.voteCount === null ? t("vote.hidden") : t("vote.count", { count: state.voteCount })}
      </p>
      {idea.viewer.isAuthor ? (
        <p class="muted">{t("vote.own")}</p>
      ) : open ? (
        <>
          <button
            class="button button-block"
            type="button"
            aria-pressed={state.voted}
            disabled={busy}
            onClick={() => void toggle()}
          >
            {busy ? t("vote.working") : state.voted ? t("vote.retract") : t("vote.support")}
          </button>
          {state.voted && <p class="muted">{t("vote.supported")}</p>}
          <p class="muted">{t("vote.remaining", { count: state.remaining })}</p>
        </>
      ) : (
        <p class="muted">{t("vote.closed")}</p>
      )}
      {message && (
        <p class="field-error" role="alert">
          {message}
        </p>
      )}
      <button class="link-button" type="button" aria-pressed={state.following} onClick={() => void toggleFollow()}>
        {state.following ? t("vote.unfollow") : t("vote.follow")}
      </button>
      {state.following && <p class="muted">{t("vote.following")}</p>}
    </section>
  );
}
