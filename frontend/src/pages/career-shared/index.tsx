import { useRoute } from "preact-iso";
import { getSharedRecord, type SharedRecord } from "../../api/career";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { formatDate } from "../../lib/format";
import { usePageTitle } from "../../lib/use-page-title";
import { useResource } from "../../lib/use-resource";
import { RecordSummary, RecordYears } from "../career/record-years";
import "../../styles/career.css";

/** `/rekam-jejak/bagikan/:code`: a person's innovation record, shared by them (no sign-in). */
export default function SharedRecordPage() {
  usePageTitle("career.sharedTitle");
  const code = useRoute().params.code ?? "";
  const [state, reload] = useResource((signal) => getSharedRecord(code, signal), [code]);
  return (
    <div class="career-page">
      {state.kind === "loading" && <Loading label={t("career.loading")} />}
      {state.kind === "problem" && <ProblemMessage problem={state.problem} onRetry={reload} />}
      {state.kind === "ready" && state.value === null && <p class="notice">{t("career.sharedMissing")}</p>}
      {state.kind === "ready" && state.value !== null && <SharedRecordView record={state.value} />}
    </div>
  );
}

function SharedRecordView({ record }: { record: SharedRecord }) {
  return (
    <>
      <div class="page-head">
        <div>
          <p class="eyebrow">{record.person.agency}</p>
          <h1>
            {t("career.recordOf", {
              name: record.person.name,
              date: formatDate(record.asOf, record.timeZone),
            })}
          </h1>
          <p class="lead">{[record.person.position, record.person.unit].filter(Boolean).join(" · ")}</p>
        </div>
      </div>
      <RecordSummary record={record} />
      <RecordYears record={record} />
    </>
  );
}
