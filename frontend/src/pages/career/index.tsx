import { useState } from "preact/hooks";
import {
  careerRecordPdfUrl,
  getMyCareer,
  issueCareerRecord,
  revokeCareerRecord,
  setCareerShare,
  type IssuedRecord,
  type MyCareer,
} from "../../api/career";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { RequireSignIn } from "../../components/require-sign-in";
import { t } from "../../i18n";
import { formatDate } from "../../lib/format";
import { usePageTitle } from "../../lib/use-page-title";
import { useResource } from "../../lib/use-resource";
import { sharedRecordPath } from "../career-shared/paths";
import { RecordSummary, RecordYears } from "./record-years";
import "../../styles/career.css";

/** The records issued so far: each with its code, its PDF, and a way to revoke it. */
function Issued({ issued, onChange }: { issued: IssuedRecord[]; onChange: () => void }) {
  const [busy, setBusy] = useState<number | "new" | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const act = async (key: number | "new", action: () => Promise<unknown>) => {
    setBusy(key);
    setProblem(null);
    try {
      await action();
      onChange();
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="card" aria-labelledby="career-issued-title">
      <h2 id="career-issued-title">{t("career.issuedTitle")}</h2>
      <p>{t("career.issuedLead")}</p>
      <div class="button-row">
        <button
          type="button"
          class="button"
          aria-disabled={busy === "new" ? "true" : undefined}
          onClick={() => busy === null && void act("new", issueCareerRecord)}
        >
          {busy === "new" ? t("career.issuing") : t("career.issue")}
        </button>
      </div>
      {problem && <ProblemMessage problem={problem} />}
      {issued.length === 0 ? (
        <p class="muted">{t("career.noneIssued")}</p>
      ) : (
        <ul class="career-issued">
          {issued.map((r) => (
            <li key={r.id}>
              <span class="career-code">{r.code}</span>
              <span class="muted">
                {r.revokedAt
                  ? t("career.revokedOn", { date: formatDate(r.revokedAt) })
                  : t("career.issuedOn", { date: formatDate(r.issuedAt) })}
              </span>
              {!r.revokedAt && (
                <>
                  <a class="button button-secondary" href={careerRecordPdfUrl(r.id)} download>
                    {t("career.downloadPdf")}
                  </a>
                  <button
                    type="button"
                    class="link-button"
                    aria-disabled={busy === r.id ? "true" : undefined}
                    onClick={() =>
                      busy === null &&
                      confirm(t("career.revokeConfirm")) &&
                      void act(r.id, () => revokeCareerRecord(r.id))
                    }
                  >
                    {t("career.revoke")}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The public share page: off by default; on gives an unguessable address, off closes it. */
function Share({ share, onChange }: { share: MyCareer["share"]; onChange: () => void }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const toggle = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await setCareerShare(!share.enabled);
      onChange();
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  };
  const url = share.code ? new URL(sharedRecordPath(share.code), location.origin).toString() : null;
  return (
    <section class="card" aria-labelledby="career-share-title">
      <h2 id="career-share-title">{t("career.shareTitle")}</h2>
      <p>{share.enabled ? t("career.shareOn") : t("career.shareOff")}</p>
      {url && (
        <p class="career-share-link">
          <a href={url}>{url}</a>
        </p>
      )}
      <button
        type="button"
        class={share.enabled ? "button button-secondary" : "button"}
        aria-pressed={share.enabled}
        aria-disabled={busy ? "true" : undefined}
        onClick={() => !busy && void toggle()}
      >
        {share.enabled ? t("career.shareStop") : t("career.shareStart")}
      </button>
      {problem && <ProblemMessage problem={problem} />}
    </section>
  );
}

function CareerView() {
  const [state, reload] = useResource((signal) => getMyCareer(signal), []);
  return (
    <div class="career-page">
      <div class="page-head">
        <div>
          <h1>{t("career.title")}</h1>
          <p class="lead">{t("career.lead")}</p>
        </div>
      </div>
      {state.kind === "loading" && <Loading label={t("career.loading")} />}
      {state.kind === "problem" && <ProblemMessage problem={state.problem} onRetry={reload} />}
      {state.kind === "ready" && (
        <>
          <RecordSummary record={state.value.record} />
          <Issued issued={state.value.issued} onChange={reload} />
          <Share share={state.value.share} onChange={reload} />
          <RecordYears record={state.value.record} />
        </>
      )}
    </div>
  );
}

/** `/rekam-jejak`: my innovation record, as a PDF with a verification code, and a page to share. */
export default function CareerPage() {
  usePageTitle("career.title");
  return <RequireSignIn>{() => <CareerView />}</RequireSignIn>;
}
