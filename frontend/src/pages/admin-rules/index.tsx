import { useState } from "preact/hooks";
import { getRules, publishRules, type RuleSet } from "../../api/reward-rules";
import { ErrorSummary } from "../../components/form/error-summary";
import { ResourceView } from "../../components/resource-view";
import { t } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { useResource } from "../../lib/use-resource";
import { AdminPage } from "../admin/admin-access";
import { ConfirmDialog } from "../committee/confirm-dialog";
import { draftOf, isChanged, readDraft, type Cell, type Draft } from "./rules-draft";
import { RulesHistory } from "./rules-history";
import { RulesPreviewPanel } from "./rules-preview";
import { RulesTable } from "./rules-table";
import { StatusLine } from "../../components/status-line";
import "../../styles/ideas.css";
import "../../styles/admin.css";

function InForce({ set }: { set: RuleSet }) {
  if (set.version === 0) return <p class="muted">{t("rules.versionDefault")}</p>;
  return (
    <p class="muted">
      {t("rules.version", { version: set.version })}
      {set.updatedAt &&
        `, ${t("rules.updatedBy", { name: set.updatedBy?.name ?? "—", date: formatDateTime(set.updatedAt) })}`}
    </p>
  );
}

/** The editor of one version: the draft, its checks, the preview and publishing it. */
function RulesEditor({ set, onPublished }: { set: RuleSet; onPublished: (next: RuleSet) => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(set));
  const [shownErrors, setShownErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [asking, setAsking] = useState(false);
  const [status, setStatus] = useState("");
  const read = readDraft(set, draft);
  const changed = isChanged(set, draft);
  const next = set.version + 1;

  const change = (rule: string, cell: Cell, value: string) => {
    setDraft((d) => ({ ...d, [rule]: { ...d[rule]!, [cell]: value } }));
    setStatus("");
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if ("errors" in read) {
      setShownErrors(read.errors);
      setAttempt((n) => n + 1);
      return;
    }
    setShownErrors({});
    if (!changed) return setStatus(t("rules.unchanged"));
    setAsking(true);
  };

  // a refusal (another admin published meanwhile: `reward.rules_stale`) shows in the dialog
  const publish = async () => {
    if (!("rules" in read)) return;
    onPublished(await publishRules(set.version, read.rules));
  };

  const summary = Object.entries(shownErrors).map(([fieldId, message]) => ({ fieldId, message }));
  return (
    <>
      <form class="card rules-form" onSubmit={submit} noValidate aria-labelledby="rules-form-title">
        <h2 id="rules-form-title" class="visually-hidden">
          {t("rules.title")}
        </h2>
        <InForce set={set} />
        <p class="muted">{t("rules.noCap")}</p>
        <ErrorSummary id="rules-errors" errors={summary} attempt={attempt} />
        <RulesTable set={set} draft={draft} errors={shownErrors} onChange={change} />
        <div class="button-row">
          <button class="button" type="submit">
            {t("rules.publish", { version: next })}
          </button>
          {changed && (
            <button class="button button-secondary" type="button" onClick={() => setDraft(draftOf(set))}>
              {t("rules.reset")}
            </button>
          )}
        </div>
        <StatusLine text={status} />
      </form>
      <RulesPreviewPanel draft={"rules" in read ? read.rules : null} />
      {asking && (
        <ConfirmDialog
          id="rules-publish"
          title={t("rules.publishTitle", { version: next })}
          text={t("rules.publishText")}
          confirmLabel={t("rules.publish", { version: next })}
          onConfirm={publish}
          onClose={() => setAsking(false)}
        />
      )}
    </>
  );
}

function RulesView() {
  const [rules, reload, set] = useResource(getRules, []);
  const [published, setPublished] = useState("");
  const onPublished = (next: RuleSet) => {
    set(next);
    setPublished(t("rules.published", { version: next.version }));
  };
  return (
    <ResourceView resource={rules} loading={t("rules.loading")} onRetry={reload}>
      {(value) => (
        <div class="rules-layout">
          <p
            role="status"
            aria-live="polite"
            class={published ? "notice notice-ok rules-status" : "visually-hidden rules-status"}
          >
            {published}
          </p>
          <RulesEditor key={value.version} set={value} onPublished={onPublished} />
          <RulesHistory version={value.version} />
        </div>
      )}
    </ResourceView>
  );
}

/** `/admin/poin`: the reward rules, their bounds, a month's preview, publishing and the history. */
export default function AdminRulesPage() {
  return (
    <AdminPage ability="manageRewardRules" title="rules.title" lead={t("rules.lead")}>
      <RulesView />
    </AdminPage>
  );
}
