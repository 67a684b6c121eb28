import { useRoute } from "preact-iso";
import { getCampaign, type Campaign } from "../../api/campaigns";
import { myVotes } from "../../api/discussion";
import { Loading } from "../../components/loading";
import { phaseNowText, PhaseTimeline } from "../../components/phase-timeline";
import { ProblemMessage } from "../../components/problem-message";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { CAMPAIGNS_PATH, campaignIdeasPath, editCampaignPath, idOf, newIdeaPath } from "../../lib/idea-paths";
import { committeePath } from "../../lib/review-paths";
import { useResource } from "../../lib/use-resource";
import { useTextTitle } from "../../lib/use-text-title";
import { currentUser } from "../../models/session";
import NotFoundPage from "../not-found/index";
import { Rubric } from "./rubric";
import "../../styles/ideas.css";

const DATE_FIELDS = [
  "submissionStart",
  "submissionEnd",
  "votingStart",
  "votingEnd",
  "reviewStart",
  "reviewEnd",
  "announcementAt",
] as const;

function Schedule({ campaign }: { campaign: Campaign }) {
  return (
    <section class="card" aria-labelledby="campaign-schedule-title">
      <h2 id="campaign-schedule-title">{t("campaign.schedule")}</h2>
      <p class={`phase-now phase-now-${campaign.phase}`}>{phaseNowText(campaign)}</p>
      <PhaseTimeline campaign={campaign} />
      <dl class="details">
        {DATE_FIELDS.map((field) => {
          const value = campaign[field];
          return (
            <div key={field}>
              <dt>{t(`date.${field}`)}</dt>
              <dd>{value ? <time dateTime={value}>{formatDateTime(value)}</time> : t("date.unset")}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

function Settings({ campaign }: { campaign: Campaign }) {
  const rows: [string, string][] = [
    [t("campaign.voteBudget"), String(campaign.voteBudget)],
    [t("campaign.reviewersPerIdea"), String(campaign.reviewersPerIdea)],
    [t("campaign.blindReview"), campaign.blindReview ? t("campaign.blindReviewOn") : t("campaign.blindReviewOff")],
    [t("campaign.hideVotes"), campaign.hideVotesUntilClosed ? t("campaign.hideVotesOn") : t("campaign.hideVotesOff")],
    [t("campaign.passingGrade"), String(campaign.passingGrade)],
    [t("campaign.categories"), campaign.categories.join(", ") || t("campaign.noCategories")],
  ];
  return (
    <section class="card" aria-labelledby="campaign-settings-title">
      <h2 id="campaign-settings-title">{t("campaign.settings")}</h2>
      <dl class="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** While voting is open: how many ideas I support here and how much of my support is left. */
function MyVotes({ campaign }: { campaign: Campaign }) {
  const [state] = useResource((signal) => myVotes(campaign.id, signal), [campaign.id]);
  let text: string;
  if (state.kind === "loading") text = t("campaign.myVotesLoading");
  else if (state.kind === "problem") text = t("campaign.myVotesFailed");
  else if (state.value.used === 0) text = t("campaign.myVotesNone", { budget: state.value.budget });
  else text = t("campaign.myVotesUsed", state.value);
  return (
    <section class="card" aria-labelledby="campaign-my-votes-title">
      <h2 id="campaign-my-votes-title">{t("campaign.myVotes")}</h2>
      <p role={state.kind === "loading" ? undefined : "status"}>{text}</p>
    </section>
  );
}

function CampaignView({ campaign }: { campaign: Campaign }) {
  useTextTitle(campaign.title);
  const admin = currentUser.value?.can.manageCampaigns === true;
  return (
    <article class="campaign-page">
      <p class="back-link">
        <a href={CAMPAIGNS_PATH}>← {t("campaign.back")}</a>
      </p>
      <header class="page-head">
        <div>
          <p class="eyebrow">{campaign.kind === "open" ? t("campaigns.open") : t("campaigns.competition")}</p>
          <h1>{campaign.title}</h1>
          {campaign.description && <p class="lead prewrap">{campaign.description}</p>}
          {campaign.myCommitteeRole && <p class="notice">{t(`campaign.committeeRole.${campaign.myCommitteeRole}`)}</p>}
        </div>
      </header>
      <div class="button-row campaign-links">
        <a class="button" href={campaignIdeasPath(campaign.id)}>
          {t("campaign.ideas")}
        </a>
        {campaign.submissionOpen && (
          <a class="button button-secondary" href={newIdeaPath({ campaignId: campaign.id })}>
            {t("campaign.submitIdea")}
          </a>
        )}
        {admin && (
          <a class="button button-secondary" href={editCampaignPath(campaign.id)}>
            {t("campaign.edit")}
          </a>
        )}
        {(admin || campaign.myCommitteeRole === "chair") && (
          <a class="button button-secondary" href={committeePath(campaign.id)}>
            {t("committee.link")}
          </a>
        )}
      </div>
      {campaign.votingOpen && <MyVotes campaign={campaign} />}
      <div class="campaign-grid">
        {campaign.kind === "open" ? (
          <p class="notice">{t("campaigns.alwaysOpen")}</p>
        ) : (
          <Schedule campaign={campaign} />
        )}
        <Settings campaign={campaign} />
      </div>
      {campaign.criteria.length > 0 && (
        <section class="card" aria-labelledby="campaign-rubric-title">
          <h2 id="campaign-rubric-title">{t("campaign.rubric")}</h2>
          <p class="card-lead">{t("campaign.rubricLead")}</p>
          <Rubric criteria={campaign.criteria} />
        </section>
      )}
    </article>
  );
}

function CampaignLoader({ id }: { id: number }) {
  const [state, reload] = useResource((signal) => getCampaign(id, signal), [id]);
  if (state.kind === "loading") return <Loading label={t("campaign.loading")} />;
  if (state.kind === "problem") {
    if (state.problem.status === 404) return <NotFoundPage />;
    return <ProblemMessage problem={state.problem} onRetry={reload} />;
  }
  return <CampaignView campaign={state.value} />;
}

/** `/kampanye/:id`: a campaign's description, schedule, rules and rubric, and a way to its ideas. */
export default function CampaignPage() {
  const { params } = useRoute();
  const id = idOf(params.id);
  if (id === null) return <NotFoundPage />;
  return <RequireSignIn>{() => <CampaignLoader id={id} />}</RequireSignIn>;
}
