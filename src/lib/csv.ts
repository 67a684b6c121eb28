/**
 * A small RFC 4180 reader for uploaded spreadsheets: UTF-8 with or without BOM, CRLF / LF / CR
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
