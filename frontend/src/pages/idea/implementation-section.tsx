import { useState } from "preact/hooks";
import {
  addUpdate,
  getImplementation,
  listUpdates,
  type ImplementationReport,
  type ImplementationUpdate,
} from "../../api/implementation";
import { attachmentUrl, type IdeaDetail } from "../../api/ideas";
import { ApiProblem } from "../../api/problem";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { formatBytes, formatDate, formatNumber } from "../../lib/format";
import { useResource } from "../../lib/use-resource";
import { currentUser } from "../../models/session";
import { UpdateForm } from "./update-form";

type Loaded = { report: ImplementationReport | null; updates: ImplementationUpdate[]; nextCursor: string | null };

async function loadAll(ideaId: number, signal: AbortSignal): Promise<Loaded> {
  const [report, page] = await Promise.all([
    getImplementation(ideaId, signal).catch((error: unknown) => {
      if (error instanceof ApiProblem && error.status === 404) return null;
      throw error;
    }),
    listUpdates(ideaId, undefined, signal),
  ]);
  return { report, updates: page.items, nextCursor: page.nextCursor };
}

function Report({ idea, report }: { idea: IdeaDetail; report: ImplementationReport }) {
  return (
    <div class="impl-report">
      <dl class="details">
        <div>
          <dt>{t("impl.since")}</dt>
          <dd>{formatDate(report.implementedOn)}</dd>
        </div>
        <div>
          <dt>{t("impl.unitLabel")}</dt>
          <dd>{report.unit.name}</dd>
        </div>
      </dl>
      <p class="prewrap">{report.summary}</p>
      {report.results && (
        <>
          <h3>{t("impl.results")}</h3>
          <p class="prewrap">{report.results}</p>
        </>
      )}
      {report.evidence.length > 0 && (
        <>
          <h3>{t("impl.evidenceLabel")}</h3>
          <ul class="attachments">
            {report.evidence.map((file) => (
              <li key={file.id}>
                <a href={attachmentUrl(idea.id, file.id)} download={file.fileName}>
                  {t("idea.download", { name: file.fileName, size: formatBytes(file.size) })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="muted">{t("impl.reportedBy", { name: report.reportedBy.name, date: formatDate(report.createdAt) })}</p>
    </div>
  );
}

function Update({ update }: { update: ImplementationUpdate }) {
  return (
    <li class="impl-update">
      <p class="impl-update-meta">
        {t("impl.updateMeta", { name: update.author.name, date: formatDate(update.createdAt) })}
      </p>
      <p class="prewrap">{update.body}</p>
      {update.figures.length > 0 && (
        <dl class="impl-figures">
          {update.figures.map((f, i) => (
            <div key={i}>
              <dt>{f.label}</dt>
              <dd>
                {formatNumber(f.value)}
                {f.unit && ` ${f.unit}`}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

/**
 * An implemented idea's report (date, unit, summary, results, evidence) and the team's progress
 * updates, newest first; its team, chair and admins add updates with figures.
 */
export function ImplementationSection({ idea }: { idea: IdeaDetail }) {
  const [state, reload, set] = useResource((signal) => loadAll(idea.id, signal), [idea.id, idea.status]);
  const [more, setMore] = useState(false);
  if (idea.status !== "implemented") return null;
  // as the server decides: the team, the campaign's chair, the agency's admins
  const mayUpdate =
    idea.viewer.isAuthor || idea.viewer.committeeRole === "chair" || currentUser.value?.can.manageReviews === true;

  const loadMore = async (value: Loaded) => {
    if (!value.nextCursor || more) return;
    setMore(true);
    try {
      const page = await listUpdates(idea.id, value.nextCursor);
      set({ ...value, updates: [...value.updates, ...page.items], nextCursor: page.nextCursor });
    } finally {
      setMore(false);
    }
  };

  return (
    <section class="idea-section impl-section" aria-labelledby="impl-title">
      <h2 id="impl-title">{t("impl.reportTitle")}</h2>
      {state.kind === "loading" && <Loading label={t("impl.loading")} />}
      {state.kind === "problem" && <ProblemMessage problem={state.problem} onRetry={reload} />}
      {state.kind === "ready" && (
        <>
          {state.value.report ? (
            <Report idea={idea} report={state.value.report} />
          ) : (
            <p class="muted">{t("impl.missing")}</p>
          )}
          <h3 id="impl-updates-title">{t("impl.updatesTitle")}</h3>
          {state.value.updates.length === 0 ? (
            <p class="muted">{t("impl.updatesEmpty")}</p>
          ) : (
            <ol class="impl-updates" aria-labelledby="impl-updates-title">
              {state.value.updates.map((u) => (
                <Update key={u.id} update={u} />
              ))}
            </ol>
          )}
          {state.value.nextCursor && (
            <button type="button" class="button button-secondary" onClick={() => void loadMore(state.value)}>
              {more ? t("idea.working") : t("impl.updatesMore")}
            </button>
          )}
          {mayUpdate && state.value.report && (
            <UpdateForm
              onPost={async (body) => {
                const posted = await addUpdate(idea.id, body);
                set({ ...state.value, updates: [posted, ...state.value.updates] });
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
