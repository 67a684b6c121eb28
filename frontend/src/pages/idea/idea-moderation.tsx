import { useState } from "preact/hooks";
import type { IdeaDetail } from "../../api/ideas";
import { hideIdea, reportIdea, restoreIdea } from "../../api/moderation";
import { ReasonDialog } from "../../components/reason-dialog";
import { t } from "../../i18n";
import { MODERATION_PATH } from "../../lib/admin-paths";
import { formatDate, formatNumber } from "../../lib/format";
import { loadIdea } from "../../models/idea";
import { currentUser } from "../../models/session";

/** A hidden idea, as its team and the admins see it: when, and the admin's reason. */
export function HiddenNotice({ idea }: { idea: IdeaDetail }) {
  const hidden = idea.moderation.hidden;
  if (!hidden) return null;
  return (
    <div class="notice moderation-notice" role="note">
      <p>{t("ideaModeration.hiddenNotice", { date: formatDate(hidden.at), reason: hidden.reason })}</p>
      <p>{t("ideaModeration.hiddenTeam")}</p>
    </div>
  );
}

type Dialog = "report" | "hide" | "restore";

const DIALOG = {
  report: { title: "ideaModeration.reportTitle", text: "ideaModeration.reportText", submit: "ideaModeration.report" },
  hide: { title: "moderation.hideIdeaTitle", text: "moderation.hideIdeaText", submit: "ideaModeration.hide" },
  restore: { title: "moderation.restoreTitle", text: "moderation.restoreText", submit: "ideaModeration.restore" },
} as const;

/**
 * Reporting the idea to the admins (anyone outside its team), and for the admins: how many reports
 * wait, hiding it or showing it again. Each asks for its reason first.
 */
export function IdeaModeration({ idea }: { idea: IdeaDetail }) {
  const [open, setOpen] = useState<Dialog | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const isAdmin = currentUser.value?.can.moderate ?? false;
  const onTeam = idea.team.some((m) => m.userId === currentUser.value?.id) || idea.viewer.isAuthor;
  const out = idea.status !== "draft" && idea.status !== "withdrawn" && idea.status !== "merged";
  const canReport = out && !onTeam && !idea.moderation.hidden && !idea.moderation.reportedByMe;
  const pending = idea.moderation.reportCount ?? 0;
  if (!out || (!isAdmin && !canReport && !idea.moderation.reportedByMe && !done)) return null;

  const run = async (reason: string) => {
    if (open === "report") await reportIdea(idea.id, reason);
    if (open === "hide") await hideIdea(idea.id, reason);
    if (open === "restore") await restoreIdea(idea.id, reason);
    if (open === "report") setDone(t("ideaModeration.reported"));
    await loadIdea(idea.id, true);
  };

  return (
    <section class="card idea-side-card" aria-label={t("admin.moderation")}>
      {done && (
        <p class="notice notice-ok" role="status">
          {done}
        </p>
      )}
      {!done && idea.moderation.reportedByMe && <p class="muted">{t("ideaModeration.alreadyReported")}</p>}
      {isAdmin && pending > 0 && (
        <p>
          <a class="link-alone" href={MODERATION_PATH}>
            {t("ideaModeration.reportsPending", { count: formatNumber(pending) })}
          </a>
        </p>
      )}
      <div class="button-row">
        {canReport && (
          <button class="link-button" type="button" onClick={() => setOpen("report")}>
            {t("ideaModeration.report")}
          </button>
        )}
        {isAdmin && !idea.moderation.hidden && (
          <button class="link-button link-danger" type="button" onClick={() => setOpen("hide")}>
            {t("ideaModeration.hide")}
          </button>
        )}
        {isAdmin && idea.moderation.hidden && (
          <button class="link-button" type="button" onClick={() => setOpen("restore")}>
            {t("ideaModeration.restore")}
          </button>
        )}
      </div>
      {open && (
        <ReasonDialog
          id={`idea-${open}`}
          fieldId="idea-moderation-reason"
          title={t(DIALOG[open].title)}
          text={t(DIALOG[open].text)}
          submitLabel={t(DIALOG[open].submit)}
          danger={open === "hide"}
          submit={run}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}
