import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { Me } from "../../api/auth";
import { awardsCsvPath, ideasCsvPath, ledgerCsvPath, votesCsvPath } from "../../api/exports";
import { getDashboard, type Dashboard } from "../../api/stats";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { RequireSignIn } from "../../components/require-sign-in";
import { locale, t } from "../../i18n";
import { dashboardPath } from "../../lib/dashboard-paths";
import { formatNumber } from "../../lib/format";
import { idOf } from "../../lib/idea-paths";
import { usePageTitle } from "../../lib/use-page-title";
import { useResource } from "../../lib/use-resource";
import { campaignsState, loadCampaigns } from "../../models/campaigns";
import { ComplaintsAnswered } from "./complaints-answered";
import { CountBars, FunnelChart, MonthsChart, ParticipationChart, TopReplicated } from "./dashboard-charts";
import "../../styles/ideas.css";
import "../../styles/dashboard.css";

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div class="card stat">
      <dt>{label}</dt>
      <dd>
        <span class="stat-value">{value}</span>
        {note && <span class="stat-note">{note}</span>}
      </dd>
    </div>
  );
}

function Stats({ data }: { data: Dashboard }) {
  const p = data.participation;
  const share = p.asnTotal > 0 ? p.any / p.asnTotal : 0;
  const percent = new Intl.NumberFormat(locale.value === "en" ? "en-GB" : "id-ID", {
    style: "percent",
    maximumFractionDigits: 0,
  });
  return (
    <dl class="stats">
      <Stat label={t("dashboard.asnTotal")} value={formatNumber(p.asnTotal)} />
      <Stat
        label={t("dashboard.participation")}
        value={percent.format(share)}
        note={t("dashboard.participationNote", { any: formatNumber(p.any), asn: formatNumber(p.asnTotal) })}
      />
      <Stat label={t("dashboard.submitted")} value={formatNumber(data.funnel.submitted)} />
      <Stat
        label={t("dashboard.daysToDecision")}
        value={
          data.averageDaysToDecision === null
            ? "—"
            : t("dashboard.days", { days: formatNumber(data.averageDaysToDecision) })
        }
        {...(data.averageDaysToDecision === null ? { note: t("dashboard.noDecisions") } : {})}
      />
    </dl>
  );
}

function DashboardView({ data }: { data: Dashboard }) {
  return (
    <>
      <Stats data={data} />
      <ComplaintsAnswered />
      <div class="charts">
        <FunnelChart funnel={data.funnel} />
        <CountBars
          id="chart-categories"
          title={t("dashboard.categoriesTitle")}
          items={data.ideasPerCategory.map((c) => ({ label: c.category || t("dashboard.noCategory"), count: c.count }))}
          empty={t("chart.empty")}
        />
        <MonthsChart months={data.ideasPerMonth} />
        <CountBars
          id="chart-units"
          title={t("dashboard.unitsTitle")}
          items={data.ideasPerUnit.map((u) => ({ label: u.unitName, count: u.count }))}
          empty={t("chart.empty")}
        />
        <TopReplicated items={data.topReplicated} />
        <ParticipationChart units={data.participation.byUnit} />
      </div>
    </>
  );
}

/** The agency's data as CSV files for a spreadsheet: plain links, the browser saves each file. */
function Downloads({ user, campaignId }: { user: Me; campaignId: number | null }) {
  const links: [string, string][] = [
    [ideasCsvPath(campaignId), t("dashboard.downloadIdeas")],
    [votesCsvPath(campaignId), t("dashboard.downloadVotes")],
    [awardsCsvPath(), t("dashboard.downloadAwards")],
    ...(user.can.readLedgers ? [[ledgerCsvPath(), t("dashboard.downloadLedger")] as [string, string]] : []),
  ];
  return (
    <section class="card" aria-labelledby="dashboard-downloads-title">
      <h2 id="dashboard-downloads-title">{t("dashboard.downloadsTitle")}</h2>
      <p class="card-lead">{t(campaignId ? "dashboard.downloadsCampaign" : "dashboard.downloadsLead")}</p>
      <div class="button-row">
        {links.map(([href, label]) => (
          <a key={href} class="button button-secondary" href={href} download>
            {label}
          </a>
        ))}
      </div>
    </section>
  );
}

function ScopePicker({ campaignId }: { campaignId: number | null }) {
  const { route } = useLocation();
  const campaigns = campaignsState.value.kind === "ready" ? campaignsState.value.items : [];
  return (
    <div class="field dashboard-scope">
      <label for="dashboard-scope">{t("dashboard.scope")}</label>
      <select
        id="dashboard-scope"
        value={campaignId ? String(campaignId) : ""}
        onChange={(event) => route(dashboardPath(idOf(event.currentTarget.value)), true)}
      >
        <option value="">{t("dashboard.wholeAgency")}</option>
        {campaigns.map((c) => (
          <option key={c.id} value={String(c.id)}>
            {c.title}
          </option>
        ))}
        {campaignId && !campaigns.some((c) => c.id === campaignId) && (
          <option value={String(campaignId)}>#{campaignId}</option>
        )}
      </select>
    </div>
  );
}

function DashboardLoader({ user }: { user: Me }) {
  const { query } = useLocation();
  const campaignId = idOf(query.kampanye);
  useEffect(() => {
    void loadCampaigns();
  }, []);
  if (!user.can.readStats) return <p class="notice">{t("dashboard.forbidden")}</p>;
  return <DashboardData user={user} campaignId={campaignId} />;
}

function DashboardData({ user, campaignId }: { user: Me; campaignId: number | null }) {
  const [state, reload] = useResource((signal) => getDashboard(campaignId ?? undefined, signal), [campaignId]);
  return (
    <>
      <ScopePicker campaignId={campaignId} />
      {state.kind === "loading" && <Loading label={t("dashboard.loading")} />}
      {state.kind === "problem" && <ProblemMessage problem={state.problem} onRetry={reload} />}
      {state.kind === "ready" && <DashboardView data={state.value} />}
      {state.kind === "ready" && <Downloads user={user} campaignId={campaignId} />}
    </>
  );
}

/** `/dasbor`: the innovation dashboard of the agency or of one campaign, for leaders and admins. */
export default function DashboardPage() {
  usePageTitle("dashboard.title");
  return (
    <div class="dashboard-page">
      <header class="page-head">
        <div>
          <h1>{t("dashboard.title")}</h1>
          <p class="lead">{t("dashboard.lead")}</p>
        </div>
      </header>
      <RequireSignIn>{(user) => <DashboardLoader user={user} />}</RequireSignIn>
    </div>
  );
}
