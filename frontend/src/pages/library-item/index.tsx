import { useEffect } from "preact/hooks";
import { useRoute } from "preact-iso";
import { getLibraryItem, type LibraryDetail } from "../../api/library";
import { Loading } from "../../components/loading";
import { CalendarIcon, ReplicateIcon } from "../../components/meta-icons";
import { ProblemMessage } from "../../components/problem-message";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { formatDate } from "../../lib/format";
import { idOf, LIBRARY_PATH, newIdeaPath } from "../../lib/idea-paths";
import { useResource } from "../../lib/use-resource";
import { useTextTitle } from "../../lib/use-text-title";
import { rememberOpened } from "../../models/library";
import { currentUser } from "../../models/session";
import { replicatedByText } from "../idea/idea-header";
import NotFoundPage from "../not-found/index";
import { LineageTree } from "./lineage-tree";
import "../../styles/ideas.css";
import "../../styles/career.css";

const SECTIONS = [
  ["problem", "idea.problem"],
  ["solution", "idea.solution"],
  ["benefit", "idea.benefit"],
] as const;

/** What the implementing team reported: the report, its results and the newest updates. */
function Results({ item }: { item: LibraryDetail }) {
  const report = item.implementation;
  if (!report) return <p class="muted">{t("libraryx.noReport")}</p>;
  return (
    <>
      <p class="prewrap">{report.summary}</p>
      {report.results && (
        <p class="prewrap">
          <strong>{t("libraryx.results")}</strong> {report.results}
        </p>
      )}
      {item.updates.length > 0 && (
        <ul class="library-updates">
          {item.updates.map((u) => (
            <li key={u.createdAt}>
              <time dateTime={u.createdAt}>{formatDate(u.createdAt)}</time>
              <p class="prewrap">{u.body}</p>
              {u.figures.length > 0 && (
                <p class="muted">{u.figures.map((f) => `${f.label}: ${f.value} ${f.unit}`).join(" · ")}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The innovation as the library shows it, read-only, with "Replikasi ide ini" for other agencies. */
function LibraryItemView({ item }: { item: LibraryDetail }) {
  useTextTitle(item.title);
  const own = currentUser.value?.agency.id === item.agency.id;
  return (
    <article class="idea-page library-item">
      <p class="back-link">
        <a href={LIBRARY_PATH}>← {t("library.back")}</a>
      </p>
      <header class="idea-head">
        <p class="eyebrow">
          {item.agency.name} · {item.region}
        </p>
        <h1 class="idea-title">{item.title}</h1>
        <p class="idea-byline">
          {item.unitName}
          {item.category && ` · ${item.category}`}
          {item.form && ` · ${t(`libraryx.form.${item.form}`)}`}
        </p>
        <ul class="meta-list">
          <li>
            <ReplicateIcon />
            {replicatedByText(item.replicationCount) ?? t("library.notReplicated")}
          </li>
          {item.implementedAt && (
            <li>
              <CalendarIcon />
              <time dateTime={item.implementedAt}>
                {t("library.implementedOn", { date: formatDate(item.implementedAt) })}
              </time>
            </li>
          )}
        </ul>
      </header>
      <div class="button-row">
        {own ? (
          <p class="notice">{t("library.ownAgency")}</p>
        ) : (
          <a class="button" href={newIdeaPath({ replicatesId: item.id })}>
            {t("library.replicate")}
          </a>
        )}
      </div>
      <div class="idea-main library-body">
        {SECTIONS.map(([field, label]) => (
          <section key={field} class="idea-section" aria-labelledby={`library-${field}-title`}>
            <h2 id={`library-${field}-title`}>{t(label)}</h2>
            <p class="prewrap">{item[field]}</p>
          </section>
        ))}
        {item.targetService && (
          <section class="idea-section" aria-labelledby="library-service-title">
            <h2 id="library-service-title">{t("idea.targetService")}</h2>
            <p>{item.targetService}</p>
          </section>
        )}
        <section class="idea-section" aria-labelledby="library-results-title">
          <h2 id="library-results-title">{t("libraryx.implementation")}</h2>
          <Results item={item} />
        </section>
        <section class="idea-section" aria-labelledby="library-lineage-title">
          <h2 id="library-lineage-title">{t("libraryx.lineage")}</h2>
          <LineageTree item={item} />
        </section>
      </div>
    </article>
  );
}

function LibraryItemLoader({ id }: { id: number }) {
  const [state, reload] = useResource((signal) => getLibraryItem(id, signal), [id]);
  useEffect(() => {
    if (state.kind === "ready" && state.value) rememberOpened(state.value);
  }, [state]);
  if (state.kind === "loading") return <Loading label={t("library.loading")} />;
  if (state.kind === "problem") return <ProblemMessage problem={state.problem} onRetry={reload} />;
  if (state.value === null) {
    return (
      <div class="notice">
        <p>{t("library.notFound")}</p>
        <a href={LIBRARY_PATH}>{t("library.back")}</a>
      </div>
    );
  }
  return <LibraryItemView key={state.value.id} item={state.value} />;
}

/** `/pustaka/:id`: one implemented innovation, from the library (any agency's), fetched by its id. */
export default function LibraryItemPage() {
  const { params } = useRoute();
  const id = idOf(params.id);
  if (id === null) return <NotFoundPage />;
  return <RequireSignIn>{() => <LibraryItemLoader id={id} />}</RequireSignIn>;
}
