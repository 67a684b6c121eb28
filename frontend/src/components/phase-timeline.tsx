import type { CampaignSummary } from "../api/campaigns";
import { t } from "../i18n";
import { formatDate } from "../lib/format";
import type { Phase } from "../api/contract";

type Schedule = Pick<
  CampaignSummary,
  | "kind"
  | "phase"
  | "submissionStart"
  | "submissionEnd"
  | "votingStart"
  | "votingEnd"
  | "reviewStart"
  | "reviewEnd"
  | "announcementAt"
>;

/** The phases with a window in time (`open` and `upcoming` have none). */
type Lane = { phase: Exclude<Phase, "open" | "upcoming">; from: string; to: string };

/** The four phases in order, each with its window (the announcement is a single moment). */
function lanesOf(c: Schedule): Lane[] | null {
  const { submissionStart, submissionEnd, votingStart, votingEnd, reviewStart, reviewEnd, announcementAt } = c;
  if (!submissionStart || !submissionEnd || !votingStart || !votingEnd || !reviewStart || !reviewEnd || !announcementAt)
    return null;
  return [
    { phase: "submission", from: submissionStart, to: submissionEnd },
    { phase: "voting", from: votingStart, to: votingEnd },
    { phase: "review", from: reviewStart, to: reviewEnd },
    { phase: "announcement", from: announcementAt, to: announcementAt },
  ];
}

/** When the current phase ends (or the first one starts), for "Sekarang: Penilaian, sampai …". */
export function phaseUntil(c: Schedule): string | null {
  switch (c.phase) {
    case "upcoming":
      return c.submissionStart;
    case "submission":
      return c.submissionEnd;
    case "voting":
      return c.votingEnd;
    case "review":
      return c.reviewEnd;
    default:
      return null;
  }
}

/** One sentence on where the campaign stands now. */
export function phaseNowText(c: Schedule): string {
  const until = phaseUntil(c);
  if (c.phase === "upcoming" && until) return t("campaigns.startsOn", { date: formatDate(until) });
  const phase = t(`phase.${c.phase}`);
  return until ? t("campaigns.nowUntil", { phase, date: formatDate(until) }) : t("campaigns.now", { phase });
}

const WIDTH = 320;
const PAD = 8;
const LANE = 34;
const TOP = 4;

/**
 * A campaign's phases as a small Gantt picture (submission → voting → review → announcement) with
 * "now" marked, and the same in words for screen readers. Nothing for Kotak Ide or incomplete dates.
 * @param now the moment to mark (the clock, unless a test says otherwise)
 */
export function PhaseTimeline({ campaign, now = Date.now() }: { campaign: Schedule; now?: number }) {
  const lanes = lanesOf(campaign);
  if (campaign.kind === "open" || !lanes) return null;
  const times = lanes.flatMap((lane) => [Date.parse(lane.from), Date.parse(lane.to)]);
  const start = Math.min(...times);
  const end = Math.max(...times);
  const span = Math.max(end - start, 1);
  const x = (ms: number) => PAD + ((Math.min(Math.max(ms, start), end) - start) / span) * (WIDTH - 2 * PAD);
  const height = TOP + lanes.length * LANE + 22;
  const nowX = x(now);

  const words = lanes
    .map((lane) =>
      lane.phase === "announcement"
        ? t("timeline.at", { phase: t(`phase.${lane.phase}`), date: formatDate(lane.from) })
        : t("timeline.range", {
            phase: t(`phase.${lane.phase}`),
            from: formatDate(lane.from),
            to: formatDate(lane.to),
          }),
    )
    .join("; ");
  const nowWords =
    now < start
      ? t("timeline.before")
      : now >= end
        ? t("timeline.after")
        : t("timeline.during", { phase: t(`phase.${campaign.phase}`) });

  return (
    <svg
      class="timeline"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={`${t("timeline.label")}: ${t("timeline.summary", { phases: words, now: nowWords })}`}
    >
      {/* under the labels, which keep a halo, so "now" never hides a phase name */}
      <line x1={nowX} x2={nowX} y1={TOP} y2={TOP + lanes.length * LANE} class="timeline-now" />
      {lanes.map((lane, index) => {
        const from = Date.parse(lane.from);
        const to = Date.parse(lane.to);
        const state = to <= now && lane.phase !== "announcement" ? "past" : from <= now && now < to ? "now" : "future";
        const y = TOP + index * LANE;
        const x1 = x(from);
        const x2 = Math.max(x(to), x1 + 6);
        const labelAtEnd = x1 > WIDTH / 2;
        const isPoint = lane.phase === "announcement";
        const phaseState = isPoint && from <= now ? "past" : state;
        return (
          <g key={lane.phase} class={`timeline-lane timeline-${phaseState}`}>
            <text x={labelAtEnd ? x2 : x1} y={y + 13} text-anchor={labelAtEnd ? "end" : "start"} class="timeline-label">
              {t(`phase.${lane.phase}`)}
            </text>
            {isPoint ? (
              <path d={`M${x1} ${y + 18}l6 6-6 6-6-6z`} class="timeline-bar" />
            ) : (
              <rect x={x1} y={y + 20} width={x2 - x1} height={9} rx={4.5} class="timeline-bar" />
            )}
          </g>
        );
      })}
      <text
        x={Math.min(Math.max(nowX, PAD + 24), WIDTH - PAD - 24)}
        y={height - 4}
        text-anchor="middle"
        class="timeline-now-label"
      >
        {t("timeline.now")}
      </text>
    </svg>
  );
}
