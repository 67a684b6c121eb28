import { describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/policy";
import {
  IMPORT_MAX_ROWS,
  planImport,
  readImportRows,
  type ExistingAccount,
  type ImportContext,
} from "../../src/domain/user-import";

const TODAY = new Date(Date.UTC(2026, 5, 15));
const HEADER = ["nip", "name", "email", "unit_code", "position", "roles"];
const records = (...rows: string[][]) => [HEADER, ...rows].map((cells, i) => ({ row: i + 1, cells }));
const good = (nip = "198203152006041002", email = "a@uji.go.id") => [nip, "Rahmat", email, "kominfo", "Staf", "asn"];

const admin: Actor = { userId: 1, agencyId: 10, unitId: 100, roles: ["asn", "admin"] };
const existing = (over: Partial<ExistingAccount> = {}): ExistingAccount => ({
  id: 5,
  agencyId: 10,
  name: "Rahmat",
  email: "a@uji.go.id",
  unitId: 100,
  position: "Staf",
  roles: ["asn"],
  active: true,
  ...over,
});
const context = (over: Partial<ImportContext> = {}): ImportContext => ({
  actor: admin,
  units: new Map([["KOMINFO", { id: 100, active: true }]]),
  byNip: new Map(),
  emailOwners: new Map(),
  ...over,
});

describe("readImportRows", () => {
  it("reads good rows, whatever the column order and header case", () => {
    const header = ["Roles", "NIP", "Name", "Email", "Unit_Code", "Position"];
    const { rows, errors } = readImportRows(
      [
        { row: 1, cells: header },
        { row: 2, cells: ["asn;reviewer", "198203152006041002", " Rahmat ", "A@Uji.go.id", "kominfo", ""] },
      ],
      TODAY,
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        nip: "198203152006041002",
        name: "Rahmat",
        email: "a@uji.go.id",
        unitCode: "KOMINFO",
        position: "",
        roles: ["asn", "reviewer"],
      },
    ]);
  });

  it("names each missing, unknown or repeated header column at row 1", () => {
    const { errors } = readImportRows([
      { row: 1, cells: ["nip", "nama_lengkap", "nip", "email", "unit_code", "position", "roles"] },
    ]);
    expect(errors.map((e) => `${e.path} ${e.code}`)).toEqual([
      "row 1.nama_lengkap csv.unknown_column",
      "row 1.nip csv.duplicate_column",
      "row 1.name csv.missing_column",
    ]);
  });

  it("numbers rows as the spreadsheet does and names the column", () => {
    const { errors } = readImportRows(
      [...records(good()), { row: 4, cells: ["19820315200604100X", "", "x", "", "", "raja"] }],
      TODAY,
    );
    expect(errors.map((e) => `${e.path} ${e.code}`)).toEqual([
      "row 4.nip nip.format",
      "row 4.name name.required",
      "row 4.email email.invalid",
      "row 4.unit_code unit_code.required",
      "row 4.roles role.unknown",
    ]);
  });

  it("reports a NIP or e-mail that appears twice in the file at its second row", () => {
    const { errors } = readImportRows(records(good(), good("198203152006041003", "A@uji.go.id"), good()), TODAY);
    expect(errors.map((e) => `${e.path} ${e.code} ${e.message}`)).toEqual([
      "row 4.nip nip.duplicate_in_file Same nip as row 2",
      "row 3.email email.duplicate_in_file Same email as row 2",
      "row 4.email email.duplicate_in_file Same email as row 2",
    ]);
  });

  it("refuses an empty file, a file without rows, a row wider than the header and too many rows", () => {
    expect(readImportRows([]).errors[0]?.code).toBe("csv.empty");
    expect(readImportRows(records()).errors[0]?.code).toBe("csv.no_rows");
    expect(readImportRows(records([...good(), "extra"]), TODAY).errors[0]).toMatchObject({
      path: "row 2",
      code: "csv.column_count",
    });
    const many = records(...Array.from({ length: IMPORT_MAX_ROWS + 1 }, () => good()));
    expect(readImportRows(many, TODAY).errors[0]?.code).toBe("csv.too_many_rows");
  });

  it("accepts a row shorter than the header when the missing cells are optional", () => {
    expect(readImportRows(records(good().slice(0, 4)), TODAY).errors).toEqual([]);
  });
});

describe("planImport", () => {
  const rows = (...r: string[][]) => readImportRows(records(...r), TODAY).rows;

  it("creates an unknown NIP, leaves an identical account alone and updates a changed one", () => {
    const plan = planImport(
      rows(
        good("198203152006041002"),
        good("198203152006041003", "b@uji.go.id"),
        good("198203152006041004", "c@uji.go.id"),
      ),
      context({
        byNip: new Map([
          ["198203152006041003", existing({ id: 6, email: "b@uji.go.id" })],
          ["198203152006041004", existing({ id: 7, email: "c@uji.go.id", position: "Lama" })],
        ]),
      }),
    );
    expect(plan).toMatchObject({
      ok: true,
      plan: {
        create: [{ nip: "198203152006041002", unitId: 100, roles: "asn" }],
        update: [{ id: 7, changes: { position: { from: "Lama", to: "Staf" } } }],
        unchanged: 1,
      },
    });
  });

  it("refuses a NIP of another agency, an e-mail of another person and an unknown or closed unit", () => {
    const result = planImport(
      rows(good("198203152006041002"), [...good("198203152006041003", "b@uji.go.id").slice(0, 3), "tutup", "", ""]),
      context({
        units: new Map([
          ["KOMINFO", { id: 100, active: true }],
          ["TUTUP", { id: 101, active: false }],
        ]),
        byNip: new Map([["198203152006041002", existing({ agencyId: 11 })]]),
        emailOwners: new Map([["b@uji.go.id", "199001012015011001"]]),
      }),
    );
    expect(result.ok ? [] : result.errors.map((e) => `${e.path} ${e.code}`)).toEqual([
      "row 2.nip user.nip_taken",
      "row 3.unit_code unit.inactive",
      "row 3.email user.email_taken",
    ]);
  });

  it("leaves an unchanged superadmin account alone but refuses to change it", () => {
    const superUser = existing({ roles: ["asn", "superadmin"] });
    const unchanged = planImport(
      rows([...good().slice(0, 5), "asn|superadmin"]),
      context({ byNip: new Map([["198203152006041002", superUser]]) }),
    );
    expect(unchanged).toMatchObject({ ok: true, plan: { unchanged: 1 } });
    const changed = planImport(rows(good()), context({ byNip: new Map([["198203152006041002", superUser]]) }));
    expect(changed.ok ? [] : changed.errors.map((e) => e.code)).toEqual(["user.superadmin_protected"]);
  });
});
