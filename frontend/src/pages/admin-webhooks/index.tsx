import { useState } from "preact/hooks";
import { deleteWebhook, listWebhooks, type Webhook } from "../../api/webhooks";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { ProblemMessage } from "../../components/problem-message";
import { ResourceView } from "../../components/resource-view";
import { StatusLine } from "../../components/status-line";
import { t } from "../../i18n";
import { useResource } from "../../lib/use-resource";
import { AdminPage } from "../admin/admin-access";
import { WebhookForm } from "./webhook-form";
import { WebhookLog } from "./webhook-log";
import "../../styles/ideas.css";
import "../../styles/admin.css";

/** The secret of the webhook just added: shown once, until the admin says it is saved. */
function SecretNotice({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  return (
    <section class="card notice-ok webhook-secret" role="alert" aria-labelledby="webhook-secret-title">
      <h2 id="webhook-secret-title">{t("webhooks.secretTitle", { name })}</h2>
      <p>{t("webhooks.secretLead")}</p>
      <pre class="audit-detail">
        <code>{secret}</code>
      </pre>
      <button type="button" class="button button-secondary" onClick={onDone}>
        {t("webhooks.secretDone")}
      </button>
    </section>
  );
}

function WebhookCard({ hook, onDeleted }: { hook: Webhook; onDeleted: (message: string) => void }) {
  const [showLog, setShowLog] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const stop = async () => {
    try {
      await deleteWebhook(hook.id);
      onDeleted(t("webhooks.deleted", { name: hook.name }));
    } catch (error) {
      setProblem(toApiProblem(error));
    }
  };
  return (
    <li class="card agency-card webhook-card">
      <h3>{hook.name}</h3>
      <p>
        <code>{hook.url}</code>
      </p>
      <p class="muted">
        {t("webhooks.kindCount", { count: hook.kinds.length })} · {t("webhooks.counts", hook.deliveries)}
      </p>
      {problem && <ProblemMessage problem={problem} />}
      {confirming ? (
        <div class="notice" role="alert">
          <p>{t("webhooks.deleteConfirm", { name: hook.name })}</p>
          <div class="button-row">
            <button type="button" class="button button-danger" onClick={() => void stop()}>
              {t("webhooks.delete")}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setConfirming(false)}>
              {t("webhooks.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <div class="button-row">
          <button
            type="button"
            class="button button-secondary"
            aria-expanded={showLog ? "true" : "false"}
            onClick={() => setShowLog(!showLog)}
          >
            {showLog ? t("webhooks.hideLog") : t("webhooks.showLog")}
          </button>
          <button type="button" class="button button-danger" onClick={() => setConfirming(true)}>
            {t("webhooks.delete")}
          </button>
        </div>
      )}
      {showLog && <WebhookLog id={hook.id} name={hook.name} />}
    </li>
  );
}

function WebhooksView() {
  const [hooks, reload] = useResource(listWebhooks, []);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const changed = (text: string) => {
    setMessage(text);
    reload();
  };
  return (
    <div class="admin-grid">
      <div class="admin-stack">
        {secret && <SecretNotice {...secret} onDone={() => setSecret(null)} />}
        <WebhookForm
          onCreated={(created) => {
            setSecret(created);
            changed(t("webhooks.added", { name: created.name }));
          }}
        />
      </div>
      <section class="card" aria-labelledby="webhooks-list-title">
        <h2 id="webhooks-list-title">{t("webhooks.list")}</h2>
        <StatusLine text={message} />
        <ResourceView resource={hooks} loading={t("webhooks.loading")} onRetry={reload}>
          {(list) =>
            list.length === 0 ? (
              <p class="empty-state">{t("webhooks.empty")}</p>
            ) : (
              <ul class="agency-list">
                {list.map((hook) => (
                  <WebhookCard key={hook.id} hook={hook} onDeleted={changed} />
                ))}
              </ul>
            )
          }
        </ResourceView>
      </section>
    </div>
  );
}

/** `/admin/webhook`: the agency's webhooks, a new one with its secret shown once, and each one's delivery log. */
export default function AdminWebhooksPage() {
  return (
    <AdminPage ability="manageWebhooks" title="webhooks.title" lead={t("webhooks.lead")}>
      <WebhooksView />
    </AdminPage>
  );
}
