/**
 * CSV import of users (`nip,name,email,unit_code,position,roles`, or in Bahasa Indonesia
 * `nip,nama,email,kode_unit,jabatan,peran`), in two pure steps so that a
 * file is judged whole before anything is stored: {@link readImportRows} checks what the file
 * alone can tell, {@link planImport} checks it against the agency and decides, per row, create,
 * update or leave unchanged.
 */
import { validateNip } from "./nip";
import { NAME_MAX, POSITION_MAX, isEmail, normalizeEmail, parseRoleList } from "./person";
import { can, type Actor } from "./policy";
import { serializeRoles, type Role } from "./roles";
import { ACCOUNT_ISSUE_MESSAGES, accountChangeIssues, diffFields } from "./user-rules";

export const IMPORT_COLUMNS = ["nip", "name", "email", "unit_code", "position", "roles"] as const;
export const IMPORT_MAX_ROWS = 5000;

type Column = (typeof IMPORT_COLUMNS)[number];

/** The headers of the template HR staff download, in Bahasa Indonesia, in {@link IMPORT_COLUMNS}' order. */
export const IMPORT_COLUMNS_ID = ["nip", "nama", "email", "kode_unit", "jabatan", "peran"] as const;

const COLUMN_ALIASES: ReadonlyMap<string, Column> = new Map([
  ...IMPORT_COLUMNS.map((c) => [c, c] as const),
  ...IMPORT_COLUMNS_ID.map((c, i) => [c, IMPORT_COLUMNS[i]!] as const),
]);

/** Role names HR staff write in Bahasa Indonesia, beside the English ones the API uses. */
export const ROLE_ALIASES: Readonly<Record<string, Role>> = {
  pegawai: "asn",
  penilai: "reviewer",
  pimpinan: "leader",
  administrator: "admin",
};

/** `Kode Unit` and `kode-unit` are `kode_unit`. */
export const headerKey = (cell: string) =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

/**
 * A roles cell with Indonesian names turned into the API's.
 * @example translateRoles("Pegawai|Penilai") // "asn|reviewer"
 */
export function translateRoles(cell: string): string {
  return cell
    .split(/([|;])/)
    .map((part) => ROLE_ALIASES[part.trim().toLowerCase()] ?? part)
    .join("");
}

/** One report entry; `path` is `row <n>.<column>` with rows numbered as a spreadsheet shows them. */
export type RowError = { path: string; message: string; code: string };

export type ImportRow = {
  row: number;
  nip: string;
  name: string;
  email: string;
  unitCode: string;
  position: string;
  roles: Role[];
};

const at = (row: number, column?: string) => (column ? `row ${row}.${column}` : `row ${row}`);
const SCIENTIFIC = /^\d(?:[.,]\d+)?e\+?\d+$/i;

type Header = { columns: (Column | null)[]; labels: Record<Column, string>; errors: RowError[] };

/** The header, in English or Bahasa Indonesia; a report names each column as the file does. */
function readHeader(cells: string[]): Header {
  const names = cells.map(headerKey);
  const columns = names.map((n) => COLUMN_ALIASES.get(n) ?? null);
  const labels = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, c])) as Record<Column, string>;
  const errors: RowError[] = [];
  names.forEach((name, i) => {
    const column = columns[i];
    if (!column) {
      errors.push({
        path: at(1, name || `column ${i + 1}`),
        code: "csv.unknown_column",
        message: `Unknown column "${name}"`,
      });
    } else if (columns.indexOf(column) !== i) {
      errors.push({ path: at(1, name), code: "csv.duplicate_column", message: `Column "${name}" appears twice` });
    } else labels[column] = name;
  });
  const indonesian = columns.some((c, i) => c !== null && names[i] !== c);
  IMPORT_COLUMNS.forEach((column, i) => {
    if (!columns.includes(column)) {
      const name = indonesian ? IMPORT_COLUMNS_ID[i]! : column;
      errors.push({ path: at(1, name), code: "csv.missing_column", message: `The header needs a "${name}" column` });
    }
  });
  return { columns, labels, errors };
}

