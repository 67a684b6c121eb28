import type { IdeaDetail } from "../../api/ideas";
import { getVoteSources, type VoteSources } from "../../api/reviews";
import { t } from "../../i18n";
import { formatDateTime, formatNumber } from "../../lib/format";
import { useResource } from "../../lib/use-resource";
import { currentUser } from "../../models/session";
import { BurstRule } from "../committee/ranking-table";
import "../../styles/burst.css";

/**
 * For the campaign's chair and the agency admin only: a warning when the idea's votes arrived in a
 * burst from its own unit, with the figures and what it means. Silent for everyone else, for a
 * draft, and whenever there is no burst (or the sources cannot be read: it is a hint, not a gate).
 */
export function VoteBurst({ idea }: { idea: IdeaDetail }) {
  const isAdmin = currentUser.value?.can.readVoteSources ?? false;
  const mayRead = (isAdmin || idea.viewer.committeeRole === "chair") && idea.status !== "draft";
  const [read] = useResource(
    (signal): Promise<VoteSources | null> => (mayRead ? getVoteSources(idea.id, signal) : Promise.resolve(null)),
    [idea.id, mayRead, idea.voteCount],
  );
  const sources = read.kind === "ready" ? read.value : null;

  const w = sources?.burst.window;
  if (!sources?.burst.flagged || !w) return null;
  const { rule } = sources.burst;
  return (
    <section class="burst-panel" aria-labelledby="idea-burst-title">
      <h2 id="idea-burst-title">{t("burst.title")}</h2>
      <p>
        {t("burst.explain", {
          votes: formatNumber(w.votes),
          minutes: formatNumber(rule.windowMinutes),
          fromUnit: formatNumber(w.fromAuthorUnit),
          start: formatDateTime(w.start),
          end: formatDateTime(w.end),
        })}
      </p>
      <p>{t("burst.meaning")}</p>
      <BurstRule rule={rule} />
      <p>{t("burst.onlyYou")}</p>
    </section>
  );
}
