import { useState } from "preact/hooks";
import { getMyRewards, listBadges, listLedger, type Badge, type LedgerEntry, type MyRewards } from "../../api/rewards";
import { PERIOD_KINDS } from "../../api/contract";
import { BadgeArt } from "../../components/badge-art";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { locale } from "../../i18n/locale";
import { formatDate, formatNumber } from "../../lib/format";
import { usePageTitle } from "../../lib/use-page-title";
import { useResource } from "../../lib/use-resource";

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
  const [first] = useResource((signal) => listLedger(undefined, signal), []);
  // the pages after the first, as "more" brings them
  const [more, setMore] = useState<{ items: LedgerEntry[]; cursor: string | null } | null>(null);
  if (first.kind !== "ready") return <Loading />;
  const items = [...first.value.items, ...(more?.items ?? [])];
  const cursor = more ? more.cursor : first.value.nextCursor;
  const load = async () => {
    if (!cursor) return;
    const page = await listLedger(cursor);
    setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
  };
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
        <button class="button button-secondary" type="button" onClick={() => void load()}>
          {t("points.more")}
        </button>
      )}
    </section>
  );
}

function PointsView() {
  const [read, reload] = useResource(async (signal) => {
    const [rewards, badges] = await Promise.all([getMyRewards(signal), listBadges(signal)]);
    return { rewards, badges };
  }, []);
  if (read.kind === "problem") return <ProblemMessage problem={read.problem} onRetry={reload} />;
  if (read.kind === "loading") return <Loading label={t("points.loading")} />;
  const data = read.value;
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
