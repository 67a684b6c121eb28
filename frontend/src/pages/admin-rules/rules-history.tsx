import { listRuleVersions, type RuleVersion } from "../../api/reward-rules";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { formatDateTime, formatNumber } from "../../lib/format";
import { useResource } from "../../lib/use-resource";
import { labelOf } from "./rule-label";

type Page = { items: RuleVersion[]; nextCursor: string | null };
type Values = RuleVersion["changes"][number]["from"];

const cap = (value: number | null) => (value === null ? t("rules.none") : formatNumber(value));

/** "poin 1 → 2; batas harian 10 → 5": what one rule's change did. */
function describe(from: Values, to: Values): string {
  const parts: string[] = [];
  if (from.points !== to.points) {
    parts.push(t("rules.changePoints", { from: formatNumber(from.points), to: formatNumber(to.points) }));
  }
  if (from.dailyCap !== to.dailyCap)
    parts.push(t("rules.changeDaily", { from: cap(from.dailyCap), to: cap(to.dailyCap) }));
  if (from.perSubjectCap !== to.perSubjectCap) {
    parts.push(t("rules.changePerIdea", { from: cap(from.perSubjectCap), to: cap(to.perSubjectCap) }));
  }
  return parts.join("; ");
}

function Version({ version }: { version: RuleVersion }) {
  if (version.version === 0) {
    return (
      <li class="version">
        <h3>{t("rules.historyDefault")}</h3>
      </li>
    );
  }
  return (
    <li class="version">
      <h3>{t("rules.historyVersion", { version: version.version })}</h3>
      {version.publishedAt && (
        <p class="muted">
          {t("rules.historyBy", { name: version.publishedBy?.name ?? "—", date: formatDateTime(version.publishedAt) })}
        </p>
      )}
      {version.changes.length === 0 ? (
        <p class="muted">{t("rules.historyNoChange")}</p>
      ) : (
        <ul class="version-changes">
          {version.changes.map((c) => (
            <li key={c.rule}>
              <strong>{labelOf(c.label)}</strong>: {describe(c.from, c.to)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Every published version, newest first, with what it changed from the one before. */
export function RulesHistory({ version }: { version: number }) {
  const [pages, reload, set] = useResource<Page>(() => listRuleVersions(), [version]);
  const loadMore = async (page: Page) => {
    if (!page.nextCursor) return;
    const next = await listRuleVersions(page.nextCursor);
    set({ items: [...page.items, ...next.items], nextCursor: next.nextCursor });
  };
  return (
    <section class="card rules-history" aria-labelledby="rules-history-title">
      <h2 id="rules-history-title">{t("rules.historyTitle")}</h2>
      <ResourceView resource={pages} loading={t("rules.loading")} onRetry={reload}>
        {(page) => (
          <>
            <ol class="version-list">
              {page.items.map((v) => (
                <Version key={v.version} version={v} />
              ))}
            </ol>
            {page.nextCursor && (
              <button class="button button-secondary" type="button" onClick={() => void loadMore(page)}>
                {t("rules.historyMore")}
              </button>
            )}
          </>
        )}
      </ResourceView>
    </section>
  );
}
