/**
 * CSV import of citizen complaints as SP4N-LAPOR! or an agency's own complaint app exports them:
 * `id,date,channel,category,text,location,unit` (plus optional `title`, `status`, `classification`),
 * or with the Indonesian names (`id_laporan,tanggal,saluran,kategori,isi,lokasi,unit`, …). The file is
 * judged whole before anything is stored, like the people import (domain/user-import.ts): the
 * report names each bad row and column as the file's header does.
 *
 * Columns of the complainant's personal data are dropped (domain/complaint-privacy.ts); columns
 * that are neither known nor personal are ignored and named in the report.
 */
import { isPersonalColumn, stripPersonalData } from "./complaint-privacy";
import { dayStart, type TimeZone } from "./time-zone";
import { headerKey, type RowError } from "./user-import";

export const COMPLAINT_COLUMNS = [
  "id",
  "date",
  "channel",
  "category",
  "text",
  "location",
  "unit",
  "title",
  "status",
  "classification",
] as const;
export type ComplaintColumn = (typeof COMPLAINT_COLUMNS)[number];
/** The columns a file must have; the others may be left out. */
export const REQUIRED_COMPLAINT_COLUMNS: readonly ComplaintColumn[] = ["id", "date", "text"];
/** One file is stored in one transaction: all of it or nothing. */
export const COMPLAINT_IMPORT_MAX_ROWS = 2000;
export const COMPLAINT_TEXT_MAX = 5000;

/** The Indonesian name of each column, as the template and the reports spell it. */
export const COMPLAINT_COLUMNS_ID: Record<ComplaintColumn, string> = {
  id: "id_laporan",
  date: "tanggal",
  channel: "saluran",
  category: "kategori",
  text: "isi",
  location: "lokasi",
  unit: "unit",
  title: "judul",
  status: "status",
  classification: "klasifikasi",
};

const ALIASES: Record<ComplaintColumn, readonly string[]> = {
  id: ["id", "id_laporan", "no_laporan", "nomor_laporan", "kode_laporan", "tracking_id", "no_tiket", "nomor_tiket"],
  date: ["date", "tanggal", "tanggal_laporan", "tgl", "tgl_laporan", "waktu", "waktu_laporan", "created_at"],
  channel: ["channel", "saluran", "sumber", "media", "kanal"],
  category: ["category", "kategori", "topik", "topic", "kategori_laporan"],
  text: ["text", "isi", "isi_laporan", "uraian", "keluhan", "isi_pengaduan", "laporan", "description", "deskripsi"],
  location: ["location", "lokasi", "lokasi_kejadian", "tempat_kejadian"],
  unit: ["unit", "unit_concerned", "unit_terkait", "unit_kerja", "opd", "disposisi", "unit_disposisi", "kode_unit"],
  title: ["title", "judul", "judul_laporan", "ringkasan"],
  status: ["status", "status_laporan", "tindak_lanjut"],
  classification: ["classification", "klasifikasi", "jenis", "jenis_laporan"],
};

const COLUMN_OF: ReadonlyMap<string, ComplaintColumn> = new Map(
  COMPLAINT_COLUMNS.flatMap((column) => ALIASES[column].map((alias) => [alias, column] as const)),
);

/** Classes of report that speak of a service to improve; information requests and the like do not. */
const KEPT_CLASSES = new Set(["", "aspirasi", "pengaduan", "aspiration", "complaint", "keluhan", "saran"]);

const LIMITS: Partial<Record<ComplaintColumn, number>> = {
  id: 64,
  channel: 40,
  category: 120,
  location: 200,
  unit: 200,
  title: 200,
  status: 60,
};

export type ComplaintRow = {
  row: number;
  externalId: string;
  receivedAt: number;
  channel: string;
  category: string;
  title: string;
  text: string;
  location: string;
  /** the unit as the file names it (code or name); matched against the agency's units later */
  unit: string;
  status: string;
};

export type ComplaintFile = {
  rows: ComplaintRow[];
  errors: RowError[];
  /** the file's name of each known column, for the report */
  labels: Partial<Record<ComplaintColumn, string>>;
  /** columns of personal data that were dropped, as the file names them */
  droppedColumns: string[];
  /** other columns the import does not read */
  ignoredColumns: string[];
  /** rows of another class than a complaint or a suggestion (e.g. an information request) */
  skipped: number;
  /** e-mail addresses, NIKs and phone numbers cut out of the text */
  redactions: number;
};

const at = (row: number, column?: string) => (column ? `row ${row}.${column}` : `row ${row}`);

/**
 * A complaint's date: `2026-03-02`, `2026-03-02 14:05`, `02/03/2026`, `02-03-2026` (day first, as
 * Indonesia writes it), read in the agency's time zone.
 * @returns epoch ms, or null when the cell is no such date
 */
export function parseComplaintDate(cell: string, zone: TimeZone): number | null {
  const value = cell.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  const parts = iso
    ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]]
    : dmy
      ? [dmy[3], dmy[2]!.padStart(2, "0"), dmy[1]!.padStart(2, "0"), dmy[4], dmy[5], dmy[6]]
      : null;
  if (!parts) return null;
  const [y, m, d, hh = "00", mm = "00", ss = "00"] = parts as [string, string, string, string?, string?, string?];
  const day = `${y}-${m}-${d}`;
  const check = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== day) return null;
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return null;
  return dayStart(day, zone) + ((Number(hh) * 60 + Number(mm)) * 60 + Number(ss)) * 1000;
}

