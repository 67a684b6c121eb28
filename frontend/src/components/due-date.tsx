import { t } from "../i18n";
import { formatDateTime } from "../lib/format";
import { formatRelative } from "../lib/relative-time";

function WarningIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" class="due-icon">
      <path d="M8 1.8 15 14H1L8 1.8Z" fill="currentColor" />
      <path d="M8 6v3.6M8 11.6v.2" stroke="#fff" stroke-width="1.6" stroke-linecap="round" />
    </svg>
  );
}

/**
 * A due date with how far it is ("Tenggat 30 Nov 2026, 12.35 · 3 hari lagi"); past it, a warning
 * icon and the word "Terlambat" (never the colour alone).
 * @param done the work was handed in: the date is shown plainly
 */
export function DueDate({ dueAt, overdue, done = false }: { dueAt: string; overdue: boolean; done?: boolean }) {
  const late = overdue && !done;
  return (
    <span class={late ? "due due-late" : "due"}>
      {late && <WarningIcon />}
      {late ? t("due.late") : t("due.label")} <time dateTime={dueAt}>{formatDateTime(dueAt)}</time>
      {!done && <span class="due-relative"> · {formatRelative(dueAt)}</span>}
    </span>
  );
}
