import type { IdeaStatus } from "../api/ideas";
import { t } from "../i18n";

/**
 * An idea's status as a coloured badge; the colour repeats what the word says (never alone, WCAG 1.4.1).
 * @example <StatusBadge status="in_review" />
 */
export function StatusBadge({ status }: { status: IdeaStatus }) {
  return (
    <span class={`badge badge-${status}`}>
      <span class="badge-dot" aria-hidden="true" />
      <span class="visually-hidden">{t("ideas.status")}: </span>
      {t(`ideaStatus.${status}`)}
    </span>
  );
}
