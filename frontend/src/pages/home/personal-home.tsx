import type { ComponentChildren } from "preact";
import { getHome, type Home, type HomeFeedEntry, type HomeTodo } from "../../api/home";
import type { Me } from "../../api/auth";
import { DueDate } from "../../components/due-date";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { locale } from "../../i18n/locale";
import { MODERATION_PATH } from "../../lib/admin-paths";
import { awardPath, NEW_AWARD_PATH } from "../../lib/award-paths";
import { formatDate, formatNumber } from "../../lib/format";
import { campaignPath, editIdeaPath, ideaPath, IDEAS_PATH, NEW_IDEA_PATH } from "../../lib/idea-paths";
import { firstName } from "../../lib/person-name";
import { formatRelative } from "../../lib/relative-time";
import { assignmentPath, committeePath, REVIEWS_PATH } from "../../lib/review-paths";
import { useResource } from "../../lib/use-resource";
import "../../styles/home.css";

const inMyLanguage = (text: { id: string; en: string }) => (locale.value === "en" ? text.en : text.id);
/** Counts stop at 100 on the server: more than 99 reads "99+". */
const countText = (n: number) => (n > 99 ? "99+" : formatNumber(n));

/** One line of the to-do list: what, how many, where to go; optional details below. */
function TodoItem(props: {
  label: string;
  count: number;
  href: string;
  action?: string;
  children?: ComponentChildren;
}) {
  return (
    <li class="todo-item">
      <div class="todo-head">
        <span class="todo-count" aria-hidden="true">
          {countText(props.count)}
        </span>
        <a href={props.href} class="todo-link">
          {props.label}
          <span class="visually-hidden"> ({countText(props.count)})</span>
        </a>
      </div>
      {props.children}
    </li>
  );
}

function Todo({ todo }: { todo: HomeTodo }) {
  const firstDraft = todo.drafts.items[0];
  const items = [
    todo.reviewsDue.count > 0 && (
      <TodoItem key="reviews" label={t("myHome.reviewsDue")} count={todo.reviewsDue.count} href={REVIEWS_PATH}>
        {todo.reviewsDue.overdue > 0 && (
          <p class="todo-note">{t("myHome.overdue", { count: countText(todo.reviewsDue.overdue) })}</p>
        )}
        <ul class="todo-details">
          {todo.reviewsDue.items.map((r) => (
            <li key={r.assignmentId}>
              <a href={assignmentPath(r.assignmentId)}>{r.title}</a>
              <DueDate dueAt={r.dueAt} overdue={Date.parse(r.dueAt) < Date.now()} />
            </li>
          ))}
        </ul>
      </TodoItem>
    ),
    ...todo.decisions.map((d) => (
      <TodoItem
        key={`decision-${d.campaignId}`}
        label={t("myHome.decisions", { title: d.title })}
        count={d.waiting}
        href={committeePath(d.campaignId)}
      >
        <p class="todo-note">{t("myHome.decisionsWaiting", { count: countText(d.waiting) })}</p>
      </TodoItem>
    )),
    todo.invitations.count > 0 && (
      <TodoItem
        key="invitations"
        label={t("myHome.invitations")}
        count={todo.invitations.count}
        href={ideaPath(todo.invitations.items[0]!.ideaId)}
      >
        <ul class="todo-details">
          {todo.invitations.items.map((i) => (
            <li key={i.ideaId}>
              <a href={ideaPath(i.ideaId)}>{i.title}</a>
              <span class="muted">{t("myHome.invitedBy", { name: i.authorName })}</span>
            </li>
          ))}
        </ul>
      </TodoItem>
    ),
    firstDraft && (
      <TodoItem
        key="drafts"
        label={t("myHome.drafts")}
        count={todo.drafts.count}
        href={todo.drafts.count === 1 ? editIdeaPath(firstDraft.id) : `${IDEAS_PATH}?saya=1`}
      >
        <ul class="todo-details">
          {todo.drafts.items.map((d) => (
            <li key={d.id}>
              <a href={editIdeaPath(d.id)}>{d.title}</a>
              <span class="muted">{formatRelative(d.updatedAt)}</span>
            </li>
          ))}
        </ul>
      </TodoItem>
    ),
    !!todo.awardsToAnnounce && (
      <TodoItem key="awards" label={t("myHome.awards")} count={todo.awardsToAnnounce} href={NEW_AWARD_PATH} />
    ),
    !!todo.reportsToModerate && (
      <TodoItem key="reports" label={t("myHome.reports")} count={todo.reportsToModerate} href={MODERATION_PATH} />
    ),
    !!todo.notActivated && (
      <TodoItem key="people" label={t("myHome.notActivated")} count={todo.notActivated} href="/admin/pengguna" />
    ),
  ].filter(Boolean);
  return (
    <section class="card home-section" aria-labelledby="todo-title">
      <h2 id="todo-title">{t("myHome.todoTitle")}</h2>
      {items.length === 0 ? (
        <div class="empty-state">
          <p>{t("myHome.todoEmpty")}</p>
          <a class="button" href={NEW_IDEA_PATH}>
            {t("myHome.newIdea")}
          </a>
        </div>
      ) : (
        <ul class="todo-list">{items}</ul>
      )}
    </section>
  );
}

