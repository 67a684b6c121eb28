import { useState } from "preact/hooks";
import { revokeToken, type ApiToken, type TokenKind } from "../../api/api-tokens";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { formatDate, formatDateTime } from "../../lib/format";

/** One live token: its name, prefix, scopes, when it was made, last used and expires; revoked after a confirmation. */
export function TokenCard({
  kind,
  token,
  onRevoked,
}: {
  kind: TokenKind;
  token: ApiToken;
  onRevoked: (message: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const revoke = async () => {
    try {
      await revokeToken(kind, token.id);
      onRevoked(t("tokens.revoked", { name: token.name }));
    } catch (error) {
      setProblem(toApiProblem(error));
    }
  };
  return (
    <li class="card agency-card webhook-card" data-token-id={token.id}>
      <h3>{token.name}</h3>
      <p>
        {t("tokens.prefix")}: <code>{token.prefix}…</code>
      </p>
      <p>
        {token.scopes.map((scope) => (
          <code key={scope}>{scope} </code>
        ))}
      </p>
      <p class="muted">
        {t("tokens.created", { date: formatDate(token.createdAt), name: token.createdBy })} ·{" "}
        {token.lastUsedAt ? t("tokens.lastUsed", { date: formatDateTime(token.lastUsedAt) }) : t("tokens.neverUsed")} ·{" "}
        {t("tokens.expires", { date: formatDate(token.expiresAt) })}
      </p>
      {problem && <ProblemMessage problem={problem} />}
      {confirming ? (
        <div class="notice" role="alert">
          <p>{t("tokens.revokeConfirm", { name: token.name })}</p>
          <div class="button-row">
            <button type="button" class="button button-danger" onClick={() => void revoke()}>
              {t("tokens.revoke")}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setConfirming(false)}>
              {t("tokens.cancel")}
            </button>
          </div>
        </div>
      ) : (
        <div class="button-row">
          <button type="button" class="button button-danger" onClick={() => setConfirming(true)}>
            {t("tokens.revoke")}
          </button>
        </div>
      )}
    </li>
  );
}
