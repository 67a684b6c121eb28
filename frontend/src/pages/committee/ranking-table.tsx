import { useState } from "preact/hooks";
import { transitionIdea } from "../../api/ideas";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { CsvLinks } from "../../components/csv-links";
import { rankingCsvUrl, reviewsCsvUrl, type RankedIdea, type Ranking } from "../../api/reviews";
import { ProblemMessage } from "../../components/problem-message";
import { StatusBadge } from "../../components/status-badge";
import { t } from "../../i18n";
import { formatDateTime, formatNumber } from "../../lib/format";
import { focusIfLost } from "../../lib/focus-if-lost";
import { ideaPath } from "../../lib/idea-paths";
import { StepConsequence } from "../idea/step-consequence";
import { ConfirmDialog } from "./confirm-dialog";
import { RECOMMENDATIONS, TRANSITIONS } from "../../api/contract";
import { RejectDialog } from "./reject-dialog";
import "../../styles/implementation.css";

type Decision = (typeof RECOMMENDATIONS)[number];

/** What the chair may decide now, by the idea's status: the server's workflow (`TRANSITIONS` of `idea-status.ts`). */
const decisionsFor = (status: string): readonly Decision[] =>
  RECOMMENDATIONS.filter((d) => (TRANSITIONS[d].from as readonly string[]).includes(status));

const score = (value: number | null) => (value === null ? "—" : formatNumber(value));

function DisagreementFlag({ item }: { item: RankedIdea }) {
  if (!item.disagreement)
    return (
      <span class="muted">
        {item.spread === null ? "—" : t("ranking.spread", { spread: formatNumber(item.spread) })}
      </span>
    );
  return (
    <span class="flag-disagree">
      <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M8 1.8 15 14H1L8 1.8Z" fill="currentColor" />
        <path d="M8 6v3.6M8 11.6v.2" stroke="#fff" stroke-width="1.6" stroke-linecap="round" />
      </svg>
      {t("ranking.disagreement")}
      <span class="flag-detail"> ({t("ranking.spread", { spread: formatNumber(item.spread ?? 0) })})</span>
    </span>
  );
}

function BurstFlag({ item, minutes }: { item: RankedIdea; minutes: number }) {
  const w = item.burst.window;
  if (!item.burst.flagged || !w) return null;
  const figures = {
    votes: formatNumber(w.votes),
    minutes: formatNumber(minutes),
    fromUnit: formatNumber(w.fromAuthorUnit),
  };
  return (
    <span class="burst-detail">
      <span
        class="chip chip-small burst-chip"
        aria-label={t("burst.flagLabel", { ...figures, title: item.idea.title })}
      >
        {t("burst.flag")}
      </span>{" "}
      <span aria-hidden="true" title={`${formatDateTime(w.start)} – ${formatDateTime(w.end)}`}>
        {t("burst.short", figures)}
      </span>
    </span>
  );
}

/** What the burst flag means and when it is raised, once under the table (only when an idea carries it). */
export function BurstExplanation({ rule }: { rule: Ranking["burstRule"] }) {
  return (
    <div class="burst-panel">
      <h3>{t("burst.title")}</h3>
      <p>{t("burst.meaning")}</p>
      <BurstRule rule={rule} />
      <p>{t("burst.onlyYou")}</p>
    </div>
  );
}

/** The burst rule in words (the ranking and the idea page say it the same way). */
export function BurstRule({ rule }: { rule: Ranking["burstRule"] }) {
  return (
    <p>
      {t("burst.rule", {
        minVotes: formatNumber(rule.minVotes),
        windowShare: formatNumber(Math.round(rule.windowShare * 100)),
        minutes: formatNumber(rule.windowMinutes),
        unitShare: formatNumber(Math.round(rule.unitShare * 100)),
      })}
    </p>
  );
}

function Passes({ passes }: { passes: boolean }) {
  return passes ? (
    <span class="pass-yes">
      <span aria-hidden="true">✓ </span>
      {t("ranking.passYes")}
    </span>
  ) : (
    <span class="pass-no">{t("ranking.passNo")}</span>
  );
}

type RowProps = {
  item: RankedIdea;
  burstMinutes: number;
  canDecide: boolean;
  busy: string | null;
  onDecide: (item: RankedIdea, decision: Decision) => void;
};

