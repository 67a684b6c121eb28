import type { Dashboard } from "../../api/stats";
import { locale, t } from "../../i18n";
import { formatNumber } from "../../lib/format";
import { ideaPath } from "../../lib/idea-paths";
import { BarChart, type Bar } from "./charts/bar-chart";
import { ChartFigure } from "./charts/chart-figure";
import { ColumnChart } from "./charts/column-chart";
import type { IdeaStatus } from "../../api/contract";

const FUNNEL_STEPS = [
  "submitted",
  "in_review",
  "shortlisted",
  "approved",
  "implemented",
] as const satisfies readonly IdeaStatus[];

const percent = (share: number) =>
  new Intl.NumberFormat(locale.value === "en" ? "en-GB" : "id-ID", {
    style: "percent",
    maximumFractionDigits: 0,
  }).format(share);

/** "Diajukan 8; Dinilai 4 …" for the text alternative. */
const sentence = (title: string, rows: readonly { label: string; value: string }[]) =>
  `${title}: ${rows.length ? rows.map((r) => `${r.label} ${r.value}`).join("; ") : t("chart.empty")}.`;

export function FunnelChart({ funnel }: { funnel: Dashboard["funnel"] }) {
  const base = funnel.submitted;
  const bars: Bar[] = FUNNEL_STEPS.map((step) => ({
    label: t(`funnel.${step}`),
    value: funnel[step],
    valueText:
      base > 0 && step !== "submitted"
        ? `${formatNumber(funnel[step])} (${percent(funnel[step] / base)})`
        : formatNumber(funnel[step]),
  }));
  const rejected: Bar = {
    label: t("funnel.rejected"),
    value: funnel.rejected,
    valueText: formatNumber(funnel.rejected),
    tone: "danger",
  };
  const rows = [...bars, rejected].map((b) => ({ label: b.label, value: b.valueText }));
  const title = t("dashboard.funnelTitle");
  return (
    <ChartFigure
      id="chart-funnel"
      title={title}
      summary={sentence(title, rows)}
      rows={rows}
      columns={[t("chart.step"), t("chart.ideas")]}
    >
      <p class="chart-lead">{t("dashboard.funnelLead")}</p>
      <BarChart bars={[...bars, rejected]} max={Math.max(1, base)} labelledBy="chart-funnel-summary" />
    </ChartFigure>
  );
}

function monthLabel(month: string, style: "short" | "long"): string {
  const tag = locale.value === "en" ? "en-GB" : "id-ID";
  return new Intl.DateTimeFormat(tag, {
    month: style,
    ...(style === "long" ? { year: "numeric" } : {}),
    timeZone: "UTC",
  }).format(new Date(`${month}-01T00:00:00Z`));
}

export function MonthsChart({ months }: { months: Dashboard["ideasPerMonth"] }) {
  const columns = months.map((m, index) => ({
    label: monthLabel(m.month, "short").replace(".", ""),
    // "’25" under the first month and every January: short enough not to touch its neighbour at 360 px
    ...(index === 0 || m.month.endsWith("-01") ? { sub: `’${m.month.slice(2, 4)}` } : {}),
    value: m.count,
  }));
  const rows = months.map((m) => ({ label: monthLabel(m.month, "long"), value: formatNumber(m.count) }));
  const title = t("dashboard.monthsTitle");
  return (
    <ChartFigure
      id="chart-months"
      title={title}
      summary={sentence(title, rows)}
      rows={rows}
      columns={[t("chart.month"), t("chart.ideas")]}
      class="chart-wide"
    >
      <ColumnChart columns={columns} labelledBy="chart-months-summary" />
    </ChartFigure>
  );
}

export function CountBars({
  id,
  title,
  items,
  empty,
}: {
  id: string;
  title: string;
  items: readonly { label: string; count: number }[];
  empty: string;
}) {
  const bars: Bar[] = items.map((item) => ({
    label: item.label,
    value: item.count,
    valueText: formatNumber(item.count),
  }));
  const rows = bars.map((b) => ({ label: b.label, value: b.valueText }));
  return (
    <ChartFigure
      id={id}
      title={title}
      summary={sentence(title, rows)}
      rows={rows}
      columns={[t("chart.name"), t("chart.ideas")]}
    >
      {bars.length === 0 ? <p class="muted">{empty}</p> : <BarChart bars={bars} labelledBy={`${id}-summary`} />}
    </ChartFigure>
  );
}

export function ParticipationChart({ units }: { units: Dashboard["participation"]["byUnit"] }) {
  const bars: Bar[] = units.map((u) => ({
    label: u.unitName,
    value: u.share,
    valueText: t("dashboard.shareOf", { share: percent(u.share), any: u.any, asn: u.asn }),
  }));
  const rows = bars.map((b) => ({ label: b.label, value: b.valueText }));
  const title = t("dashboard.participationTitle");
  return (
    <ChartFigure
      id="chart-participation"
      title={title}
      summary={sentence(title, rows)}
      rows={rows}
      columns={[t("chart.unit"), t("chart.participation")]}
      class="chart-wide"
    >
      <p class="chart-lead">{t("dashboard.participationLead")}</p>
      {bars.length === 0 ? (
        <p class="muted">{t("chart.empty")}</p>
      ) : (
        <BarChart bars={bars} max={1} labelledBy="chart-participation-summary" />
      )}
    </ChartFigure>
  );
}

export function TopReplicated({ items }: { items: Dashboard["topReplicated"] }) {
  return (
    <section class="card chart" aria-labelledby="top-replicated-title">
      <h2 id="top-replicated-title" class="chart-title">
        {t("dashboard.replicatedTitle")}
      </h2>
      {items.length === 0 ? (
        <p class="muted">{t("dashboard.replicatedEmpty")}</p>
      ) : (
        <ol class="replicated-list">
          {items.map((item) => (
            <li key={item.id}>
              <a href={ideaPath(item.id)}>{item.title}</a>
              <span class="replicated-count">{t("dashboard.replicatedBy", { count: item.replicationCount })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
