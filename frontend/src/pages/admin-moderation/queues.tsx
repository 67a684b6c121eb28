import type { ComponentChildren } from "preact";
import {
  dismissCommentReports,
  dismissIdeaReports,
  hideIdea,
  listHidden,
  listReportedComments,
  listReportedIdeas,
  restoreComment,
  restoreIdea,
} from "../../api/moderation";
import { hideComment } from "../../api/discussion";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { formatDateTime, formatNumber } from "../../lib/format";
import { ideaPath } from "../../lib/idea-paths";
import { useResource } from "../../lib/use-resource";
import type { Pending } from "./moderation-dialog";

type Page<T> = { items: T[]; nextCursor: string | null };
type Ask = (pending: Pending) => void;

/** A queue of the page: its items a page at a time, or what it says when there are none. */
function Queue<T>(props: {
  id: string;
  title: string;
  empty: string;
  version: number;
  load: (cursor?: string) => Promise<Page<T>>;
  children: (item: T) => ComponentChildren;
}) {
  const [pages, reload, set] = useResource<Page<T>>(() => props.load(), [props.version]);
  const more = async (page: Page<T>) => {
    if (!page.nextCursor) return;
    const next = await props.load(page.nextCursor);
    set({ items: [...page.items, ...next.items], nextCursor: next.nextCursor });
  };
  return (
    <section class="card" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <ResourceView resource={pages} loading={t("moderation.loading")} onRetry={reload}>
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <p class="empty-state">{props.empty}</p>
            ) : (
              <ul class="moderation-list">{page.items.map((item) => props.children(item))}</ul>
            )}
            {page.nextCursor && (
              <button class="button button-secondary" type="button" onClick={() => void more(page)}>
                {t("moderation.more")}
              </button>
            )}
          </>
        )}
      </ResourceView>
    </section>
  );
}

function Reasons({ reports }: { reports: { reason: string; at: string }[] }) {
  return (
    <ul class="report-reasons">
      {reports.map((r, i) => (
        <li key={i}>{t("moderation.reportAt", { date: formatDateTime(r.at), reason: r.reason })}</li>
      ))}
    </ul>
  );
}

function Actions(props: { title: string; onHide?: () => void; onDismiss?: () => void; onRestore?: () => void }) {
  return (
    <div class="button-row">
      {props.onHide && (
        <button
          class="button button-danger"
          type="button"
          aria-label={t("moderation.hideLabel", { title: props.title })}
          onClick={props.onHide}
        >
          {t("moderation.hide")}
        </button>
      )}
      {props.onDismiss && (
        <button
          class="button button-secondary"
          type="button"
          aria-label={t("moderation.dismissLabel", { title: props.title })}
          onClick={props.onDismiss}
        >
          {t("moderation.dismiss")}
        </button>
      )}
      {props.onRestore && (
        <button
          class="button button-secondary"
          type="button"
          aria-label={t("moderation.restoreLabel", { title: props.title })}
          onClick={props.onRestore}
        >
          {t("moderation.restore")}
        </button>
      )}
    </div>
  );
}

export function ReportedIdeas({ version, ask }: { version: number; ask: Ask }) {
  return (
    <Queue
      id="reported-ideas"
      title={t("moderation.ideas")}
      empty={t("moderation.ideasEmpty")}
      version={version}
      load={listReportedIdeas}
    >
      {(idea) => (
        <li key={idea.id} class="moderation-item">
          <h3>
            <a href={ideaPath(idea.id)}>{idea.title}</a>
          </h3>
          <p class="muted">
            {t("moderation.byUnit", { name: idea.author.name, unit: idea.author.unitName })} ·{" "}
            <strong>{t("moderation.reports", { count: formatNumber(idea.reportCount) })}</strong>
          </p>
          <p class="moderation-excerpt">{idea.excerpt}</p>
          <Reasons reports={idea.reports} />
          <Actions
            title={idea.title}
            onHide={() => ask({ action: "hide", kind: "idea", run: (reason) => hideIdea(idea.id, reason) })}
            onDismiss={() => ask({ action: "dismiss", kind: "idea", run: () => dismissIdeaReports(idea.id) })}
          />
        </li>
      )}
    </Queue>
  );
}

export function ReportedComments({ version, ask }: { version: number; ask: Ask }) {
  return (
    <Queue
      id="reported-comments"
      title={t("moderation.comments")}
      empty={t("moderation.commentsEmpty")}
      version={version}
      load={listReportedComments}
    >
      {(comment) => (
        <li key={comment.id} class="moderation-item">
          <h3>
            <a href={ideaPath(comment.idea.id)}>{t("moderation.onIdea", { title: comment.idea.title })}</a>
          </h3>
          <p class="muted">
            {t("moderation.byUnit", { name: comment.author.name, unit: comment.author.unitName ?? "" })} ·{" "}
            <strong>{t("moderation.reports", { count: formatNumber(comment.reportCount ?? 0) })}</strong>
          </p>
          <blockquote class="moderation-excerpt prewrap">{comment.body}</blockquote>
          <Reasons reports={comment.reports} />
          <Actions
            title={comment.idea.title}
            onHide={() => ask({ action: "hide", kind: "comment", run: (reason) => hideComment(comment.id, reason) })}
            onDismiss={() => ask({ action: "dismiss", kind: "comment", run: () => dismissCommentReports(comment.id) })}
          />
        </li>
      )}
    </Queue>
  );
}

export function HiddenItems({ version, ask }: { version: number; ask: Ask }) {
  return (
    <Queue
      id="hidden-items"
      title={t("moderation.hidden")}
      empty={t("moderation.hiddenEmpty")}
      version={version}
      load={listHidden}
    >
      {(item) => (
        <li key={`${item.kind}-${item.id}`} class="moderation-item">
          <p class="eyebrow">{t(`moderation.kind.${item.kind}`)}</p>
          <h3>
            <a href={ideaPath(item.idea.id)}>
              {item.kind === "idea" ? item.idea.title : t("moderation.onIdea", { title: item.idea.title })}
            </a>
          </h3>
          <p class="muted">{t("moderation.by", { name: item.author.name })}</p>
          <p class="moderation-excerpt prewrap">{item.excerpt}</p>
          <p class="notice">
            {t("moderation.hiddenBecause", {
              date: formatDateTime(item.hiddenAt),
              name: item.hiddenBy?.name ?? "—",
              reason: item.reason,
            })}
          </p>
          <Actions
            title={item.idea.title}
            onRestore={() =>
              ask({
                action: "restore",
                kind: item.kind,
                run: (reason) =>
                  item.kind === "idea" ? restoreIdea(item.id, reason) : restoreComment(item.id, reason),
              })
            }
          />
        </li>
      )}
    </Queue>
  );
}
