import type { IdeaSummary } from "../../api/ideas";
import { CalendarIcon, CommentIcon, SupportIcon } from "../../components/meta-icons";
import { StatusBadge } from "../../components/status-badge";
import { t } from "../../i18n";
import { formatDate, formatNumber } from "../../lib/format";
import { ideaPath } from "../../lib/idea-paths";

/** Support, or "tersembunyi" while the campaign hides counts. */
export function VoteCount({ count }: { count: number | null }) {
  return (
    <>
      <SupportIcon />
      {count === null ? (
        <span title={t("ideas.votesHiddenHint")}>{t("ideas.votesHidden")}</span>
      ) : (
        t("ideas.votes", { count: formatNumber(count) })
      )}
    </>
  );
}

/** "Dewi · Dukcapil", or that the authors are withheld (a blind reviewer's view). */
export function bylineOf(idea: Pick<IdeaSummary, "author" | "unit">): string {
  return idea.author && idea.unit
    ? t("ideas.byline", { author: idea.author.name, unit: idea.unit.name })
    : t("ideas.blindByline");
}

/** One idea in the list: status, title (the link), what it is about, who, and its counts. */
export function IdeaCard({ idea }: { idea: IdeaSummary }) {
  const when = idea.submittedAt
    ? t("ideas.submittedOn", { date: formatDate(idea.submittedAt) })
    : t("ideas.updatedOn", { date: formatDate(idea.updatedAt) });
  return (
    <li class="card idea-card">
      <div class="idea-card-top">
        <StatusBadge status={idea.status} />
        <span class="idea-card-campaign">{idea.campaign.title}</span>
      </div>
      <h2 class="idea-card-title">
        <a href={ideaPath(idea.id)}>{idea.title}</a>
      </h2>
      {idea.excerpt && <p class="idea-card-excerpt">{idea.excerpt}</p>}
      <p class="idea-card-byline">{bylineOf(idea)}</p>
      <ul class="meta-list">
        <li>
          <VoteCount count={idea.voteCount} />
        </li>
        <li>
          <CommentIcon />
          {t("ideas.comments", { count: formatNumber(idea.commentCount) })}
        </li>
        <li>
          <CalendarIcon />
          <time dateTime={idea.submittedAt ?? idea.updatedAt}>{when}</time>
        </li>
      </ul>
    </li>
  );
}

/** Grey cards where ideas will appear; hidden from screen readers, which hear the status line. */
export function IdeaCardSkeletons({ count = 3 }: { count?: number }) {
  return (
    <ul class="idea-cards" aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        <li key={index} class="card idea-card skeleton-card">
          <span class="skeleton skeleton-badge" />
          <span class="skeleton skeleton-title" />
          <span class="skeleton skeleton-line" />
          <span class="skeleton skeleton-line" />
          <span class="skeleton skeleton-line skeleton-short" />
        </li>
      ))}
    </ul>
  );
}
