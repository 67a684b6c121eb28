import { useEffect, useRef } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { IdeaDetail } from "../../api/ideas";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { IDEAS_PATH, idOf, ideaPath } from "../../lib/idea-paths";
import { useTextTitle } from "../../lib/use-text-title";
import { ideaNotice, ideaState, loadIdea } from "../../models/idea";
import NotFoundPage from "../not-found/index";
import { DossierLink } from "./dossier-link";
import { IdeaActions } from "./idea-actions";
import { ImplementationSection } from "./implementation-section";
import { InnovationProfileSection } from "./innovation-profile-section";
import { IdeaProblemsSection } from "./idea-problems";
import { IdeaHeader } from "./idea-header";
import { IdeaHistory } from "./idea-history";
import { HiddenNotice, IdeaModeration } from "./idea-moderation";
import { IdeaAttachments, IdeaDetails, IdeaTeam } from "./idea-sidebar";
import "../../styles/ideas.css";
import "../../styles/implementation.css";
import "../../styles/innovation.css";
import { IdeaDiscussion } from "./idea-discussion";
import { TeamTools } from "./team-tools";
import { VoteBox } from "./vote-box";
import { IdeaVoteSources } from "./vote-sources";
import { SavedCopyNotice } from "../../components/saved-copy-notice";
import { savedAtOf } from "../../models/offline-copies";
import { VoteBurst } from "./vote-burst";

const SECTIONS = [
  ["problem", "idea.problem"],
  ["solution", "idea.solution"],
  ["benefit", "idea.benefit"],
] as const;

/** Why the idea stopped: the chair's reason for a rejection, the author's for a withdrawal, the merge's. */
function DecisionReason({ idea }: { idea: IdeaDetail }) {
  const label =
    idea.status === "rejected"
      ? t("idea.decisionRejected")
      : idea.status === "withdrawn"
        ? t("idea.decisionWithdrawn")
        : idea.status === "merged"
          ? t("idea.decisionMerged")
          : null;
  if (!label) return null;
  const action = idea.status === "rejected" ? "reject" : idea.status === "withdrawn" ? "withdraw" : "merge";
  const reason = idea.decisionReason ?? idea.events.findLast((e) => e.action === action)?.reason ?? null;
  return (
    <section class={`decision decision-${idea.status}`} aria-labelledby="idea-decision-title">
      {idea.status === "merged" && idea.mergedIntoId !== null && (
        <p>
          {t("idea.mergedInto")}{" "}
          <a href={ideaPath(idea.mergedIntoId)}>{t("idea.mergedIntoLink", { id: idea.mergedIntoId })}</a>
        </p>
      )}
      <h2 id="idea-decision-title">{label}</h2>
      {reason && <p class="prewrap">{reason}</p>}
    </section>
  );
}

/** Confirms what the person just did on this idea, once; it takes focus so it is heard. */
function Notice({ idea }: { idea: IdeaDetail }) {
  const notice = ideaNotice.value;
  const ref = useRef<HTMLParagraphElement>(null);
  const shown = notice?.ideaId === idea.id ? notice : null;
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  useEffect(() => () => void (ideaNotice.value = null), []);
  if (!shown) return null;
  return (
    <p class="notice notice-ok" role="status" tabIndex={-1} ref={ref}>
      {shown.kind === "submitted"
        ? t("idea.submitted")
        : t("idea.actionDone", { status: t(`ideaStatus.${idea.status}`) })}
    </p>
  );
}

/**
 * The idea: what it says on the left (problem, solution, benefit, then its history), and beside it
 * what one can do with it and who is behind it. The columns stack on phones, actions first.
 */
function IdeaView({ idea }: { idea: IdeaDetail }) {
  useTextTitle(idea.title);
  // offline: the copy kept on this device when the idea was last opened
  const savedAt = savedAtOf(idea);
  return (
    <article class="idea-page">
      <p class="back-link">
        <a href={IDEAS_PATH}>← {t("idea.back")}</a>
      </p>
      {savedAt && <SavedCopyNotice savedAt={savedAt} onRefresh={() => void loadIdea(idea.id, true)} />}
      <IdeaHeader idea={idea} />
      <Notice idea={idea} />
      <div class="idea-layout">
        <div class="idea-aside-top">
          <VoteBox idea={idea} />
          <IdeaActions idea={idea} />
          <DossierLink idea={idea} />
        </div>
        <div class="idea-main">
          <HiddenNotice idea={idea} />
          <DecisionReason idea={idea} />
          <VoteBurst idea={idea} />
          {SECTIONS.map(([field, label]) => (
            <section key={field} class="idea-section" aria-labelledby={`idea-${field}-title`}>
              <h2 id={`idea-${field}-title`}>{t(label)}</h2>
              {idea[field] ? <p class="prewrap">{idea[field]}</p> : <p class="muted">{t("idea.empty")}</p>}
            </section>
          ))}
          <IdeaProblemsSection idea={idea} />
          <ImplementationSection idea={idea} />
          <InnovationProfileSection idea={idea} />
          <IdeaHistory idea={idea} />
          <IdeaDiscussion idea={idea} />
        </div>
        <aside class="idea-aside" aria-label={t("idea.details")}>
          <IdeaDetails idea={idea} />
          <IdeaTeam idea={idea} />
          <IdeaAttachments idea={idea} />
          <IdeaVoteSources idea={idea} />
          <TeamTools idea={idea} />
          <IdeaModeration idea={idea} />
        </aside>
      </div>
    </article>
  );
}

function IdeaLoader({ id }: { id: number }) {
  useEffect(() => {
    void loadIdea(id);
  }, [id]);
  const state = ideaState.value;
  if (state?.kind === "ready" && state.idea.id === id) return <IdeaView idea={state.idea} />;
  if (state?.kind === "problem" && state.id === id) {
    if (state.problem.status === 404) return <NotFoundPage />;
    return <ProblemMessage problem={state.problem} onRetry={() => void loadIdea(id, true)} />;
  }
  return <Loading label={t("idea.loading")} />;
}

/** `/ide/:id`: one idea with its history, team, attachments and the steps the viewer may take. */
export default function IdeaPage() {
  const { params } = useRoute();
  const id = idOf(params.id);
  if (id === null) return <NotFoundPage />;
  return <RequireSignIn>{() => <IdeaLoader id={id} />}</RequireSignIn>;
}
