import type { IdeaDetail, IdeaEvent, IdeaStatus } from "../../api/ideas";
import { IDEA_STATUSES } from "../../api/contract";
import { t } from "../../i18n";
import { formatDateTime } from "../../lib/format";

const STATUSES: ReadonlySet<string> = new Set(IDEA_STATUSES);
const isStatus = (value: string | null): value is IdeaStatus => value !== null && STATUSES.has(value);

const EVENT_ACTIONS = [
  "create",
  "submit",
  "withdraw",
  "start_review",
  "shortlist",
  "approve",
  "reject",
  "implement",
  "merge",
  "absorb",
] as const;
type EventAction = (typeof EVENT_ACTIONS)[number];
const isEventAction = (action: string): action is EventAction => (EVENT_ACTIONS as readonly string[]).includes(action);

/** The event's action in words; an action this version does not know still reads sensibly. */
const actionText = (action: string) => (isEventAction(action) ? t(`ideaEvent.${action}`) : t("ideaEvent.other"));

const statusText = (status: string) => (isStatus(status) ? t(`ideaStatus.${status}`) : status);

function HistoryEntry({ event, blind }: { event: IdeaEvent; blind: boolean }) {
  const changed = event.fromStatus !== null && event.fromStatus !== event.toStatus;
  return (
    <li class={`history-entry${isStatus(event.toStatus) ? ` history-${event.toStatus}` : ""}`}>
      <span class="history-dot" aria-hidden="true" />
      <p class="history-what">
        <strong>{actionText(event.action)}</strong>{" "}
        {event.actor ? t("idea.historyBy", { name: event.actor.name }) : blind ? null : t("idea.historySystem")}
      </p>
      <p class="history-when">
        <time dateTime={event.at}>{formatDateTime(event.at)}</time>
        {changed && (
          <span class="history-change">
            {" · "}
            {t("idea.historyFromTo", { from: statusText(event.fromStatus!), to: statusText(event.toStatus) })}
          </span>
        )}
      </p>
      {event.reason && (
        <blockquote class="history-reason">
          <p>
            <span class="visually-hidden">{t("idea.reason")}: </span>
            {event.reason}
          </p>
        </blockquote>
      )}
    </li>
  );
}

/** Every step of the idea, oldest first: who did what, when, and why. */
export function IdeaHistory({ idea }: { idea: IdeaDetail }) {
  // ISO times sort as plain strings (a locale-aware compare costs far more)
  const events = [...idea.events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
  return (
    <section class="idea-section" aria-labelledby="idea-history-title">
      <h2 id="idea-history-title">{t("idea.history")}</h2>
      <ol class="history">
        {events.map((event) => (
          <HistoryEntry key={event.id} event={event} blind={idea.blind} />
        ))}
      </ol>
    </section>
  );
}
