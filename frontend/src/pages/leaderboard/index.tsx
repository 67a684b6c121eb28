import { useState } from "preact/hooks";
import { getLeaderboard, type BoardPeriod, type BoardScope, type Leaderboard } from "../../api/rewards";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { formatNumber, formatTime, timeZoneName } from "../../lib/format";
import { usePageTitle } from "../../lib/use-page-title";
import { useResource } from "../../lib/use-resource";
import { PERIOD_KINDS } from "../../api/contract";

const SCOPES: BoardScope[] = ["users", "units"];
const PERIODS: readonly BoardPeriod[] = PERIOD_KINDS;

function Board() {
  const [scope, setScope] = useState<BoardScope>("users");
  const [period, setPeriod] = useState<BoardPeriod>("month");
  // the board of the latest scope and period wins: an answer for an earlier choice is dropped
  const [first, reload] = useResource((signal) => getLeaderboard(scope, period, undefined, signal), [scope, period]);
  // the pages after the first, for the first page shown now
  const [more, setMore] = useState<{ after: Leaderboard; board: Leaderboard } | null>(null);
  const [moreProblem, setMoreProblem] = useState<ApiProblem | null>(null);
  const firstPage = first.kind === "ready" ? first.value : null;
  const board = more && more.after === firstPage ? more.board : firstPage;
  const problem = first.kind === "problem" ? first.problem : moreProblem;
  const load = async () => {
    if (!firstPage || !board?.nextCursor) return;
    try {
      const page = await getLeaderboard(scope, period, board.nextCursor);
      setMore({ after: firstPage, board: { ...page, items: [...board.items, ...page.items] } });
    } catch (error) {
      setMoreProblem(toApiProblem(error));
    }
  };
  const retry = () => {
    setMoreProblem(null);
    if (first.kind === "problem") void reload();
  };
  // the board answers for its own scope and period: until the chosen one arrives, the page says it is loading
  const shown = board && board.scope === scope && board.period.kind === period ? board : null;

  return (
    <>
      <div class="board-filters card">
        <fieldset>
          <legend>{t("board.scope")}</legend>
          <div class="choice-row">
            {SCOPES.map((s) => (
              <label key={s} class="choice">
                <input type="radio" name="board-scope" checked={scope === s} onChange={() => setScope(s)} />
                {t(`board.${s}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div class="field">
          <label for="board-period">{t("board.period")}</label>
          <select id="board-period" value={period} onChange={(e) => setPeriod(e.currentTarget.value as BoardPeriod)}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`board.${p}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {problem ? (
        <ProblemMessage problem={problem} onRetry={retry} />
      ) : !shown ? (
        <Loading />
      ) : shown.items.length === 0 ? (
        <p class="empty-state">{t("board.empty")}</p>
      ) : (
        <table class="data-table leaderboard">
          <caption>{t("board.caption", { scope: t(`board.${scope}`), period: t(`board.${period}`) })}</caption>
          <thead>
            <tr>
              <th scope="col" class="board-rank">
                <span aria-hidden="true">#</span>
                <span class="visually-hidden">{t("board.rank")}</span>
              </th>
              <th scope="col">{scope === "users" ? t("board.name") : t("board.unit")}</th>
              <th scope="col" class="board-points">
                {t("board.points")}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.items.map((row) => (
              <tr key={`${row.user?.id ?? ""}-${row.unit.id}`}>
                <td class="board-rank">{row.rank}</td>
                <th scope="row">
                  {row.user ? row.user.name : row.unit.name}
                  {/* a person's unit under their name: three columns fit a phone, four did not */}
                  {row.user && <span class="board-unit">{row.unit.name}</span>}
                </th>
                <td class="board-points">{formatNumber(row.points)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {/* the totals are folded from the ledger each minute: the board says how current it is */}
      {shown && (
        <p class="muted">{t("board.asOf", { time: formatTime(new Date(shown.asOf)), zone: timeZoneName() })}</p>
      )}
      {shown?.nextCursor && (
        <button class="button button-secondary" type="button" onClick={() => void load()}>
          {t("board.more")}
        </button>
      )}
    </>
  );
}

/** `/peringkat`: leaderboards of people and units, for this month, quarter, year or all time. */
export default function LeaderboardPage() {
  usePageTitle("board.title");
  return (
    <RequireSignIn>
      {() => (
        <div class="leaderboard-page">
          <h1>{t("board.title")}</h1>
          <p class="lead">{t("board.lead")}</p>
          <Board />
        </div>
      )}
    </RequireSignIn>
  );
}
