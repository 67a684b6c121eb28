import { t } from "../i18n";
import { problemText } from "../i18n/problem-text";
import { editIdeaPath } from "../lib/idea-paths";
import { draftSyncResults } from "../models/device-drafts";

const dismiss = () => (draftSyncResults.value = []);

/**
 * Tells the person what became of drafts kept on this device and sent in the background (after
 * the connection returned, or on this visit): saved, with a link, or not yet and why. A live
 * region that is always there, so the news is announced.
 */
export function DraftSyncNotice() {
  const results = draftSyncResults.value;
  return (
    <div class="draft-sync" role="status">
      {results.length > 0 && (
        <div class="container">
          <div class="notice draft-sync-notice">
            <ul class="draft-sync-list">
              {results.map((result) => {
                const title = result.title || t("deviceDraft.untitled");
                return result.kind === "saved" ? (
                  <li key={result.key}>
                    {t("deviceDraft.syncedOne", { title })}{" "}
                    <a href={editIdeaPath(result.ideaId)} onClick={dismiss}>
                      {t("deviceDraft.open")}
                    </a>
                  </li>
                ) : (
                  <li key={result.key}>{t("deviceDraft.syncFailed", { title, reason: problemText(result.code) })}</li>
                );
              })}
            </ul>
            <button type="button" class="link-button" onClick={dismiss}>
              {t("deviceDraft.dismiss")}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
