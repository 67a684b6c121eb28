import { useRef } from "preact/hooks";
import { listSimilarIdeas, type SimilarIdea } from "../../api/ideas";
import { StatusBadge } from "../../components/status-badge";
import { t } from "../../i18n";
import { ideaPath } from "../../lib/idea-paths";
import { useDebounced } from "../../lib/use-debounced";
import { useResource } from "../../lib/use-resource";

const DELAY_MS = 600;
const MIN_TEXT = 6;

/**
 * "Mungkin sudah ada: …": ideas of the agency like the title and problem being typed, asked for
 * after a pause. The region is polite-live, so a screen reader hears new suggestions once.
 */
export function SimilarIdeas({
  title,
  problem,
  excludeId,
}: {
  title: string;
  problem: string;
  excludeId: number | null;
}) {
  const settled = useDebounced(`${title.trim()} ${problem.trim()}`.trim(), DELAY_MS);
  const [found] = useResource(
    (signal): Promise<SimilarIdea[]> =>
      settled.length < MIN_TEXT
        ? Promise.resolve([])
        : listSimilarIdeas(settled.slice(0, 2000), excludeId ?? undefined, signal),
    [settled, excludeId],
  );
  // hints are a help, not a step: while asking, or after a failed lookup, the last ones stay
  const shown = useRef<SimilarIdea[]>([]);
  if (found.kind === "ready") shown.current = found.value;
  const items = shown.current;

  return (
    <div class="similar-region" aria-live="polite">
      {items.length > 0 && (
        <section class="similar" aria-labelledby="similar-title">
          <h2 id="similar-title">{t("ideaForm.similarTitle")}</h2>
          <p class="field-hint">{t("ideaForm.similarHint")}</p>
          <ul>
            {items.map((idea) => (
              <li key={idea.id}>
                <a href={ideaPath(idea.id)}>{idea.title}</a> <StatusBadge status={idea.status} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
