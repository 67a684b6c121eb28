import { competitionPath } from "../../lib/competition-paths";
import { useRoute } from "preact-iso";
import { getCampaign } from "../../api/campaigns";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { CAMPAIGNS_PATH, campaignPath, idOf } from "../../lib/idea-paths";
import { usePageTitle } from "../../lib/use-page-title";
import { useResource } from "../../lib/use-resource";
import NotFoundPage from "../not-found/index";
import { CampaignEditorForm } from "./campaign-editor-form";
import { CommitteeEditor } from "./committee-editor";
import "../../styles/ideas.css";
import "../../styles/reviews.css";
import "../../styles/committee-editor.css";

function EditExisting({ id }: { id: number }) {
  const [state, reload, set] = useResource((signal) => getCampaign(id, signal), [id]);
  if (state.kind === "loading") return <Loading label={t("campaign.loading")} />;
  if (state.kind === "problem") {
    if (state.problem.status === 404) return <NotFoundPage />;
    return <ProblemMessage problem={state.problem} onRetry={reload} />;
  }
  return (
    <>
      <p class="back-link">
        <a href={campaignPath(id)}>← {state.value.title}</a>
      </p>
      <h1>{t("editor.editTitle")}</h1>
      <CampaignEditorForm key={id} campaign={state.value} onSaved={set} />
      <CommitteeEditor campaign={state.value} />
      {state.value.kind === "competition" && (
        <p class="card-note">
          <a class="link-alone" href={competitionPath(id)}>
            {t("competitions.link")}
          </a>
        </p>
      )}
    </>
  );
}

/** `/admin/kampanye/baru` and `/admin/kampanye/:id`: the campaign editor, for agency admins. */
export default function CampaignEditorPage() {
  const { params } = useRoute();
  const isNew = params.id === undefined;
  const id = isNew ? null : idOf(params.id);
  usePageTitle(isNew ? "editor.newTitle" : "editor.editTitle");
  if (!isNew && id === null) return <NotFoundPage />;
  return (
    <div class="campaign-editor-page">
      <RequireSignIn>
        {(user) =>
          !user.can.manageCampaigns ? (
            <div class="notice">
              <p>{t("editor.forbidden")}</p>
              <a href={CAMPAIGNS_PATH}>{t("campaign.back")}</a>
            </div>
          ) : id === null ? (
            <>
              <p class="back-link">
                <a href={CAMPAIGNS_PATH}>← {t("campaign.back")}</a>
              </p>
              <h1>{t("editor.newTitle")}</h1>
              <p class="lead">{t("editor.lead")}</p>
              <CampaignEditorForm campaign={null} onSaved={() => undefined} />
            </>
          ) : (
            <EditExisting id={id} />
          )
        }
      </RequireSignIn>
    </div>
  );
}
