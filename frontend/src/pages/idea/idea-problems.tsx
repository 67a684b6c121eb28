import { useState } from "preact/hooks";
import type { IdeaDetail } from "../../api/ideas";
import { listIdeaProblems, listProblems, setIdeaProblems, type IdeaProblems } from "../../api/problems";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Dialog } from "../../components/dialog";
import { ProblemMessage } from "../../components/problem-message";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { formatNumber } from "../../lib/format";
import { problemPath } from "../../lib/problem-paths";
import { useDebounced } from "../../lib/use-debounced";
import { useResource } from "../../lib/use-resource";
import "../../styles/problems.css";

/** The picker: search the problem bank, tick the problems the idea answers, save the set. */
function Picker({
  ideaId,
  current,
  onSaved,
  onClose,
}: {
  ideaId: number;
  current: IdeaProblems["items"];
  onSaved: (next: IdeaProblems) => void;
  onClose: () => void;
}) {
  const [query, setQuery] = useState("");
  const q = useDebounced(query.trim(), 300);
  const [results, reload] = useResource((signal) => listProblems(q ? { q } : {}, undefined, signal), [q]);
  const [chosen, setChosen] = useState<Map<number, string>>(() => new Map(current.map((p) => [p.id, p.title])));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiProblem | null>(null);
  const toggle = (id: number, title: string) =>
    setChosen((map) => {
      const next = new Map(map);
      if (!next.delete(id)) next.set(id, title);
      return next;
    });
  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onSaved(await setIdeaProblems(ideaId, [...chosen.keys()]));
    } catch (error) {
      setFailure(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  };
  const shown = (items: { id: number; title: string; complaintCount: number }[]) => [
    ...current.filter((p) => !items.some((i) => i.id === p.id) && chosen.has(p.id)),
    ...items,
  ];
  return (
    <Dialog id="problem-picker" title={t("ideaProblems.pickTitle")} text={t("ideaProblems.pickText")} onClose={onClose}>
      <div class="field">
        <label for="problem-picker-q">{t("problems.search")}</label>
        <input
          id="problem-picker-q"
          type="search"
          data-autofocus
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>
      <ResourceView resource={results} loading={t("problems.loading")} onRetry={reload}>
        {(page) =>
          shown(page.items).length === 0 ? (
            <p class="muted">{q ? t("problems.noMatch") : t("problems.empty")}</p>
          ) : (
            <ul class="problem-picker-list">
              {shown(page.items).map((p) => (
                <li key={p.id} class="checkbox">
                  <input
                    type="checkbox"
                    id={`pick-problem-${p.id}`}
                    checked={chosen.has(p.id)}
                    onChange={() => toggle(p.id, p.title)}
                  />
                  <label for={`pick-problem-${p.id}`}>
                    {p.title}{" "}
                    <span class="muted">({t("ideaProblems.count", { count: formatNumber(p.complaintCount) })})</span>
                  </label>
                </li>
              ))}
            </ul>
          )
        }
      </ResourceView>
      {failure && <ProblemMessage problem={failure} />}
      <div class="button-row">
        <button type="button" class="button" onClick={() => void save()} aria-disabled={busy ? "true" : undefined}>
          {t("ideaProblems.save", { count: String(chosen.size) })}
        </button>
        <button type="button" class="button button-secondary" onClick={onClose}>
          {t("ideaProblems.cancel")}
        </button>
      </div>
    </Dialog>
  );
}

/** "Menjawab masalah": the problems of the problem bank this idea answers, and the team's picker. */
export function IdeaProblemsSection({ idea }: { idea: IdeaDetail }) {
  const [state, reload, set] = useResource((signal) => listIdeaProblems(idea.id, signal), [idea.id]);
  const [picking, setPicking] = useState(false);
  return (
    <section class="idea-section" aria-labelledby="idea-problems-title">
      <h2 id="idea-problems-title">{t("ideaProblems.title")}</h2>
      <ResourceView resource={state} loading={t("ideaProblems.loading")} onRetry={reload}>
        {(value) => (
          <>
            {value.items.length === 0 ? (
              <p class="muted">{t("ideaProblems.none")}</p>
            ) : (
              <ul class="problem-links">
                {value.items.map((p) => (
                  <li key={p.id}>
                    <a href={problemPath(p.id)}>{p.title}</a>{" "}
                    <span class="muted">({t("ideaProblems.count", { count: formatNumber(p.complaintCount) })})</span>
                  </li>
                ))}
              </ul>
            )}
            {value.canEdit && (
              <button type="button" class="button button-secondary" onClick={() => setPicking(true)}>
                {t("ideaProblems.link")}
              </button>
            )}
            {picking && (
              <Picker
                ideaId={idea.id}
                current={value.items}
                onClose={() => setPicking(false)}
                onSaved={(next) => {
                  set(next);
                  setPicking(false);
                }}
              />
            )}
          </>
        )}
      </ResourceView>
    </section>
  );
}
