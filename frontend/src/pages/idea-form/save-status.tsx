import { NETWORK_UNREACHABLE } from "../../api/problem";
import { t } from "../../i18n";
import { problemText } from "../../i18n/problem-text";
import { formatTime } from "../../lib/format";
import type { DraftEditor } from "../../models/idea-draft";

/**
 * "Tersimpan 10.42", "Menyimpan…", "Gagal menyimpan — akan dicoba lagi": what autosave is doing,
 * as a status line screen readers hear without losing their place.
 */
export function SaveStatus({ editor }: { editor: DraftEditor }) {
  const state = editor.save.value;
  let text: string;
  let tone = "";
  switch (state.kind) {
    case "idle":
      text = editor.id.value === null ? t("autosave.idle") : "";
      break;
    case "needs-title":
      text = t("autosave.needsTitle");
      break;
    case "pending":
      text = t("autosave.pending");
      break;
    case "saving":
      text = t("autosave.saving");
      break;
    case "saved":
      text = t(state.fromDevice ? "deviceDraft.savedAfterOffline" : "autosave.saved", { time: formatTime(state.at) });
      tone = "save-ok";
      break;
    case "offline":
      text = t("deviceDraft.offline");
      tone = "save-offline";
      break;
    case "failed":
      // say why (offline, trouble on the server); what was typed stays in the form and is retried
      text = `${t("autosave.failed")}. ${problemText(state.problem.code)}`;
      if (state.problem.code === NETWORK_UNREACHABLE) text += ` ${t("deviceDraft.kept")}`;
      tone = "save-failed";
      break;
    case "stopped":
      text = `${t("autosave.stopped")} ${problemText(state.problem.code)}`;
      tone = "save-failed";
      break;
  }
  return (
    <div class="save-status-wrap">
      <p class={`save-status ${tone}`} role="status" aria-atomic="true">
        {tone && (
          <span class="save-icon" aria-hidden="true">
            {tone === "save-ok" ? "✓" : "!"}
          </span>
        )}
        {text}
      </p>
      {state.kind === "failed" && (
        <button type="button" class="link-button" onClick={() => void editor.flush()}>
          {t("autosave.retryNow")}
        </button>
      )}
    </div>
  );
}
