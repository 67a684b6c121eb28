import { useEffect, useState } from "preact/hooks";
import { getMyRewards, listBadges, listLedger, type Badge, type LedgerEntry, type MyRewards } from "../../api/rewards";
import { ApiProblem } from "../../api/problem";
import { PERIOD_KINDS } from "../../api/contract";
import { BadgeArt } from "../../components/badge-art";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { locale } from "../../i18n/locale";
import { formatDate, formatNumber } from "../../lib/format";
import { usePageTitle } from "../../lib/use-page-title";

const inMyLanguage = (text: { id: string; en: string }) => (locale.value === "en" ? text.en : text.id);
const PERIODS = PERIOD_KINDS;

function LevelCard({ rewards }: { rewards: MyRewards }) {
  const { level } = rewards;
  const percent = Math.round(level.progress * 100);
  return (
    <section class="card level-card" aria-labelledby="level-title">
      <h2 id="level-title">{t("points.level", { level: inMyLanguage(level.name) })}</h2>
      <label for="level-progress" class="visually-hidden">
        {t("points.progress")}
      </label>
      <progress id="level-progress" max={100} value={percent}>
        {percent}%
      </progress>
      <p>
        {level.next
          ? t("points.toNext", { points: formatNumber(level.pointsToNext), level: inMyLanguage(level.next.name) })
          : t("points.top")}
      </p>
      <dl class="point-totals">
        {PERIODS.map((p) => (
          <div key={p}>
            <dt>{t(`points.${p}`)}</dt>
            <dd>{formatNumber(rewards.points[p])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Badges({ badges }: { badges: Badge[] }) {
  return (
    <section class="card" aria-labelledby="badges-title">
      <h2 id="badges-title">{t("points.badges")}</h2>
      <ul class="badge-grid">
        {badges.map((b) => (
          <li key={b.key} class={b.held ? "badge-card is-held" : "badge-card"}>
            <BadgeArt badgeKey={b.key} held={b.held} />
            <div class="badge-card-text">
              <strong>{inMyLanguage(b.name)}</strong>
              <span>{inMyLanguage(b.description)}</span>
              <span class="muted">
                {b.held && b.earnedAt
                  ? t("points.badgeHeld", { date: formatDate(b.earnedAt) })
                  : t("points.badgeMissing")}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Ledger() {
  const [items, setItems] = useState<LedgerEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const load = async (more = false) => {
    const page = await listLedger(more && cursor ? cursor : undefined);
    setItems((previous) => (more && previous ? [...previous, ...page.items] : page.items));
    setCursor(page.nextCursor);
  };
  useEffect(() => void load(), []);
  if (!items) return <Loading />;
  return (
    <section class="card" aria-labelledby="ledger-title">
      <h2 id="ledger-title">{t("points.ledger")}</h2>
      {items.length === 0 ? (
        <p class="empty-state">{t("points.ledgerEmpty")}</p>
      ) : (
        <ol class="ledger">
          {items.map((e) => (
            <li key={e.id}>
              <span class={e.points < 0 ? "points points-minus" : "points"}>
                {e.points > 0 ? "+" : ""}
                {formatNumber(e.points)}
              </span>{" "}
              {inMyLanguage(e.rule.label)}
              {e.reversal && <span class="badge"> {t("points.reversal")}</span>}
              {e.idea && (
                <>
                  {" · "}
                  <a href={`/ide/${e.idea.id}`}>{e.idea.title}</a>
                </>
              )}
              {e.award && <> · {e.award.title}</>}
              <span class="muted"> · {formatDate(e.at ?? e.day)}</span>
            </li>
          ))}
        </ol>
      )}
      {cursor && (
        <button class="button button-secondary" type="button" onClick={() => void load(true)}>
          {t("points.more")}
        </button>
      )}
    </section>
  );
}

function PointsView() {
  const [data, setData] = useState<{ rewards: MyRewards; badges: Badge[] } | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const load = () =>
    Promise.all([getMyRewards(), listBadges()]).then(
      ([rewards, badges]) => setData({ rewards, badges }),
      (error: unknown) => (error instanceof ApiProblem ? setProblem(error) : Promise.reject(error)),
    );
  useEffect(() => void load(), []);
  if (problem) return <ProblemMessage problem={problem} onRetry={() => (setProblem(null), void load())} />;
  if (!data) return <Loading label={t("points.loading")} />;
  return (
    <div class="points-grid">
      <LevelCard rewards={data.rewards} />
      <Badges badges={data.badges} />
      <Ledger />
    </div>
  );
}

/** `/poin`: my points per period, my level and progress, my badges, and where every point came from. */
export default function PointsPage() {
  usePageTitle("points.title");
  return (
    <RequireSignIn>
      {() => (
        <div class="points-page">
          <h1>{t("points.title")}</h1>
          <PointsView />
        </div>
      )}
    </RequireSignIn>
  );
}
