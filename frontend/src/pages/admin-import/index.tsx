import { useRef, useState } from "preact/hooks";
import { importUsers } from "../../api/admin";
import { ApiProblem, type FieldError } from "../../api/problem";
import { ProblemMessage } from "../../components/problem-message";
import { t } from "../../i18n";
import { ACTIVATION_PATH } from "../../lib/paths";
import { usePageTitle } from "../../lib/use-page-title";
import { RequireAdmin, fieldText } from "../admin/admin-access";
import "../../styles/admin.css";

type State =
  | { kind: "idle" }
  | { kind: "reading" }
  | { kind: "working" }
  | { kind: "not-xlsx" }
  | { kind: "done"; created: number; updated: number; unchanged: number }
  | { kind: "rejected"; errors: FieldError[] }
  | { kind: "problem"; problem: ApiProblem };

/** The template's header: the Indonesian column names the import reads. */
const TEMPLATE_HEADER = ["nip", "nama", "email", "kode_unit", "jabatan", "peran"];

/**
 * The template as a download (`data:` URL): a BOM so that Excel reads it as UTF-8, and `;` for Excel
 * set to Indonesian, which would otherwise put the whole header in one column.
 */
const templateHref = (separator: ";" | ",") =>
  `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${TEMPLATE_HEADER.join(separator)}\r\n`)}`;

const isXlsx = (file: File) =>
  /\.xlsx$/i.test(file.name) || file.type === "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** An `.xlsx` becomes the CSV the server reads, in the browser; the spreadsheet code loads only now. */
async function asCsv(file: File): Promise<File> {
  const { readXlsxRows, rowsToCsv } = await import("../../lib/xlsx-rows");
  const csv = rowsToCsv(readXlsxRows(await file.arrayBuffer()));
  return new File([csv], file.name.replace(/\.xlsx$/i, "") + ".csv", { type: "text/csv" });
}

function Template() {
  return (
    <section class="card import-template" aria-labelledby="import-template-title">
      <h2 id="import-template-title">{t("import.template")}</h2>
      <p class="field-hint">{t("import.templateHelp")}</p>
      <div class="button-row">
        <a class="button button-secondary" href={templateHref(";")} download="templat-impor-pegawai.csv">
          {t("import.template")}
        </a>
        <a class="link-button" href={templateHref(",")} download="templat-impor-pegawai-koma.csv">
          {t("import.templateComma")}
        </a>
      </div>
    </section>
  );
}

/** `row 3.nip` → [3, "nip"]; a problem with the whole file has no row. */
function place(error: FieldError): [string, string] {
  const match = /^row (\d+)\.?(.*)$/.exec(error.path);
  return match ? [match[1]!, match[2] ?? ""] : ["—", error.path];
}

function ImportForm() {
  const [state, setState] = useState<State>({ kind: "idle" });
  const [missingFile, setMissingFile] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const report = useRef<HTMLDivElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setMissingFile(!file);
    if (!file) return input.current?.focus();
    let upload = file;
    if (isXlsx(file)) {
      setState({ kind: "reading" });
      try {
        upload = await asCsv(file);
      } catch {
        setState({ kind: "not-xlsx" });
        requestAnimationFrame(() => report.current?.focus());
        return;
      }
    }
    setState({ kind: "working" });
    try {
      setState({ kind: "done", ...(await importUsers(upload)) });
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : null;
      if (problem?.status === 422 && problem.errors) setState({ kind: "rejected", errors: problem.errors });
      else if (problem) setState({ kind: "problem", problem });
      else throw error;
    }
    requestAnimationFrame(() => report.current?.focus());
  };

  return (
    <>
      <form class="card import-form" onSubmit={submit} noValidate>
        <p class="field-hint" id="import-help">
          {t("import.help")}
        </p>
        <div class={missingFile ? "field field-invalid" : "field"}>
          <label for="import-file">{t("import.file")}</label>
          {missingFile && (
            <p id="import-file-error" class="field-error">
              {t("import.chooseFile")}
            </p>
          )}
          <input
            ref={input}
            id="import-file"
            type="file"
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={missingFile ? "import-file-error import-help" : "import-help"}
            aria-invalid={missingFile ? "true" : undefined}
          />
        </div>
        <button class="button" type="submit" disabled={state.kind === "working" || state.kind === "reading"}>
          {state.kind === "working"
            ? t("import.working")
            : state.kind === "reading"
              ? t("import.readingXlsx")
              : t("import.submit")}
        </button>
      </form>
      <div ref={report} tabIndex={-1} class="import-report" aria-live="polite">
        {state.kind === "done" && (
          <div class="notice notice-ok" role="status">
            <p>
              {t("import.done", {
                created: String(state.created),
                updated: String(state.updated),
                unchanged: String(state.unchanged),
              })}
            </p>
            {state.created > 0 && (
              <p>
                {t("import.doneHint")} <a href={ACTIVATION_PATH}>{t("activation.afterImport")}</a>
              </p>
            )}
          </div>
        )}
        {state.kind === "rejected" && (
          <>
            <p class="notice" role="alert">
              {t("import.failed", { count: String(state.errors.length) })}
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
                {state.errors.map((error, i) => {
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
        )}
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

/**
 * `/admin/impor`: import of accounts from CSV or Excel (.xlsx, read in the browser), a template to
 * start from, and a per-row report when a file is refused.
 */
export default function AdminImportPage() {
  usePageTitle("import.title");
  return (
    <RequireAdmin ability="manageUsers">
      {() => (
        <div class="admin-page">
          <p class="eyebrow">
            <a href="/admin">{t("admin.title")}</a>
          </p>
          <h1>{t("import.title")}</h1>
          <Template />
          <ImportForm />
        </div>
      )}
    </RequireAdmin>
  );
}