type Header = {
  columns: (ComplaintColumn | null)[];
  labels: Partial<Record<ComplaintColumn, string>>;
  dropped: string[];
  ignored: string[];
  errors: RowError[];
};

function readHeader(cells: string[]): Header {
  const names = cells.map(headerKey);
  const labels: Partial<Record<ComplaintColumn, string>> = {};
  const errors: RowError[] = [];
  const dropped: string[] = [];
  const ignored: string[] = [];
  const columns = names.map((name, i) => {
    const column = COLUMN_OF.get(name) ?? null;
    if (column && labels[column] !== undefined) {
      errors.push({ path: at(1, name), code: "csv.duplicate_column", message: `Column "${name}" appears twice` });
      return null;
    }
    if (column) {
      labels[column] = name;
      return column;
    }
    const shown = cells[i]!.trim() || `column ${i + 1}`;
    if (isPersonalColumn(name)) dropped.push(shown);
    else if (name) ignored.push(shown);
    return null;
  });
  const indonesian = Object.entries(labels).some(([column, name]) => column !== name);
  for (const column of REQUIRED_COMPLAINT_COLUMNS) {
    if (labels[column] === undefined) {
      const name = indonesian ? COMPLAINT_COLUMNS_ID[column] : column;
      errors.push({ path: at(1, name), code: "csv.missing_column", message: `The header needs a "${name}" column` });
    }
  }
  return { columns, labels, dropped, ignored, errors };
}

/**
 * Step 1 of an import: the header and every row, with personal data stripped from the text.
 * @param records the parsed CSV (lib/csv.ts), header first
 * @param zone the agency's time zone, in which the dates are read
 * @param now for refusing dates in the future
 */
export function readComplaintRows(
  records: readonly { row: number; cells: string[] }[],
  zone: TimeZone,
  now: number = Date.now(),
): ComplaintFile {
  const empty = { rows: [], labels: {}, droppedColumns: [], ignoredColumns: [], skipped: 0, redactions: 0 };
  const [header, ...body] = records;
  if (!header) return { ...empty, errors: [{ path: "file", code: "csv.empty", message: "The file is empty" }] };
  const head = readHeader(header.cells);
  const base = { ...empty, labels: head.labels, droppedColumns: head.dropped, ignoredColumns: head.ignored };
  if (head.errors.length > 0) return { ...base, errors: head.errors };
  if (body.length === 0)
    return { ...base, errors: [{ path: "file", code: "csv.no_rows", message: "The file has a header but no rows" }] };
  if (body.length > COMPLAINT_IMPORT_MAX_ROWS) {
    const message = `At most ${COMPLAINT_IMPORT_MAX_ROWS} rows per file; split it`;
    return { ...base, errors: [{ path: "file", code: "csv.too_many_rows", message }] };
  }

  const rows: ComplaintRow[] = [];
  const errors: RowError[] = [];
  const firstRowOf = new Map<string, number>();
  let skipped = 0;
  let redactions = 0;
  const label = (column: ComplaintColumn) => head.labels[column] ?? COMPLAINT_COLUMNS_ID[column];
  for (const { row, cells } of body) {
    const cell = (column: ComplaintColumn) => {
      const i = head.columns.indexOf(column);
      return i < 0 ? "" : (cells[i] ?? "").trim();
    };
    const fail = (column: ComplaintColumn, code: string, message: string) =>
      errors.push({ path: at(row, label(column)), code, message });
    if (!KEPT_CLASSES.has(cell("classification").toLowerCase())) {
      skipped += 1;
      continue;
    }
    const before = errors.length;
    const externalId = cell("id");
    if (!externalId) fail("id", "complaint.id_required", "The complaint's id is required");
    else if (firstRowOf.has(externalId))
      fail("id", "complaint.id_duplicate_in_file", `Same id as row ${firstRowOf.get(externalId)}`);
    else firstRowOf.set(externalId, row);
    const dateCell = cell("date");
    const receivedAt = dateCell ? parseComplaintDate(dateCell, zone) : null;
    if (!dateCell) fail("date", "complaint.date_required", "The date is required");
    else if (receivedAt === null)
      fail("date", "complaint.date_invalid", `"${dateCell}" is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
    else if (receivedAt > now + 86_400_000) fail("date", "complaint.date_future", "The date is in the future");
    const raw = cell("text");
    if (!raw) fail("text", "complaint.text_required", "The complaint's text is required");
    else if (raw.length > COMPLAINT_TEXT_MAX)
      fail("text", "complaint.text_too_long", `At most ${COMPLAINT_TEXT_MAX} characters`);
    for (const [column, max] of Object.entries(LIMITS) as [ComplaintColumn, number][]) {
      if (cell(column).length > max) fail(column, `complaint.${column}_too_long`, `At most ${max} characters`);
    }
    if (errors.length > before) continue;
    const text = stripPersonalData(raw);
    const title = stripPersonalData(cell("title"));
    const location = stripPersonalData(cell("location"));
    redactions += text.removed + title.removed + location.removed;
    rows.push({
      row,
      externalId,
      receivedAt: receivedAt!,
      channel: cell("channel"),
      category: cell("category"),
      title: title.text,
      text: text.text,
      location: location.text,
      unit: cell("unit"),
      status: cell("status"),
    });
  }
  return { ...base, rows, errors, skipped, redactions };
}