function readRow(
  row: number,
  values: Record<Column, string>,
  labels: Record<Column, string>,
  today: Date,
): { value?: ImportRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (column: Column, code: string, message: string) =>
    errors.push({ path: at(row, labels[column]), code, message });

  const nip = values.nip.replace(/\s+/g, "");
  if (SCIENTIFIC.test(nip)) {
    fail(
      "nip",
      "nip.format",
      "The spreadsheet turned the NIP into a number; format the column as text and export again",
    );
  } else {
    const check = validateNip(nip, today);
    if (!check.ok) fail("nip", `nip.${check.part}`, check.message);
  }
  const name = values.name.trim();
  if (!name) fail("name", "name.required", "A name is required");
  else if (name.length > NAME_MAX) fail("name", "name.too_long", `At most ${NAME_MAX} characters`);
  const email = normalizeEmail(values.email);
  if (!isEmail(email)) fail("email", "email.invalid", "Not a valid e-mail address");
  const unitCode = values.unit_code.trim().toUpperCase();
  if (!unitCode) fail("unit_code", "unit_code.required", "A unit code is required");
  const position = values.position.trim();
  if (position.length > POSITION_MAX) fail("position", "position.too_long", `At most ${POSITION_MAX} characters`);
  const roles = parseRoleList(translateRoles(values.roles));
  if (!roles.ok) {
    const known = "asn (pegawai), reviewer (penilai), leader (pimpinan), admin";
    fail("roles", "role.unknown", `Unknown role "${roles.unknown}"; use ${known}`);
  }

  if (errors.length > 0 || !roles.ok) return { errors };
  return { value: { row, nip, name, email, unitCode, position, roles: roles.roles }, errors };
}

function duplicates(rows: ImportRow[], key: "nip" | "email"): RowError[] {
  const first = new Map<string, number>();
  const errors: RowError[] = [];
  for (const r of rows) {
    const seen = first.get(r[key]);
    if (seen === undefined) first.set(r[key], r.row);
    else errors.push({ path: at(r.row, key), code: `${key}.duplicate_in_file`, message: `Same ${key} as row ${seen}` });
  }
  return errors;
}

/**
 * Step 1: the header, every cell's shape, and duplicates inside the file.
 * @param records the parsed CSV, header first
 * @example readImportRows([{ row: 1, cells: ["nip", "name", …] }, { row: 2, cells: ["198203152006041002", …] }])
 */
export function readImportRows(
  records: readonly { row: number; cells: string[] }[],
  today: Date = new Date(),
): { rows: ImportRow[]; errors: RowError[]; labels?: Record<Column, string> } {
  const [header, ...body] = records;
  if (!header) return { rows: [], errors: [{ path: "file", code: "csv.empty", message: "The file is empty" }] };
  const { columns, labels, errors } = readHeader(header.cells);
  if (errors.length > 0) return { rows: [], errors };
  if (body.length === 0)
    return { rows: [], errors: [{ path: "file", code: "csv.no_rows", message: "The file has a header but no rows" }] };
  if (body.length > IMPORT_MAX_ROWS) {
    const message = `At most ${IMPORT_MAX_ROWS} rows per file; split it`;
    return { rows: [], errors: [{ path: "file", code: "csv.too_many_rows", message }] };
  }

  const rows: ImportRow[] = [];
  for (const { row, cells } of body) {
    if (cells.slice(columns.length).some((c) => c.trim() !== "")) {
      errors.push({
        path: at(row),
        code: "csv.column_count",
        message: `The row has more cells than the header's ${columns.length}`,
      });
      continue;
    }
    const values = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, cells[columns.indexOf(c)] ?? ""])) as Record<
      Column,
      string
    >;
    const read = readRow(row, values, labels, today);
    errors.push(...read.errors);
    if (read.value) rows.push(read.value);
  }
  errors.push(...duplicates(rows, "nip"), ...duplicates(rows, "email"));
  return { rows, errors, labels };
}

