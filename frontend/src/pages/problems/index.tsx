import { useEffect, useState } from "preact/hooks";
import { listProblems, type ProblemFilters, type ProblemSummary } from "../../api/problems";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { ProblemMessage } from "../../components/problem-message";
import { RequireSignIn } from "../../components/require-sign-in";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { formatNumber } from "../../lib/format";
import { NEW_PROBLEM_PATH, PROBLEM_IMPORT_PATH, problemPath } from "../../lib/problem-paths";
import { useDebounced } from "../../lib/use-debounced";
import { usePageTitle } from "../../lib/use-page-title";
import { useResource } from "../../lib/use-resource";
import type { Me } from "../../api/auth";
import "../../styles/ideas.css";
import "../../styles/problems.css";

/** One problem: how many complaints it stands for, where, and whether ideas answer it yet. */
export function ProblemCard({ problem }: { problem: ProblemSummary }) {
  return (
    <li class="card idea-card problem-card">
      <p class="problem-count">
        <strong>{formatNumber(problem.complaintCount)}</strong> {t("problems.complaints")}
      </p>
      <h2 class="idea-card-title">
        <a href={problemPath(problem.id)}>{problem.title}</a>
      </h2>
      <ul class="meta-list">
        {problem.unitName && <li>{problem.unitName}</li>}
        {problem.category && <li>{problem.category}</li>}
        <li>{problem.source === "challenge" ? t("problems.sourceChallenge") : t("problems.sourceComplaints")}</li>
        <li>
          {problem.ideaCount === 0
            ? t("problems.noIdeas")
            : t("problems.ideaCount", {
                ideas: formatNumber(problem.ideaCount),
                implemented: formatNumber(problem.implementedCount),
              })}
        </li>
      </ul>
    </li>
  );
}

function Filters({
  value,
  categories,
  onChange,
}: {
  value: { q: string; category: string; answered: string };
  categories: string[];
  onChange: (next: { q: string; category: string; answered: string }) => void;
}) {
  return (
    <form class="filters problem-filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <div class="field">
        <label for="problems-q">{t("problems.search")}</label>
        <input
          id="problems-q"
          type="search"
          value={value.q}
          onInput={(event) => onChange({ ...value, q: event.currentTarget.value })}
        />
      </div>
      <div class="field">
        <label for="problems-category">{t("problems.category")}</label>
        <select
          id="problems-category"
          value={value.category}
          onChange={(event) => onChange({ ...value, category: event.currentTarget.value })}
        >
          <option value="">{t("problems.allCategories")}</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="problems-answered">{t("problems.answered")}</label>
        <select
          id="problems-answered"
          value={value.answered}
          onChange={(event) => onChange({ ...value, answered: event.currentTarget.value })}
        >
          <option value="">{t("problems.answeredAll")}</option>
          <option value="false">{t("problems.answeredNo")}</option>
          <option value="true">{t("problems.answeredYes")}</option>
        </select>
      </div>
    </form>
  );
}

function ProblemBank({ user }: { user: Me }) {
  const [input, setInput] = useState({ q: "", category: "", answered: "" });
  const q = useDebounced(input.q.trim(), 300);
  const filters: ProblemFilters = {
    ...(q ? { q } : {}),
    ...(input.category ? { category: input.category } : {}),
    ...(input.answered === "true" || input.answered === "false" ? { answered: input.answered } : {}),
  };
  const [page, reload] = useResource(
    (signal) => listProblems(filters, undefined, signal),
    [q, input.category, input.answered],
  );
  const [categories, setCategories] = useState<string[]>([]);
  const [more, setMore] = useState<{ items: ProblemSummary[]; nextCursor: string | null } | null>(null);
  const [moreState, setMoreState] = useState<"idle" | "loading" | ApiProblem>("idle");
  useEffect(() => {
    setMore(null);
    setMoreState("idle");
    if (page.kind === "ready" && page.value.categories.length > 0) setCategories(page.value.categories);
  }, [page]);

  const loadMore = async (cursor: string) => {
    setMoreState("loading");
    try {
      const next = await listProblems(filters, cursor);
      setMore((current) => ({ items: [...(current?.items ?? []), ...next.items], nextCursor: next.nextCursor }));
      setMoreState("idle");
    } catch (error) {
      setMoreState(toApiProblem(error));
    }
  };
  const filtered = Boolean(q || input.category || input.answered);

  return (
    <div class="problems-page">
      <div class="page-head">
        <div>
          <h1>{t("problems.title")}</h1>
          <p class="lead">{t("problems.lead")}</p>
        </div>
        {user.can.manageProblems && (
          <div class="button-row">
            <a class="button" href={PROBLEM_IMPORT_PATH}>
              {t("problems.import")}
            </a>
            <a class="button button-secondary" href={NEW_PROBLEM_PATH}>
              {t("problems.newChallenge")}
            </a>
          </div>
        )}
      </div>
      <Filters value={input} categories={categories} onChange={setInput} />
      <ResourceView resource={page} loading={t("problems.loading")} onRetry={reload}>
        {(value) => {
          const items = [...value.items, ...(more?.items ?? [])];
          const cursor = more ? more.nextCursor : value.nextCursor;
          if (items.length === 0)
            return (
              <div class="empty-state">
                <h2>{filtered ? t("problems.noMatch") : t("problems.empty")}</h2>
                <p>{user.can.manageProblems ? t("problems.emptyAdmin") : t("problems.emptyHint")}</p>
              </div>
            );
          return (
            <>
              <ul class="idea-cards">
                {items.map((p) => (
                  <ProblemCard key={p.id} problem={p} />
                ))}
              </ul>
              {cursor && (
                <div class="load-more">
                  {typeof moreState === "object" && <ProblemMessage problem={moreState} />}
                  <button
                    type="button"
                    class="button button-secondary"
                    aria-disabled={moreState === "loading" ? "true" : undefined}
                    onClick={() => moreState !== "loading" && void loadMore(cursor)}
                  >
                    {moreState === "loading" ? t("ideas.loadingMore") : t("ideas.loadMore")}
                  </button>
                </div>
              )}
            </>
          );
        }}
      </ResourceView>
    </div>
  );
}

/** `/masalah`: the agency's problem bank — grouped citizen complaints and challenges — to find a problem worth solving. */
export default function ProblemsPage() {
  usePageTitle("problems.title");
  return <RequireSignIn>{(user) => <ProblemBank user={user} />}</RequireSignIn>;
}
