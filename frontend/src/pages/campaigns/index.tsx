import { useEffect } from "preact/hooks";
import type { CampaignSummary } from "../../api/campaigns";
import { Loading } from "../../components/loading";
import { phaseNowText, PhaseTimeline } from "../../components/phase-timeline";
import { ProblemMessage } from "../../components/problem-message";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { campaignPath, editCampaignPath, NEW_CAMPAIGN_PATH } from "../../lib/idea-paths";
import { usePageTitle } from "../../lib/use-page-title";
import { campaignsState, loadCampaigns } from "../../models/campaigns";
import { currentUser } from "../../models/session";
import "../../styles/ideas.css";

const isAdmin = () => currentUser.value?.can.manageCampaigns === true;

/** A campaign: kind, title (the link), where it stands now, and its phases as a picture. */
function CampaignCard({ campaign }: { campaign: CampaignSummary }) {
  const titleId = `campaign-${campaign.id}-title`;
  return (
    <li class="card campaign-card" aria-labelledby={titleId}>
      <p class="eyebrow">{campaign.kind === "open" ? t("campaigns.open") : t("campaigns.competition")}</p>
      <h2 id={titleId}>
        <a href={campaignPath(campaign.id)}>{campaign.title}</a>
      </h2>
      {campaign.kind === "open" ? (
        <p class="phase-now phase-now-open">{t("campaigns.alwaysOpen")}</p>
      ) : (
        <>
          <p class={`phase-now phase-now-${campaign.phase}`}>{phaseNowText(campaign)}</p>
          <PhaseTimeline campaign={campaign} />
        </>
      )}
      {isAdmin() && (
        <p class="card-actions">
          <a href={editCampaignPath(campaign.id)} aria-label={t("campaigns.editLabel", { title: campaign.title })}>
            {t("campaigns.edit")}
          </a>
        </p>
      )}
    </li>
  );
}

function CampaignsView() {
  useEffect(() => {
    void loadCampaigns(true);
  }, []);
  const state = campaignsState.value;
  return (
    <div class="campaigns-page">
      <div class="page-head">
        <div>
          <h1>{t("campaigns.title")}</h1>
          <p class="lead">{t("campaigns.lead")}</p>
        </div>
        {isAdmin() && (
          <a class="button" href={NEW_CAMPAIGN_PATH}>
            {t("campaigns.create")}
          </a>
        )}
      </div>
      {state.kind === "loading" && <Loading label={t("campaigns.loading")} />}
      {state.kind === "problem" && <ProblemMessage problem={state.problem} onRetry={() => void loadCampaigns(true)} />}
      {state.kind === "ready" && state.items.length === 0 && <p class="empty-state">{t("campaigns.empty")}</p>}
      {state.kind === "ready" && state.items.length > 0 && (
        <ul class="campaign-cards">
          {state.items.map((campaign) => (
            <CampaignCard key={campaign.id} campaign={campaign} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** `/kampanye`: the agency's campaigns with the phase each is in. Signed-in only. */
export default function CampaignsPage() {
  usePageTitle("campaigns.title");
  return <RequireSignIn>{() => <CampaignsView />}</RequireSignIn>;
}
