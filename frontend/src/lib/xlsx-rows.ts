/**
 * Reads the first worksheet of an Excel `.xlsx` file in the browser, so HR staff can upload the
 * spreadsheet they keep without saving it as CSV first. An `.xlsx` is a zip of XML parts: fflate
 * unzips it, the browser's DOMParser reads the parts. Loaded only by the import page, and only
 * when an `.xlsx` is chosen (`import()`), so no other page pays for it.
 */
import { strFromU8, unzipSync } from "fflate";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export class NotASpreadsheet extends Error {}

function xml(files: Record<string, Uint8Array>, name: string): Document | null {
  const bytes = files[name];
  return bytes ? new DOMParser().parseFromString(strFromU8(bytes), "application/xml") : null;
}

const byTag = (node: Document | Element, tag: string) => Array.from(node.getElementsByTagNameNS(MAIN_NS, tag));

/** All the text of a shared or inline string (rich text comes in runs). */
const textOf = (node: Element) =>
  byTag(node, "t")
    .map((t) => t.textContent ?? "")
    .join("");

/** The path of the workbook's first sheet, from workbook.xml and its relationships. */
function firstSheetPath(files: Record<string, Uint8Array>): string {
  const workbook = xml(files, "xl/workbook.xml");
  const rels = xml(files, "xl/_rels/workbook.xml.rels");
  const sheet = workbook ? byTag(workbook, "sheet")[0] : undefined;
  const id = sheet?.getAttributeNS(REL_NS, "id");
  const target = rels
    ? Array.from(rels.getElementsByTagName("Relationship")).find((r) => r.getAttribute("Id") === id)
    : undefined;
  const href = target?.getAttribute("Target");
  if (!href) return "xl/worksheets/sheet1.xml";
  return href.startsWith("/") ? href.slice(1) : `xl/${href}`;
}

/** `C12` → 2 (columns from 0). */
function columnOf(ref: string): number {
  let column = 0;
  for (const ch of ref.replace(/\d+$/, "")) column = column * 26 + (ch.charCodeAt(0) - 64);
  return column - 1;
}

/**
 * @param data the file's bytes
 * @returns the first sheet's rows as text, row 1 first; empty cells as "", rows keep their place
 * @throws NotASpreadsheet when the file is not an `.xlsx` workbook
 * @example readXlsxRows(await file.arrayBuffer()) // [["nip", "nama", …], ["198203152006041002", "Rahmat", …]]
 */
export function readXlsxRows(data: ArrayBuffer): string[][] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(data), { filter: (f) => f.name.startsWith("xl/") });
  } catch (error) {
    throw new NotASpreadsheet("not a zip", { cause: error });
  }
  const sheet = xml(files, firstSheetPath(files));
  if (!sheet) throw new NotASpreadsheet("no worksheet");
  const shared = xml(files, "xl/sharedStrings.xml");
  const strings = shared ? byTag(shared, "si").map(textOf) : [];

  const rows: string[][] = [];
  for (const row of byTag(sheet, "row")) {
    const index = Number(row.getAttribute("r") ?? rows.length + 1) - 1;
    const cells: string[] = [];
    for (const cell of byTag(row, "c")) {
      const ref = cell.getAttribute("r");
      const column = ref ? columnOf(ref) : cells.length;
      const type = cell.getAttribute("t");
      const value = byTag(cell, "v")[0]?.textContent ?? "";
      let text: string;
      if (type === "s") text = strings[Number(value)] ?? "";
      else if (type === "inlineStr") text = textOf(cell);
      else if (type === "b") text = value === "1" ? "TRUE" : "FALSE";
      else text = value;
      while (cells.length < column) cells.push("");
      cells[column] = text;
    }
    while (rows.length < index) rows.push([]);
    rows[index] = cells;
  }
  return rows;
}

const quote = (cell: string) =>
  /[",\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replaceAll('"', '""')}"` : cell;

/**
 * The rows as the CSV the import endpoint reads, blank rows kept so that the report's row numbers
 * are the spreadsheet's.
 * @example rowsToCsv([["nip", "nama"], ["1", "Siregar, R."]]) // 'nip,nama\r\n1,"Siregar, R."\r\n'
 */
export function rowsToCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quote).join(",") + "\r\n").join("");
}