/** An account as the plan needs to see it. */
export type ExistingAccount = {
  id: number;
  agencyId: number;
  name: string;
  email: string;
  unitId: number;
  position: string;
  roles: Role[];
  active: boolean;
};

export type ImportContext = {
  actor: Actor;
  /** the actor's agency's units by code */
  units: ReadonlyMap<string, { id: number; active: boolean }>;
  /** accounts (of any agency) that hold a NIP of the file */
  byNip: ReadonlyMap<string, ExistingAccount>;
  /** NIP of the account (of any agency) that holds an e-mail of the file */
  emailOwners: ReadonlyMap<string, string>;
  /** the file's name of each column (`kode_unit` for `unit_code`), for the report */
  labels?: Readonly<Record<string, string>>;
};

export type AccountFields = { name: string; email: string; unitId: number; position: string; roles: string };
export type ImportPlan = {
  create: (AccountFields & { nip: string })[];
  update: { id: number; nip: string; fields: AccountFields; changes: Record<string, { from: unknown; to: unknown }> }[];
  unchanged: number;
};

/**
 * Step 2: each row against the agency. Upsert by NIP; `active` and passwords are never touched.
 * @returns the plan, or every row problem (then nothing may be stored)
 */
export function planImport(
  rows: readonly ImportRow[],
  context: ImportContext,
): { ok: true; plan: ImportPlan } | { ok: false; errors: RowError[] } {
  const { actor } = context;
  const errors: RowError[] = [];
  const plan: ImportPlan = { create: [], update: [], unchanged: 0 };
  for (const r of rows) {
    const fail = (column: string, code: string, message: string) =>
      errors.push({ path: at(r.row, context.labels?.[column] ?? column), code, message });
    const unit = context.units.get(r.unitCode);
    if (!unit) fail("unit_code", "unit.not_found", `No unit with code "${r.unitCode}" in this agency`);
    else if (!unit.active) fail("unit_code", "unit.inactive", `Unit "${r.unitCode}" is deactivated`);

    const existing = context.byNip.get(r.nip);
    if (existing && existing.agencyId !== actor.agencyId) {
      fail("nip", "user.nip_taken", "This NIP belongs to an account of another agency");
      continue;
    }
    const owner = context.emailOwners.get(r.email);
    if (owner !== undefined && owner !== r.nip)
      fail("email", "user.email_taken", "This e-mail belongs to another account");
    if (!unit) continue;

    const fields: AccountFields = {
      name: r.name,
      email: r.email,
      unitId: unit.id,
      position: r.position,
      roles: serializeRoles(r.roles),
    };
    const before = existing && {
      name: existing.name,
      email: existing.email,
      unitId: existing.unitId,
      position: existing.position,
      roles: serializeRoles(existing.roles),
    };
    const changes = before ? diffFields(before, fields) : {};
    if (existing && Object.keys(changes).length === 0) {
      plan.unchanged += 1;
      continue;
    }
    if (existing && !can(actor, "user.manage", { roles: existing.roles })) {
      fail(
        "nip",
        "user.superadmin_protected",
        "Only a superadmin may change an account that holds the superadmin role",
      );
      continue;
    }
    for (const issue of accountChangeIssues(actor, existing ?? null, {
      roles: r.roles,
      active: existing?.active ?? true,
    })) {
      fail("roles", issue.code, ACCOUNT_ISSUE_MESSAGES[issue.code]);
    }
    if (existing) plan.update.push({ id: existing.id, nip: r.nip, fields, changes });
    else plan.create.push({ nip: r.nip, ...fields });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, plan };
}

const rowOf = (path: string) => Number(/^row (\d+)/.exec(path)?.[1] ?? 0);

/** A report in row order (stable: within a row, problems keep the order they were found in). */
export function byRow(errors: readonly RowError[]): RowError[] {
  return [...errors].sort((a, b) => rowOf(a.path) - rowOf(b.path));
}
