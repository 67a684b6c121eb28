import { verifyCertificate, type Verification } from "../../api/certificates";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { formatDate } from "../../lib/format";
import { useResource } from "../../lib/use-resource";

function Valid({ certificate }: { certificate: Verification }) {
  const rows = [
    ["verify.recipient", certificate.recipient.name],
    ["verify.award", certificate.award.title],
    ["verify.period", certificate.award.periodLabel],
    ["verify.announced", formatDate(certificate.award.announcedAt, certificate.agency.timeZone)],
    ["verify.agency", certificate.agency.name],
  ] as const;
  return (
    <div class="verify-result verify-valid">
      <h2 id="verify-result-title">
        <span class="verify-mark" aria-hidden="true">
          ✓
        </span>
        {t("verify.validTitle")}
      </h2>
      <p>{t("verify.validLead", { code: certificate.code })}</p>
      <dl class="verify-facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** A certificate that was issued, but whose award was revoked: what it was, and that it no longer holds. */
function Revoked({ certificate }: { certificate: Verification }) {
  const zone = certificate.agency.timeZone;
  return (
    <div class="verify-result verify-invalid verify-revoked">
      <h2 id="verify-result-title">
        <span class="verify-mark" aria-hidden="true">
          ✕
        </span>
        {t("verify.revokedTitle")}
      </h2>
      <p>{t("verify.revokedLead", { code: certificate.code, date: formatDate(certificate.revokedAt ?? "", zone) })}</p>
      <dl class="verify-facts">
        <div>
          <dt>{t("verify.recipient")}</dt>
          <dd>{certificate.recipient.name}</dd>
        </div>
        <div>
          <dt>{t("verify.award")}</dt>
          <dd>{certificate.award.title}</dd>
        </div>
        <div>
          <dt>{t("verify.agency")}</dt>
          <dd>{certificate.agency.name}</dd>
        </div>
      </dl>
    </div>
  );
}

function Invalid({ code }: { code: string }) {
  return (
    <div class="verify-result verify-invalid">
      <h2 id="verify-result-title">
        <span class="verify-mark" aria-hidden="true">
          ✕
        </span>
        {t("verify.invalidTitle")}
      </h2>
      <p>{t("verify.invalidText", { code })}</p>
    </div>
  );
}

/** Asks the API about `code` and says plainly whether the certificate is genuine. */
export function VerifyResult({ code }: { code: string }) {
  const [state, reload] = useResource((signal) => verifyCertificate(code, signal), [code]);
  return (
    <section class="verify-outcome" aria-live="polite" aria-labelledby="verify-result-title">
      {state.kind === "loading" && <Loading label={t("verify.checking")} />}
      {state.kind === "ready" &&
        state.value !== null &&
        (state.value.valid ? <Valid certificate={state.value} /> : <Revoked certificate={state.value} />)}
      {state.kind === "ready" && state.value === null && <Invalid code={code} />}
      {state.kind === "problem" && <ProblemMessage problem={state.problem} onRetry={reload} />}
    </section>
  );
}
