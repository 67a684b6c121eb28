import { useRef, useState } from "preact/hooks";
import { importComplaints, type ComplaintImportResult } from "../../api/problems";
import { ApiProblem, type FieldError } from "../../api/problem";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { formatNumber } from "../../lib/format";
import { PROBLEMS_PATH, problemPath } from "../../lib/problem-paths";
import { usePageTitle } from "../../lib/use-page-title";
import { RequireAdmin, fieldText } from "../admin/admin-access";
import "../../styles/admin.css";
import "../../styles/problems.css";

type State =
  | { kind: "idle" }
  | { kind: "working"; preview: boolean }
  | { kind: "not-xlsx" }
  | { kind: "preview"; file: File; result: ComplaintImportResult }
  | { kind: "done"; result: ComplaintImportResult }
  | { kind: "rejected"; errors: FieldError[] }
  | { kind: "problem"; problem: ApiProblem };

/** The template's header: the Indonesian column names the import reads. */
const TEMPLATE_HEADER = ["id_laporan", "tanggal", "saluran", "kategori", "judul", "isi", "lokasi", "unit", "status"];
const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${TEMPLATE_HEADER.join(";")}\r\n`)}`;

const isXlsx = (file: File) =>
  /\.xlsx$/i.test(file.name) || file.type === "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** An `.xlsx` becomes the CSV the server reads, in the browser, with the reader the people import uses. */
async function asCsv(file: File): Promise<File> {
  if (!isXlsx(file)) return file;
  const { readXlsxRows, rowsToCsv } = await import("../../lib/xlsx-rows");
  const csv = rowsToCsv(readXlsxRows(await file.arrayBuffer()));
  return new File([csv], file.name.replace(/\.xlsx$/i, "") + ".csv", { type: "text/csv" });
}

/** `row 3.tanggal` → ["3", "tanggal"]; a problem with the whole file has no row. */
function place(error: FieldError): [string, string] {
  const match = /^row (\d+)\.?(.*)$/.exec(error.path);
  return match ? [match[1]!, match[2] ?? ""] : ["—", error.path];
}

