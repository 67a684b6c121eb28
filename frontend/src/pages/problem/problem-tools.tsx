import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { listProblems, mergeProblem, renameProblem, splitProblem, type Problem } from "../../api/problems";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { problemPath } from "../../lib/problem-paths";
import { useResource } from "../../lib/use-resource";
import { PROBLEM_TITLE_MAX } from "../../api/contract";

type Run = (work: () => Promise<void>) => Promise<void>;

function useRun(): [Run, boolean, ApiProblem | null] {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const run: Run = async (work) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  };
  return [run, busy, problem];
}

function Rename({ problem, onChanged }: { problem: Problem; onChanged: (p: Problem) => void }) {
  const [title, setTitle] = useState(problem.title);
  const [run, busy, failure] = useRun();
  return (
    <form
      class="form"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => onChanged(await renameProblem(problem.id, { title })));
      }}
    >
      <div class="field">
        <label for="problem-rename">{t("problemTools.renameLabel")}</label>
        <input
          id="problem-rename"
          value={title}
          maxLength={PROBLEM_TITLE_MAX}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </div>
      {failure && <ProblemMessage problem={failure} />}
      <button class="button button-secondary" type="submit" aria-disabled={busy ? "true" : undefined}>
        {t("problemTools.rename")}
      </button>
    </form>
  );
}

function Merge({ problem }: { problem: Problem }) {
  const { route } = useLocation();
  const [others] = useResource(
    (signal) => listProblems({ ...(problem.category ? { category: problem.category } : {}) }, undefined, signal),
    [problem.id],
  );
  const [target, setTarget] = useState("");
  const [run, busy, failure] = useRun();
  const options = others.kind === "ready" ? others.value.items.filter((p) => p.id !== problem.id) : [];
  return (
    <form
      class="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!target) return;
        void run(async () => route(problemPath((await mergeProblem(problem.id, Number(target))).id)));
      }}
    >
      <div class="field">
        <label for="problem-merge">{t("problemTools.mergeLabel")}</label>
        <select id="problem-merge" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
          <option value="">{t("problemTools.mergeChoose")}</option>
          {options.map((p) => (
            <option key={p.id} value={String(p.id)}>
              {p.title} ({p.complaintCount})
            </option>
          ))}
        </select>
      </div>
      {failure && <ProblemMessage problem={failure} />}
      <button class="button button-secondary" type="submit" aria-disabled={busy || !target ? "true" : undefined}>
        {t("problemTools.merge")}
      </button>
    </form>
  );
}

function Split({ problem, selected }: { problem: Problem; selected: number[] }) {
  const { route } = useLocation();
  const [title, setTitle] = useState("");
  const [run, busy, failure] = useRun();
  return (
    <form
      class="form"
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => route(problemPath((await splitProblem(problem.id, selected, title)).id)));
      }}
    >
      <p class="field-hint">{t("problemTools.splitHint", { count: String(selected.length) })}</p>
      <div class="field">
        <label for="problem-split">{t("problemTools.splitLabel")}</label>
        <input
          id="problem-split"
          value={title}
          maxLength={PROBLEM_TITLE_MAX}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </div>
      {failure && <ProblemMessage problem={failure} />}
      <button
        class="button button-secondary"
        type="submit"
        aria-disabled={busy || selected.length === 0 ? "true" : undefined}
        disabled={selected.length === 0}
      >
        {t("problemTools.split")}
      </button>
    </form>
  );
}

/** The admin's corrections of the grouping: a better name, two problems that are one, one that is two. */
export function ProblemTools({
  problem,
  selected,
  onChanged,
}: {
  problem: Problem;
  selected: number[];
  onChanged: (p: Problem) => void;
}) {
  return (
    <section class="card problem-tools" aria-labelledby="problem-tools-title">
      <h2 id="problem-tools-title">{t("problemTools.title")}</h2>
      <Rename problem={problem} onChanged={onChanged} />
      <Merge problem={problem} />
      {problem.complaints.length > 1 && <Split problem={problem} selected={selected} />}
    </section>
  );
}