function RankingRow({ item, burstMinutes, canDecide, busy, onDecide }: RowProps) {
  const decisions = canDecide ? decisionsFor(item.idea.status) : [];
  const { shortlist, approve, reject } = item.recommendations;
  return (
    <tr role="row">
      <td role="cell" data-label={t("ranking.rank")} class="num">
        {item.rank}
      </td>
      <th scope="row" role="rowheader" data-label={t("ranking.idea")} class="ranking-idea">
        <a id={`rank-idea-${item.idea.id}`} href={ideaPath(item.idea.id)}>
          {item.idea.title}
        </a>
        <span class="ranking-byline">
          {item.idea.authorName} · {item.idea.unitName}
        </span>
        <StatusBadge status={item.idea.status} />
      </th>
      <td role="cell" data-label={t("ranking.score")} class="num ranking-score">
        <strong>{score(item.score)}</strong>
        <span class="ranking-other">
          {t("ranking.rawAndNormalised", { raw: score(item.rawScore), normalised: score(item.normalisedScore) })}
        </span>
      </td>
      <td role="cell" data-label={t("ranking.reviews")} class="num">
        {t("ranking.reviewsOf", { submitted: item.reviews.submitted, assigned: item.reviews.assigned })}
      </td>
      <td role="cell" data-label={t("ranking.agreement")}>
        <DisagreementFlag item={item} />
      </td>
      <td role="cell" data-label={t("ranking.votes")} class="num">
        {formatNumber(item.voteCount)}
        <BurstFlag item={item} minutes={burstMinutes} />
      </td>
      <td role="cell" data-label={t("ranking.passes")}>
        <Passes passes={item.passes} />
      </td>
      <td role="cell" data-label={t("ranking.recommendations")} class="ranking-recs">
        {t("ranking.recommendationCounts", { shortlist, approve, reject })}
      </td>
      <td role="cell" data-label={t("ranking.decision")} class="ranking-decisions">
        {decisions.length === 0 ? (
          <span class="muted">—</span>
        ) : (
          <span class="decision-buttons">
            {decisions.map((decision) => (
              <button
                key={decision}
                type="button"
                class={`button button-small${decision === "reject" ? " button-danger" : decision === "shortlist" ? " button-secondary" : ""}`}
                aria-label={t("ranking.decideLabel", { action: t(`ideaAction.${decision}`), title: item.idea.title })}
                aria-disabled={busy ? "true" : undefined}
                onClick={() => onDecide(item, decision)}
              >
                {busy === `${item.idea.id}:${decision}` ? t("idea.working") : t(`ideaAction.${decision}`)}
              </button>
            ))}
          </span>
        )}
      </td>
    </tr>
  );
}

type Props = {
  ranking: Ranking;
  normalised: boolean;
  canDecide: boolean;
  onNormalised: (next: boolean) => Promise<void>;
  onDecided: () => Promise<void>;
};

/**
 * The ranking: score (raw or normalised per reviewer), reviews in, disagreement, support, passing
 * grade and recommendations, with the chair's decisions per idea and the CSV downloads.
 */
