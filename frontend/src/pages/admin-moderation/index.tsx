import { useState } from "preact/hooks";
import { t } from "../../i18n";
import { AdminPage } from "../admin/admin-access";
import { ModerationDialog, type Pending } from "./moderation-dialog";
import { HiddenItems, ReportedComments, ReportedIdeas } from "./queues";
import "../../styles/ideas.css";
import "../../styles/admin.css";

const DONE = {
  hide: "moderation.hidDone",
  restore: "moderation.restoredDone",
  dismiss: "moderation.dismissedDone",
} as const;

function ModerationView() {
  const [pending, setPending] = useState<Pending | null>(null);
  // every queue asks again after any decision: an item moves from a queue to "hidden" or back
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState("");
  const ask = (next: Pending) =>
    setPending({
      ...next,
      run: async (reason) => {
        await next.run(reason);
        setStatus(t(DONE[next.action]));
        setVersion((v) => v + 1);
      },
    });
  return (
    <>
      <p role="status" aria-live="polite" class={status ? "notice notice-ok" : "visually-hidden"}>
        {status}
      </p>
      <div class="moderation-grid">
        <ReportedIdeas version={version} ask={ask} />
        <ReportedComments version={version} ask={ask} />
        <HiddenItems version={version} ask={ask} />
      </div>
      {pending && <ModerationDialog pending={pending} onClose={() => setPending(null)} />}
    </>
  );
}

/** `/admin/moderasi`: reported ideas and comments with their reasons, and what was hidden. */
export default function AdminModerationPage() {
  return (
    <AdminPage ability="moderate" title="moderation.title" lead={t("moderation.lead")}>
      <ModerationView />
    </AdminPage>
  );
}