function Report({ result }: { result: ComplaintImportResult }) {
  return (
    <>
      <dl class="details import-figures">
        <div>
          <dt>{t("complaintImport.created")}</dt>
          <dd>{formatNumber(result.created)}</dd>
        </div>
        <div>
          <dt>{t("complaintImport.unchanged")}</dt>
          <dd>{formatNumber(result.unchanged)}</dd>
        </div>
        <div>
          <dt>{t("complaintImport.newProblems")}</dt>
          <dd>{formatNumber(result.newProblems)}</dd>
        </div>
        <div>
          <dt>{t("complaintImport.joinedProblems")}</dt>
          <dd>{formatNumber(result.joinedProblems)}</dd>
        </div>
        {result.skipped > 0 && (
          <div>
            <dt>{t("complaintImport.skipped")}</dt>
            <dd>{formatNumber(result.skipped)}</dd>
          </div>
        )}
      </dl>
      {result.droppedColumns.length > 0 && (
        <p class="notice notice-ok">{t("complaintImport.dropped", { columns: result.droppedColumns.join(", ") })}</p>
      )}
      {result.redactions > 0 && (
        <p class="notice notice-ok">{t("complaintImport.redacted", { count: formatNumber(result.redactions) })}</p>
      )}
      {result.ignoredColumns.length > 0 && (
        <p class="field-hint">{t("complaintImport.ignored", { columns: result.ignoredColumns.join(", ") })}</p>
      )}
      {result.groups.length > 0 && (
        <ul class="complaint-list">
          {result.groups.map((g, i) => (
            <li key={i} class="complaint">
              <p class="complaint-meta">
                <strong>{g.problemId === null ? t("complaintImport.groupNew") : t("complaintImport.groupJoin")}</strong>
                <span>{t("complaintImport.groupCount", { count: formatNumber(g.complaints) })}</span>
              </p>
              <p class="complaint-title">
                {g.problemId === null ? g.title : <a href={problemPath(g.problemId)}>{g.title}</a>}
              </p>
              <p class="muted">{g.sample}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Errors({ errors }: { errors: FieldError[] }) {
  return (
    <>
      <p class="notice" role="alert">
        {t("complaintImport.failed", { count: String(errors.length) })}
      </p>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t("import.row")}</th>
            <th scope="col">{t("import.column")}</th>
            <th scope="col">{t("import.problem")}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, i) => {
            const [row, column] = place(error);
            return (
              <tr key={i}>
                <td>{row}</td>
                <td>
                  <code>{column}</code>
                </td>
                <td>{fieldText(error)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

function ImportForm() {
  const [state, setState] = useState<State>({ kind: "idle" });
  const [missingFile, setMissingFile] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const report = useRef<HTMLDivElement>(null);

  const send = async (file: File, preview: boolean) => {
    setState({ kind: "working", preview });
    try {
      const result = await importComplaints(file, preview);
      setState(preview ? { kind: "preview", file, result } : { kind: "done", result });
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : null;
      if (problem?.status === 422 && problem.errors) setState({ kind: "rejected", errors: problem.errors });
      else if (problem) setState({ kind: "problem", problem });
      else throw error;
    }
    requestAnimationFrame(() => report.current?.focus());
  };

  const check = async (event: Event) => {
    event.preventDefault();
    const chosen = input.current?.files?.[0];
    setMissingFile(!chosen);
    if (!chosen) return input.current?.focus();
    let file: File;
    try {
      file = await asCsv(chosen);
    } catch {
      setState({ kind: "not-xlsx" });
      return;
    }
    await send(file, true);
  };
  const working = state.kind === "working";

  return (
    <>
      <form class="card form" onSubmit={check} noValidate>
        <p class="field-hint" id="complaint-import-help">
          {t("complaintImport.help")}
        </p>
        <div class={missingFile ? "field field-invalid" : "field"}>
          <label for="complaint-import-file">{t("complaintImport.file")}</label>
          {missingFile && <p class="field-error">{t("import.chooseFile")}</p>}
          <input
            ref={input}
            id="complaint-import-file"
            type="file"
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="complaint-import-help"
            onChange={() => setState({ kind: "idle" })}
          />
        </div>
        <div class="button-row">
          <button class="button" type="submit" disabled={working}>
            {working && state.preview ? t("complaintImport.checking") : t("complaintImport.check")}
          </button>
          <a class="link-button" href={templateHref} download="templat-keluhan.csv">
            {t("complaintImport.template")}
          </a>
        </div>
      </form>
      <div ref={report} tabIndex={-1} class="complaint-import-report" aria-live="polite">
        {state.kind === "preview" && (
          <section class="card" aria-labelledby="complaint-preview-title">
            <h2 id="complaint-preview-title">{t("complaintImport.previewTitle")}</h2>
            <Report result={state.result} />
            {state.result.created > 0 ? (
              <button class="button" type="button" onClick={() => void send(state.file, false)}>
                {t("complaintImport.store", { count: formatNumber(state.result.created) })}
              </button>
            ) : (
              <p class="notice notice-ok">{t("complaintImport.nothingNew")}</p>
            )}
          </section>
        )}
        {state.kind === "working" && !state.preview && <p role="status">{t("complaintImport.storing")}</p>}
        {state.kind === "done" && (
          <section class="card" aria-labelledby="complaint-done-title">
            <h2 id="complaint-done-title">{t("complaintImport.doneTitle")}</h2>
            <Report result={state.result} />
            <a class="button button-secondary" href={PROBLEMS_PATH}>
              {t("complaintImport.toBank")}
            </a>
          </section>
        )}
        {state.kind === "rejected" && <Errors errors={state.errors} />}
        {state.kind === "not-xlsx" && (
          <p class="notice" role="alert">
            {t("import.notXlsx")}
          </p>
        )}
        {state.kind === "problem" && <ProblemMessage problem={state.problem} />}
      </div>
    </>
  );
}

/** `/masalah/impor`: citizen complaints from SP4N-LAPOR! or the agency's own app, checked and previewed before they are stored. */
export default function ProblemImportPage() {
  usePageTitle("complaintImport.title");
  return (
    <RequireAdmin ability="manageProblems">
      {() => (
        <div class="admin-page">
          <p class="eyebrow">
            <a href={PROBLEMS_PATH}>{t("problems.title")}</a>
          </p>
          <h1>{t("complaintImport.title")}</h1>
          <p class="lead">{t("complaintImport.lead")}</p>
          <ImportForm />
        </div>
      )}
    </RequireAdmin>
  );
}
