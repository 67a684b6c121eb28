import type { ReviewState } from "../api/reviews";
import { t } from "../i18n";

/**
 * Where a review stands (not started, draft, submitted) as a badge; the word carries the meaning,
 * the colour repeats it.
 */
export function ReviewStateBadge({ state }: { state: ReviewState }) {
  return (
    <span class={`badge badge-review-${state}`}>
      <span class="badge-dot" aria-hidden="true" />
      {t(`reviewState.${state}`)}
    </span>
  );
}
