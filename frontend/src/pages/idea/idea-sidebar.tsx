import { attachmentUrl, type IdeaDetail } from "../../api/ideas";
import { t } from "../../i18n";
import { formatBytes } from "../../lib/format";
import { campaignPath } from "../../lib/idea-paths";
import { initialsOf } from "../../lib/person-name";

/** Target service, category, unit and campaign. */
export function IdeaDetails({ idea }: { idea: IdeaDetail }) {
  const rows: [string, string][] = [
    [t("idea.targetService"), idea.targetService],
    [t("idea.category"), idea.category],
    [t("idea.unit"), idea.unit?.name ?? ""],
  ];
  return (
    <section class="card idea-side-card" aria-labelledby="idea-details-title">
      <h2 id="idea-details-title">{t("idea.details")}</h2>
      <dl class="details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value || <span class="muted">{t("idea.empty")}</span>}</dd>
          </div>
        ))}
        <div>
          <dt>{t("ideas.campaign")}</dt>
          <dd>
            <a href={campaignPath(idea.campaign.id)}>{idea.campaign.title}</a>
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** The author and co-authors; invited ones who have not accepted say so. */
export function IdeaTeam({ idea }: { idea: IdeaDetail }) {
  if (idea.team.length === 0) return null;
  return (
    <section class="card idea-side-card" aria-labelledby="idea-team-title">
      <h2 id="idea-team-title">{t("idea.team")}</h2>
      <ul class="team">
        {idea.team.map((member) => (
          <li key={member.userId} class="team-member">
            <span class="avatar avatar-small" aria-hidden="true">
              {initialsOf(member.name)}
            </span>
            <span>
              <span class="team-name">{member.name}</span>
              <span class="team-role">
                {member.role === "author" ? t("idea.role.author") : t("idea.role.coauthor")}
                {!member.accepted && ` · ${t("idea.invitePending")}`}
              </span>
              <span class="team-position">
                {member.position} · {member.unitName}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Files to download; nothing when there are none. */
export function IdeaAttachments({ idea }: { idea: IdeaDetail }) {
  if (idea.attachments.length === 0) return null;
  return (
    <section class="card idea-side-card" aria-labelledby="idea-attachments-title">
      <h2 id="idea-attachments-title">{t("idea.attachments")}</h2>
      <ul class="attachments">
        {idea.attachments.map((file) => (
          <li key={file.id}>
            <a href={attachmentUrl(idea.id, file.id)} download={file.fileName}>
              {t("idea.download", { name: file.fileName, size: formatBytes(file.size) })}
            </a>
            {file.kind === "evidence" && <span class="chip chip-small">{t("idea.attachment.evidence")}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
