import { useState } from "preact/hooks";
import { closeRound, openRound, roundPhotoPath, type Competition, type CompetitionRound } from "../../api/competitions";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { formatNumber } from "../../lib/format";

const scoreText = (score: number | null) => (score === null ? t("competitions.noScore") : formatNumber(score));

/** A checklist round's photos (field verification), per entry and item, each opening the photo. */
function RoundPhotos({ round, titles }: { round: CompetitionRound; titles: Map<number, string> }) {
  const groups = new Map<string, CompetitionRound["photos"]>();
  for (const p of round.photos) {
    const key = `${p.entryId}:${p.itemKey}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const label = (key: string) => round.items.find((i) => i.key === key)?.label ?? key;
  return (
    <section aria-labelledby={`round-photos-${round.id}`}>
      <h4 id={`round-photos-${round.id}`}>{t("competitions.photosTitle")}</h4>
      <ul class="round-photo-groups">
        {[...groups.values()].map((photos) => {
          const first = photos[0]!;
          const caption = t("competitions.photoOf", {
            entry: titles.get(first.entryId) ?? "",
            item: label(first.itemKey),
          });
          return (
            <li key={`${first.entryId}:${first.itemKey}`}>
              <p>{caption}</p>
              <ul class="photo-strip">
                {photos.map((p, i) => (
                  <li key={p.id}>
                    <a href={roundPhotoPath(p.sheetId, p.id)} download={p.fileName}>
                      <img
                        src={roundPhotoPath(p.sheetId, p.id)}
                        alt={t("competitions.photoAlt", { n: i + 1, caption })}
                        width={96}
                        height={96}
                        loading="lazy"
                      />
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function RoundCard(props: {
  round: CompetitionRound;
  titles: Map<number, string>;
  canOpen: boolean;
  onChanged: () => void;
}) {
  const { round, titles } = props;
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (action: (id: number) => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await action(round.id);
      props.onChanged();
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="card agency-card">
      <h3>
        {t("competitions.roundHeading", { n: round.position })} · {round.name}
      </h3>
      <p class="muted">
        {t(`competitions.roundState.${round.state}`)} · {t("competitions.weight")}: {round.weight}
      </p>
      {round.state !== "draft" && <p>{t("competitions.progress", round.progress)}</p>}
      {round.ranking.length === 0 ? (
        round.state !== "draft" && <p class="muted">{t("competitions.rankingEmpty")}</p>
      ) : (
        <table class="score-table">
          <thead>
            <tr>
              <th scope="col">{t("competitions.entry")}</th>
              <th scope="col">{t("competitions.score")}</th>
              <th scope="col">{t("competitions.spread")}</th>
            </tr>
          </thead>
          <tbody>
            {round.ranking.map((r) => (
              <tr key={r.entryId}>
                <th scope="row">
                  {r.rank}. {titles.get(r.entryId)}
                  {r.disagreement && <span class="flag-disagree"> {t("competitions.disagreement")}</span>}
                </th>
                <td>{scoreText(r.score)}</td>
                <td>{scoreText(r.spread)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {round.photos.length > 0 && <RoundPhotos round={round} titles={titles} />}
      {problem && <ProblemMessage problem={problem} />}
      {round.state === "draft" && props.canOpen && (
        <button
          type="button"
          class="button"
          aria-disabled={busy ? "true" : undefined}
          onClick={() => void act(openRound)}
        >
          {t("competitions.open")}
        </button>
      )}
      {round.state === "open" && (
        <button
          type="button"
          class="button"
          aria-disabled={busy ? "true" : undefined}
          onClick={() => void act(closeRound)}
        >
          {t("competitions.close")}
        </button>
      )}
    </li>
  );
}

/** Each round's state, progress and ranking with its open/close button, and the final ranking. */
export function RoundResults({ competition, onChanged }: { competition: Competition; onChanged: () => void }) {
  const titles = new Map(competition.entries.map((e) => [e.id, e.title]));
  return (
    <>
      <section aria-labelledby="rounds-progress-title">
        <h2 id="rounds-progress-title">{t("competitions.roundsTitle")}</h2>
        <ul class="agency-list">
          {competition.rounds.map((r, i) => (
            <RoundCard
              key={r.id}
              round={r}
              titles={titles}
              // a round opens once the one before it has closed
              canOpen={i === 0 || competition.rounds[i - 1]!.state === "closed"}
              onChanged={onChanged}
            />
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="final-title">
        <h2 id="final-title">{t("competitions.finalTitle")}</h2>
        <p class="card-lead">{t("competitions.finalLead")}</p>
        {competition.rounds.every((r) => r.state !== "closed") ? (
          <p class="empty-state">{t("competitions.finalEmpty")}</p>
        ) : (
          <table class="score-table" aria-labelledby="final-title">
            <thead>
              <tr>
                <th scope="col">{t("competitions.entry")}</th>
                <th scope="col">{t("competitions.reachedHead")}</th>
                <th scope="col">{t("competitions.combined")}</th>
              </tr>
            </thead>
            <tbody>
              {competition.finalRanking.map((r) => (
                <tr key={r.entryId}>
                  <th scope="row">
                    {r.rank}. {titles.get(r.entryId)}
                  </th>
                  <td>{r.reached}</td>
                  <td>
                    <strong>{scoreText(r.combined)}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
