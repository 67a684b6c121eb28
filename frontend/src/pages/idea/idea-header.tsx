import type { IdeaDetail } from "../../api/ideas";
import { CommentIcon, ReplicateIcon } from "../../components/meta-icons";
import { ShareButton } from "../../components/share-button";
import { StatusBadge } from "../../components/status-badge";
import { t } from "../../i18n";
import { formatDate, formatNumber } from "../../lib/format";
import { campaignPath, ideaPath, libraryItemPath } from "../../lib/idea-paths";
import { bylineOf, VoteCount } from "../ideas/idea-card";

/** "Direplikasi oleh N instansi", nothing before the first. */
export function replicatedByText(count: number): string | null {
  if (count <= 0) return null;
  return count === 1 ? t("idea.replicatedByOne") : t("idea.replicatedBy", { count: formatNumber(count) });
}

/** Status, campaign and phase, title, who and when, replication, the counts, and "Bagikan". */
export function IdeaHeader({ idea }: { idea: IdeaDetail }) {
  const replicatedBy = replicatedByText(idea.replicationCount);
  const when = idea.submittedAt
    ? t("ideas.submittedOn", { date: formatDate(idea.submittedAt) })
    : t("ideas.updatedOn", { date: formatDate(idea.updatedAt) });
  return (
    <header class="idea-head">
      <p class="idea-head-context">
        <StatusBadge status={idea.status} />
        <a href={campaignPath(idea.campaign.id)}>{idea.campaign.title}</a>
        <span class="idea-phase">{t("idea.campaignPhase", { phase: t(`phase.${idea.campaign.phase}`) })}</span>
      </p>
      <h1 class="idea-title">{idea.title}</h1>
      <p class="idea-byline">
        {bylineOf(idea)} · <time dateTime={idea.submittedAt ?? idea.updatedAt}>{when}</time>
      </p>
      {idea.replicates && (
        <p class="idea-replication">
          <ReplicateIcon />
          <a href={libraryItemPath(idea.replicates.id)}>
            {t("idea.replicates", { title: idea.replicates.title, agency: idea.replicates.agencyName })}
          </a>
        </p>
      )}
      {replicatedBy && (
        <p class="idea-replication">
          <ReplicateIcon />
          {replicatedBy}
        </p>
      )}
      {idea.status !== "draft" && (
        <ul class="meta-list">
          <li>
            <VoteCount count={idea.voteCount} />
          </li>
          <li>
            <CommentIcon />
            {t("ideas.comments", { count: formatNumber(idea.commentCount) })}
          </li>
        </ul>
      )}
      {idea.status !== "draft" && (
        <p class="idea-share">
          <ShareButton
            id="idea-share"
            title={idea.title}
            text={t("share.ideaText", { title: idea.title })}
            url={ideaPath(idea.id)}
          />
        </p>
      )}
    </header>
  );
}
