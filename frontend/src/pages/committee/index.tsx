import { useRoute } from "preact-iso";
import type { Me } from "../../api/auth";
import { Loading } from "../../components/loading";
import { phaseNowText } from "../../components/phase-timeline";
import { ProblemMessage } from "../../components/problem-message";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { dashboardPath } from "../../lib/dashboard-paths";
import { campaignPath, idOf } from "../../lib/idea-paths";
import { REVIEWS_PATH } from "../../lib/review-paths";
import { useTextTitle } from "../../lib/use-text-title";
import NotFoundPage from "../not-found/index";
import { AssignmentsPanel } from "./assignments-panel";
import { useBoard, type Board } from "./board-state";
import { CommitteeMembers } from "./committee-members";
import { RankingTable } from "./ranking-table";
import { StartReviewForm } from "./start-review-form";
import "../../styles/ideas.css";
import "../../styles/reviews.css";
import "../../styles/burst.css";

function BoardView({ board, user, controls }: { board: Board; user: Me; controls: ReturnType<typeof useBoard> }) {
  const { campaign } = board;
  useTextTitle(t("committee.pageTitle", { title: campaign.title }));
  const isChair = campaign.myCommitteeRole === "chair";
  const reload = () => controls.reload();
  return (
    <div class="committee-page">
      <p class="back-link">
        <a href={campaignPath(campaign.id)}>← {campaign.title}</a>
      </p>
      <header class="page-head">
        <div>
          <p class="eyebrow">{t("committee.eyebrow")}</p>
          <h1>{campaign.title}</h1>
          <p class="lead">{phaseNowText(campaign)}</p>
        </div>
        {user.can.readStats && (
          <a class="button button-secondary" href={dashboardPath(campaign.id)}>
            {t("committee.dashboard")}
          </a>
        )}
      </header>
      <div class="committee-grid">
        <CommitteeMembers committee={board.committee} />
        <StartReviewForm campaignId={campaign.id} reviewEnd={campaign.reviewEnd} onStarted={() => void reload()} />
      </div>
      <RankingTable
        ranking={board.ranking}
        normalised={controls.normalised}
        canDecide={isChair}
        onNormalised={controls.setNormalised}
        onDecided={reload}
      />
      <AssignmentsPanel board={board} onChanged={reload} />
    </div>
  );
}

function BoardLoader({ id, user }: { id: number; user: Me }) {
  const controls = useBoard(id);
  const { state } = controls;
  if (state.kind === "loading") return <Loading label={t("committee.loading")} />;
  if (state.kind === "problem") {
    if (state.problem.status === 404) return <NotFoundPage />;
    if (state.problem.status === 403) {
      return (
        <div class="notice">
          <p>{t("committee.forbidden")}</p>
          <a href={REVIEWS_PATH}>{t("committee.toQueue")}</a>
        </div>
      );
    }
    return <ProblemMessage problem={state.problem} onRetry={controls.retry} />;
  }
  return <BoardView board={state.value} user={user} controls={controls} />;
}

/** `/kampanye/:id/komite`: the chair's board: committee progress, opening review, ranking and decisions, assignments. */
export default function CommitteePage() {
  const { params } = useRoute();
  const id = idOf(params.id);
  if (id === null) return <NotFoundPage />;
  return <RequireSignIn>{(user) => <BoardLoader id={id} user={user} />}</RequireSignIn>;
}
