import { useState } from "preact/hooks";
import { StatusLine } from "../../components/status-line";
import { t } from "../../i18n";

type Copy = "idle" | "copied" | "failed";

/** The secret of the token just made: shown once, with a copy button, until the person says it is saved. */
export function SecretNotice({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copy, setCopy] = useState<Copy>("idle");
  async function copySecret() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }
  return (
    <section class="card notice-ok webhook-secret" role="alert" aria-labelledby="token-secret-title">
      <h2 id="token-secret-title">{t("tokens.secretTitle", { name })}</h2>
      <p>{t("tokens.secretLead")}</p>
      <pre class="audit-detail">
        <code data-token-secret>{secret}</code>
      </pre>
      <p class="muted">{t("tokens.usage")}</p>
      <StatusLine text={copy === "copied" ? t("tokens.copied") : copy === "failed" ? t("tokens.copyFailed") : null} />
      <div class="button-row">
        <button type="button" class="button" onClick={() => void copySecret()}>
          {t("tokens.copy")}
        </button>
        <button type="button" class="button button-secondary" onClick={onDone}>
          {t("tokens.secretDone")}
        </button>
      </div>
    </section>
  );
}
