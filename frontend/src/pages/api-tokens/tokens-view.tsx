import { useState } from "preact/hooks";
import { listTokens, type TokenKind } from "../../api/api-tokens";
import { ResourceView } from "../../components/resource-view";
import { StatusLine } from "../../components/status-line";
import { t } from "../../i18n";
import { useResource } from "../../lib/use-resource";
import { SecretNotice } from "./secret-notice";
import { TokenForm } from "./token-form";
import { TokenCard } from "./token-list";
import "../../styles/ideas.css";
import "../../styles/admin.css";

/** A page's tokens of one kind: the form for a new one (its secret shown once) and the live ones. */
export function TokensView({ kind }: { kind: TokenKind }) {
  const [tokens, reload] = useResource((signal) => listTokens(kind, signal), [kind]);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const changed = (text: string) => {
    setMessage(text);
    reload();
  };
  return (
    <ResourceView resource={tokens} loading={t("tokens.loading")} onRetry={reload}>
      {(list) => (
        <div class="admin-grid">
          <div class="admin-stack">
            {secret && <SecretNotice {...secret} onDone={() => setSecret(null)} />}
            <TokenForm
              kind={kind}
              scopes={list.grantableScopes}
              maxDays={list.maxExpiresInDays}
              onCreated={(created) => {
                setSecret(created);
                changed(t("tokens.added", { name: created.name }));
              }}
            />
            <p class="muted">{t("tokens.limits")}</p>
          </div>
          <section class="card" aria-labelledby="tokens-list-title">
            <h2 id="tokens-list-title">{t("tokens.list")}</h2>
            <StatusLine text={message} />
            {list.items.length === 0 ? (
              <p class="empty-state">{t("tokens.empty")}</p>
            ) : (
              <ul class="agency-list">
                {list.items.map((token) => (
                  <TokenCard key={token.id} kind={kind} token={token} onRevoked={changed} />
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </ResourceView>
  );
}