export function RankingTable({ ranking, normalised, canDecide, onNormalised, onDecided }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [rejecting, setRejecting] = useState<RankedIdea | null>(null);
  const [confirming, setConfirming] = useState<{ item: RankedIdea; decision: Exclude<Decision, "reject"> } | null>(
    null,
  );
  const [done, setDone] = useState<string | null>(null);

  async function toggle(next: boolean) {
    if (next === normalised || busy) return;
    setBusy("toggle");
    setProblem(null);
    try {
      await onNormalised(next);
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(null);
    }
  }

  async function decide(item: RankedIdea, decision: Decision) {
    if (busy) return;
    setProblem(null);
    setDone(null);
    if (decision === "reject") return setRejecting(item);
    setConfirming({ item, decision });
  }

  /** A shortlist or an approval, once its confirmation said what follows. */
  async function confirmed(item: RankedIdea, decision: Exclude<Decision, "reject">) {
    setBusy(`${item.idea.id}:${decision}`);
    try {
      const idea = await transitionIdea(item.idea.id, decision);
      await onDecided();
      setDone(t("ranking.decided", { title: item.idea.title, status: t(`ideaStatus.${idea.status}`) }));
    } finally {
      setBusy(null);
    }
  }

  const { campaign } = ranking;
  return (
    <section class="card ranking" aria-labelledby="ranking-title">
      <div class="ranking-head">
        <h2 id="ranking-title">{t("ranking.title")}</h2>
        <div class="segmented" role="group" aria-label={t("ranking.scoreKind")}>
          <button type="button" aria-pressed={!normalised} onClick={() => void toggle(false)}>
            {t("ranking.raw")}
          </button>
          <button type="button" aria-pressed={normalised} onClick={() => void toggle(true)}>
            {t("ranking.normalised")}
          </button>
        </div>
      </div>
      <p class="card-lead">
        {normalised ? t("ranking.normalisedLead") : t("ranking.rawLead")}{" "}
        {t("ranking.passingGrade", { grade: campaign.passingGrade, threshold: ranking.disagreementThreshold })}
      </p>
      {!canDecide && <p class="notice">{t("ranking.chairOnly")}</p>}
      <p class="visually-hidden" role="status">
        {done ?? ""}
      </p>
      {done && (
        <p class="notice notice-ok" aria-hidden="true">
          {done}
        </p>
      )}
      {problem && <ProblemMessage problem={problem} />}
      {ranking.items.length === 0 ? (
        <p class="muted">{t("ranking.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table class="ranking-table" role="table">
            <caption class="visually-hidden">
              {t("ranking.caption", { kind: normalised ? t("ranking.normalised") : t("ranking.raw") })}
            </caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  {t("ranking.rank")}
                </th>
                <th scope="col" role="columnheader">
                  {t("ranking.idea")}
                </th>
                <th scope="col" role="columnheader">
                  {t("ranking.score")}
                </th>
                <th scope="col" role="columnheader">
                  {t("ranking.reviews")}
                </th>
                <th scope="col" role="columnheader">
                  {t("ranking.agreement")}
                </th>
                <th scope="col" role="columnheader">
                  {t("ranking.votes")}
                </th>
                <th scope="col" role="columnheader">
                  {t("ranking.passes")}
                </th>
                <th scope="col" role="columnheader">
                  {t("ranking.recommendations")}
                </th>
                <th scope="col" role="columnheader">
                  {t("ranking.decision")}
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {ranking.items.map((item) => (
                <RankingRow
                  key={item.idea.id}
                  item={item}
                  burstMinutes={ranking.burstRule.windowMinutes}
                  canDecide={canDecide}
                  busy={busy}
                  onDecide={(i, d) => void decide(i, d)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ranking.items.some((i) => i.burst.flagged) && <BurstExplanation rule={ranking.burstRule} />}
      <ul class="downloads">
        <li>
          <CsvLinks
            href={(separator) => rankingCsvUrl(campaign.id, normalised, separator)}
            label={t("ranking.downloadRanking")}
          />
        </li>
        <li>
          <CsvLinks href={(separator) => reviewsCsvUrl(campaign.id, separator)} label={t("ranking.downloadReviews")} />
        </li>
      </ul>
      {confirming && (
        <ConfirmDialog
          id={`rank-confirm-${confirming.decision}`}
          title={t(confirming.decision === "shortlist" ? "confirm.shortlistTitle" : "confirm.approveTitle")}
          text={confirming.item.idea.title}
          confirmLabel={t(`ideaAction.${confirming.decision}`)}
          onConfirm={() => confirmed(confirming.item, confirming.decision)}
          onClose={() => {
            setConfirming(null);
            focusIfLost(`rank-idea-${confirming.item.idea.id}`);
          }}
        >
          <StepConsequence
            team={null}
            step={confirming.decision}
            id={`rank-confirm-${confirming.decision}-consequence`}
          />
        </ConfirmDialog>
      )}
      {rejecting && (
        <RejectDialog
          idea={rejecting.idea}
          onClose={() => {
            setRejecting(null);
            focusIfLost(`rank-idea-${rejecting.idea.id}`);
          }}
          onDone={async () => {
            await onDecided();
            setDone(t("ranking.decided", { title: rejecting.idea.title, status: t("ideaStatus.rejected") }));
          }}
        />
      )}
    </section>
  );
}
