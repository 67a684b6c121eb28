/**
 * CSV for spreadsheets: {@link toCsv} writes exports (UTF-8 with BOM), {@link parseCsv} reads uploads.
 *
 * The reader is a small RFC 4180 one: UTF-8 with or without BOM, CRLF / LF / CR
 * line ends, quoted fields holding delimiters, quotes (`""`) and line breaks. The delimiter is
 * `,`, or `;` when the header line has semicolons and no commas (what Excel writes in locales
 * with a decimal comma, such as Indonesian).
 */
export type CsvRecord = {
  /** 1-based, as a spreadsheet numbers rows: the header is row 1, blank rows count */
  row: number;
  cells: string[];
};

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; row: number; message: string };

function delimiterOf(text: string): "," | ";" {
  const firstLine = text.slice(0, text.search(/[\r\n]|$/));
  return firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
}

/**
 * @param text the file's content
 * @returns every non-blank record with its row number, or where the file cannot be read
 * @example parseCsv('\uFEFFnip,name\r\n1,"Siregar, Rahmat"\r\n') // { ok: true, records: [{ row: 1, cells: ["nip", "name"] }, { row: 2, cells: ["1", "Siregar, Rahmat"] }] }
 */
export function parseCsv(text: string): CsvResult {
  const src = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const delimiter = delimiterOf(src);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let row = 1;
  let quoted = false;
  let quoteRow = 0;

  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0]!.trim() !== "") records.push({ row, cells });
    cells = [];
    cell = "";
    row += 1;
  };

  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (src[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (ch === '"' && cell.trim() === "") {
      quoted = true;
      quoteRow = row;
      cell = "";
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = "";
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      endRecord();
    } else cell += ch;
  }
  if (quoted) return { ok: false, row: quoteRow, message: "A quoted field is never closed" };
  if (cell !== "" || cells.length > 0) endRecord();
  return { ok: true, records };
}

export type CsvCell = string | number | boolean | null | undefined;

export type CsvWriteOptions = {
  /** `,` (RFC 4180, the default) or `;` for Excel in locales with a decimal comma, such as Indonesian */
  delimiter?: "," | ";";
  /** start with a UTF-8 BOM, without which Excel misreads Bahasa Indonesia's accents and dashes (default true) */
  bom?: boolean;
};

/** A spreadsheet would run a cell starting with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: CsvCell, delimiter: "," | ";"): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return delimiter === ";" ? String(cell).replace(".", ",") : String(cell);
  if (typeof cell === "boolean") return cell ? "1" : "0";
  // user text is data, never a formula: a leading apostrophe is what spreadsheets show as plain text
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim()
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/**
 * The writer to {@link parseCsv}'s reader: CRLF line ends, a field quoted when it holds the
 * delimiter, a quote, a line break or edge spaces; numbers with a decimal comma when the delimiter
 * is `;`. Text that a spreadsheet would evaluate (`=`, `+`, `-`, `@`) is prefixed with `'`.
 * @example toCsv([["Judul", "Nilai"], ["Antrean, daring", 81.5]]) // '\uFEFFJudul,Nilai\r\n"Antrean, daring",81.5\r\n'
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: CsvWriteOptions = {}): string {
  const { delimiter = ",", bom = true } = options;
  const body = rows.map((row) => row.map((cell) => cellText(cell, delimiter)).join(delimiter) + "\r\n").join("");
  return (bom ? "\uFEFF" : "") + body;
}
