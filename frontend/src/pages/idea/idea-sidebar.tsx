import { useState } from "preact/hooks";
import { attachmentUrl, type IdeaDetail } from "../../api/ideas";
import { REMOVABLE_STATUSES } from "../../api/contract";
import { removeAttachment } from "../../api/team";
import { StatusLine } from "../../components/status-line";
import { t } from "../../i18n";
import { formatBytes } from "../../lib/format";
import { campaignPath } from "../../lib/idea-paths";
import { initialsOf } from "../../lib/person-name";
import { loadIdea } from "../../models/idea";
import { ConfirmDialog } from "../committee/confirm-dialog";

/** While an idea is a draft or submitted its authors may still take files off it. */
const FILES_OPEN: ReadonlySet<string> = new Set(REMOVABLE_STATUSES);

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

type Attachment = IdeaDetail["attachments"][number];

/**
 * Files to download; nothing when there are none. Its authors may remove a file (after confirming)
 * while the idea is a draft or submitted; the card then says so, even when it was the last file.
 */
export function IdeaAttachments({ idea }: { idea: IdeaDetail }) {
  const [asking, setAsking] = useState<Attachment | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const canRemove = idea.viewer.isAuthor && FILES_OPEN.has(idea.status);
  if (idea.attachments.length === 0 && !removed) return null;
  const remove = async (file: Attachment) => {
    await removeAttachment(idea.id, file.id);
    setRemoved(t("team.removedFile", { name: file.fileName }));
    await loadIdea(idea.id, true);
  };
  return (
    <section class="card idea-side-card" aria-labelledby="idea-attachments-title">
      <h2 id="idea-attachments-title">{t("idea.attachments")}</h2>
      {idea.attachments.length > 0 && (
        <ul class="attachments">
          {idea.attachments.map((file) => (
            <li key={file.id}>
              <a href={attachmentUrl(idea.id, file.id)} download={file.fileName}>
                {t("idea.download", { name: file.fileName, size: formatBytes(file.size) })}
              </a>
              {file.kind === "evidence" && <span class="chip chip-small">{t("idea.attachment.evidence")}</span>}
              {canRemove && (
                <button
                  class="link-button"
                  type="button"
                  aria-label={t("team.removeFileLabel", { name: file.fileName })}
                  onClick={() => setAsking(file)}
                >
                  {t("team.removeFile")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <StatusLine text={removed} />
      {asking && (
        <ConfirmDialog
          id="attachment-remove"
          title={t("team.removeFileTitle", { name: asking.fileName })}
          text={t("team.removeFileText")}
          confirmLabel={t("team.removeFile")}
          danger
          onConfirm={() => remove(asking)}
          onClose={() => setAsking(null)}
        />
      )}
    </section>
  );
}