function Campaigns({ campaigns }: { campaigns: Home["campaigns"] }) {
  return (
    <section class="card home-section" aria-labelledby="campaigns-title">
      <h2 id="campaigns-title">{t("myHome.campaignsTitle")}</h2>
      {campaigns.length === 0 ? (
        <p class="empty-state">{t("myHome.campaignsEmpty")}</p>
      ) : (
        <ul class="home-campaigns">
          {campaigns.map((c) => (
            <li key={c.id}>
              <a href={campaignPath(c.id)}>{c.title}</a>
              <span class="muted">
                {t(`phase.${c.phase}`)}
                {c.deadline &&
                  ` · ${t(c.phase === "upcoming" ? "myHome.startsOn" : "myHome.until", { date: formatDate(c.deadline) })}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Rewards({ rewards }: { rewards: Home["rewards"] }) {
  return (
    <section class="card home-section" aria-labelledby="home-points-title">
      <h2 id="home-points-title">{t("myHome.pointsTitle")}</h2>
      <p class="home-points">
        <strong>{t("myHome.points", { points: formatNumber(rewards.points) })}</strong>
        <span class="chip">{inMyLanguage(rewards.level.name)}</span>
      </p>
      <p>
        {rewards.newestBadge
          ? t("myHome.newestBadge", { badge: inMyLanguage(rewards.newestBadge.name) })
          : t("myHome.noBadge")}
      </p>
      <a href="/poin" class="link-alone">
        {t("myHome.pointsLink")}
      </a>
    </section>
  );
}

function FeedItem({ entry }: { entry: HomeFeedEntry }) {
  const by = entry.leader.position
    ? t("myHome.feedBy", { name: entry.leader.name, position: entry.leader.position })
    : t("myHome.feedByNoPosition", { name: entry.leader.name });
  return (
    <li class="feed-item">
      <span class={entry.kind === "award" ? "feed-kind feed-kind-award" : "feed-kind feed-kind-implemented"}>
        {t(entry.kind === "award" ? "myHome.feedAward" : "myHome.feedImplemented")}
      </span>
      <a href={entry.kind === "award" ? awardPath(entry.id) : ideaPath(entry.id)}>{entry.title}</a>
      <span class="feed-leader">{by}</span>
      <time class="muted" dateTime={entry.at}>
        {formatRelative(entry.at)}
      </time>
    </li>
  );
}

function Feed({ feed }: { feed: Home["feed"] }) {
  return (
    <section class="card home-section" aria-labelledby="feed-title">
      <h2 id="feed-title">{t("myHome.feedTitle")}</h2>
      {feed.length === 0 ? (
        <p class="empty-state">{t("myHome.feedEmpty")}</p>
      ) : (
        <ul class="feed-list">
          {feed.map((e) => (
            <FeedItem key={`${e.kind}-${e.id}`} entry={e} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The signed-in "/": what waits for this person, then the agency's campaigns, their points, and recognition. */
export function PersonalHome({ user }: { user: Me }) {
  const [home, reload] = useResource(getHome, [user.id]);
  return (
    <>
      <section class="hero home-hero">
        <h1>{t("myHome.greeting", { name: firstName(user.name) })}</h1>
        <p class="lead">{t("myHome.lead")}</p>
      </section>
      <ResourceView resource={home} loading={t("myHome.loading")} onRetry={reload}>
        {(h) => (
          <div class="home-grid">
            <Todo todo={h.todo} />
            <Campaigns campaigns={h.campaigns} />
            <Rewards rewards={h.rewards} />
            <Feed feed={h.feed} />
          </div>
        )}
      </ResourceView>
    </>
  );
}
