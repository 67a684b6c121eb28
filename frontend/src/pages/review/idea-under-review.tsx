import { attachmentUrl } from "../../api/ideas";
import type { AssignmentDetail } from "../../api/reviews";
import { t } from "../../i18n";
import { formatBytes, formatNumber } from "../../lib/format";

type Idea = AssignmentDetail["idea"];

const SECTIONS = [
  ["problem", "idea.problem"],
  ["solution", "idea.solution"],
  ["benefit", "idea.benefit"],
] as const;

/** Who proposed it, their unit and the support count: only what the server gave (nothing in blind review). */
function Proposers({ idea, blind }: { idea: Idea; blind: boolean }) {
  if (blind) return <p class="notice">{t("review.blindNotice")}</p>;
  const rows: [string, string][] = [];
  if (idea.team?.length) rows.push([t("idea.team"), idea.team.map((m) => m.name).join(", ")]);
  else if (idea.author) rows.push([t("idea.role.author"), idea.author.name]);
  if (idea.unit) rows.push([t("idea.unit"), idea.unit.name]);
  if (idea.voteCount !== null) rows.push([t("review.votes"), formatNumber(idea.voteCount)]);
  if (rows.length === 0) return null;
  return (
    <dl class="details review-proposers">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The idea being reviewed: its problem, solution and benefit, target service, category and attachments. */
export function IdeaUnderReview({ assignment }: { assignment: AssignmentDetail }) {
  const { idea } = assignment;
  return (
    <section class="card review-idea" aria-labelledby="review-idea-title">
      <h2 id="review-idea-title">{t("review.ideaTitle")}</h2>
      <Proposers idea={idea} blind={assignment.blind} />
      {SECTIONS.map(([field, label]) => (
        <div key={field} class="review-idea-part">
          <h3>{t(label)}</h3>
          <p class="prewrap">{idea[field] || <span class="muted">{t("idea.empty")}</span>}</p>
        </div>
      ))}
      <dl class="details">
        <div>
          <dt>{t("idea.targetService")}</dt>
          <dd>{idea.targetService || <span class="muted">{t("idea.empty")}</span>}</dd>
        </div>
        <div>
          <dt>{t("idea.category")}</dt>
          <dd>{idea.category || <span class="muted">{t("idea.empty")}</span>}</dd>
        </div>
      </dl>
      {idea.attachments.length > 0 && (
        <div class="review-idea-part">
          <h3>{t("idea.attachments")}</h3>
          <ul class="attachments">
            {idea.attachments.map((file) => (
              <li key={file.id}>
                <a href={attachmentUrl(idea.id, file.id)} download={file.fileName}>
                  {t("idea.download", { name: file.fileName, size: formatBytes(file.size) })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
