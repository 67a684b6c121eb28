import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { getSharedRecord, type SharedRecord } from "../../api/career";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import { Loading } from "../../components/loading";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { formatDate } from "../../lib/format";
import { usePageTitle } from "../../lib/use-page-title";
import { RecordSummary, RecordYears } from "../career/record-years";
import "../../styles/career.css";

type State =
  | { kind: "loading" }
  | { kind: "ready"; record: SharedRecord }
  | { kind: "missing" }
  | { kind: "problem"; problem: ApiProblem };

/** `/rekam-jejak/bagikan/:code`: a person's innovation record, shared by them (no sign-in). */
export default function SharedRecordPage() {
  usePageTitle("career.sharedTitle");
  const code = useRoute().params.code ?? "";
  const [state, setState] = useState<State>({ kind: "loading" });
  const load = () => {
    setState({ kind: "loading" });
    getSharedRecord(code)
      .then((record) => setState(record ? { kind: "ready", record } : { kind: "missing" }))
      .catch((error: unknown) => setState({ kind: "problem", problem: toApiProblem(error) }));
  };
  useEffect(load, [code]);
  return (
    <div class="career-page">
      {state.kind === "loading" && <Loading label={t("career.loading")} />}
      {state.kind === "problem" && <ProblemMessage problem={state.problem} onRetry={load} />}
      {state.kind === "missing" && <p class="notice">{t("career.sharedMissing")}</p>}
      {state.kind === "ready" && (
        <>
          <div class="page-head">
            <div>
              <p class="eyebrow">{state.record.person.agency}</p>
              <h1>
                {t("career.recordOf", {
                  name: state.record.person.name,
                  date: formatDate(state.record.asOf, state.record.timeZone),
                })}
              </h1>
              <p class="lead">{[state.record.person.position, state.record.person.unit].filter(Boolean).join(" · ")}</p>
            </div>
          </div>
          <RecordSummary record={state.record} />
          <RecordYears record={state.record} />
        </>
      )}
    </div>
  );
}
