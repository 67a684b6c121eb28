import { dossierPath } from "../../api/exports";
import { dossierPdfPath, dossierZipPath } from "../../api/innovation-profile";
import type { IdeaDetail } from "../../api/ideas";
import { t } from "../../i18n";
import { currentUser } from "../../models/session";

/**
 * The innovation dossier, one tap away for the idea's team, its committee and admins: the printable
 * page, the PDF, and the ZIP for import (JSON in the national forms' order with the evidence files).
 */
export function DossierLink({ idea }: { idea: IdeaDetail }) {
  const admin = currentUser.value?.can.manageReviews === true;
  if (!idea.viewer.isAuthor && idea.viewer.committeeRole === null && !admin) return null;
  return (
    <div class="card idea-side-card dossier-link">
      <a class="button button-secondary" href={dossierPath(idea.id)} target="_blank" rel="noopener">
        {t("idea.dossier")}
      </a>
      <p class="card-note">{t("idea.dossierHint")}</p>
      <a class="button button-secondary" href={dossierPdfPath(idea.id)} download>
        {t("innov.dossierPdf")}
      </a>
      <a class="button button-secondary" href={dossierZipPath(idea.id)} download>
        {t("innov.dossierZip")}
      </a>
      <p class="card-note">{t("innov.dossierHint")}</p>
    </div>
  );
}
