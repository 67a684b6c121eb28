import { dossierPath } from "../../api/exports";
import type { IdeaDetail } from "../../api/ideas";
import { t } from "../../i18n";
import { currentUser } from "../../models/session";

/** The printable innovation dossier, one tap away for the idea's team, its committee and admins. */
export function DossierLink({ idea }: { idea: IdeaDetail }) {
  const admin = !!currentUser.value?.roles.includes("admin");
  if (!idea.viewer.isAuthor && idea.viewer.committeeRole === null && !admin) return null;
  return (
    <div class="card idea-side-card dossier-link">
      <a class="button button-secondary" href={dossierPath(idea.id)} target="_blank" rel="noopener">
        {t("idea.dossier")}
      </a>
      <p class="card-note">{t("idea.dossierHint")}</p>
    </div>
  );
}
