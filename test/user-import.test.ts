import { env } from "cloudflare:test";
import { desc, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../src/db/client";
import {
  ACCOUNTS_PER_BATCH,
  ACCOUNTS_PER_STATEMENT,
  D1_MAX_PARAMS,
  upsertAccounts,
} from "../src/db/queries/user-import.queries";
import { users } from "../src/db/schema";
import { CSV_HEADER, auditRows, csvText, importCsv } from "./fixtures/admin";
import { createPersonas, createUnit, createUser, makeNip, signIn, type TestUnit } from "./fixtures/builders";
import { testDb } from "./fixtures/db";
import { api } from "./fixtures/http";
import { bodyOf, byId, client, fieldErrors, problemOf } from "./fixtures/client";

type Personas = Awaited<ReturnType<typeof createPersonas>>;
let p: Personas;
let unit: TestUnit;
beforeAll(async () => {
  p = await createPersonas();
  unit = await createUnit(p.agency, { code: `DINKES-${Date.now()}` });
});

let seq = 0;
/** A good row: nip, name, email, unit_code, position, roles. */
const row = (
  overrides: Partial<Record<"nip" | "name" | "email" | "unit_code" | "position" | "roles", string>> = {},
) => {
  const n = ++seq;
  return [
    overrides.nip ?? makeNip(),
    overrides.name ?? `Pegawai Impor ${n}`,
    overrides.email ?? `impor.${n}.${Date.now()}@uji.go.id`,
    overrides.unit_code ?? unit.code,
    overrides.position ?? "Perawat Ahli Pertama",
    overrides.roles ?? "asn",
  ];
};

const countByNip = (nips: string[]) => testDb.$count(users, inArray(users.nip, nips));

describe("POST /api/v1/users/import", () => {
  it("imports a spreadsheet export: BOM, CRLF, quoted commas, roles split by | or ;", async () => {
    const a = row({ name: "Siregar, Rahmat Hidayat", roles: "asn|reviewer" });
    const b = row({ name: 'Dewi "Uci" Anggraini', roles: "ASN; leader", email: "DEWI.ANGGRAINI.IMPOR@UJI.GO.ID" });
    const res = await importCsv(p.admin.cookie, "\uFEFF" + csvText([a, b]));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const stored = await testDb
      .select({
        name: users.name,
        email: users.email,
        roles: users.roles,
        unitId: users.unitId,
        mustChangePassword: users.mustChangePassword,
      })
      .from(users)
      .where(inArray(users.nip, [a[0]!, b[0]!]))
      .orderBy(desc(eq(users.nip, a[0]!)));
    expect(stored).toEqual([
      {
        name: "Siregar, Rahmat Hidayat",
        email: a[2],
        roles: "asn,reviewer",
        unitId: unit.id,
        mustChangePassword: true,
      },
      {
        name: 'Dewi "Uci" Anggraini',
        email: "dewi.anggraini.impor@uji.go.id",
        roles: "asn,leader",
        unitId: unit.id,
        mustChangePassword: true,
      },
    ]);
  });

  it("stores nothing and reports row 3 when one row is bad", async () => {
    const rows = [row(), row({ nip: "19820315" + "200604" + "3" + "002" }), row()];
    const res = await importCsv(p.admin.cookie, rows);
    expect(res.status).toBe(422);
    const problem = await problemOf(res, 422);
    expect(problem.errors).toEqual([
      { path: "row 3.nip", code: "nip.gender", message: "Digit 15 must be 1 (male) or 2 (female)" },
    ]);
    expect(problem.detail).toMatch(/nothing was stored/);
    expect(await countByNip(rows.map((r) => r[0]!))).toBe(0);
  });

  it("reports the problems of every row in one answer, in row order, each with its row and column", async () => {
    const first = row();
    const res = await importCsv(p.admin.cookie, [
      row({ email: "bukan-email", name: "" }),
      first,
      row({ nip: first[0]!, roles: "asn|raja" }),
      row({ nip: p.otherAdmin.user.nip }),
      row({ unit_code: "TIDAK-ADA", email: p.leader.user.email }),
      row({ nip: first[0]! }),
    ]);
    expect((await fieldErrors(res)).map((e) => `${e.path} ${e.code}`)).toEqual([
      "row 2.name name.required",
      "row 2.email email.invalid",
      "row 4.roles role.unknown",
      "row 5.nip user.nip_taken",
      "row 6.unit_code unit.not_found",
      "row 6.email user.email_taken",
      "row 7.nip nip.duplicate_in_file",
    ]);
  });

  it("re-importing the same file changes nothing; a changed row is updated", async () => {
    const rows = [row(), row(), row()];
    expect(await (await importCsv(p.admin.cookie, rows)).json()).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(await (await importCsv(p.admin.cookie, rows)).json()).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await countByNip(rows.map((r) => r[0]!))).toBe(3);

    rows[1]![4] = "Kepala Seksi Pelayanan";
    expect(await (await importCsv(p.admin.cookie, rows)).json()).toEqual({ created: 0, updated: 1, unchanged: 2 });
    const audit = (await auditRows(p.agency.id, "user.import")).at(-1)!;
    expect(JSON.parse(audit.detail)).toMatchObject({
      created: [],
      updated: [
        { nip: rows[1]![0], changes: { position: { from: "Perawat Ahli Pertama", to: "Kepala Seksi Pelayanan" } } },
      ],
    });
  });

  it("keeps an updated account's password, sessions and active flag", async () => {
    const person = await createUser(unit);
    const cookie = await signIn(person);
    const res = await importCsv(p.admin.cookie, [row({ nip: person.nip, email: person.email, name: "Nama Baru" })]);
    expect(await res.json()).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect((await api("GET", "/api/v1/auth/me", { cookie })).status).toBe(200);
  });

  it("creates accounts that cannot sign in until an admin issues a temporary password", async () => {
    const r = row();
    await importCsv(p.admin.cookie, [r]);
    const { id } = (await testDb.select({ id: users.id }).from(users).where(eq(users.nip, r[0]!)).get())!;
    const reset = await client(p.admin.cookie).api.v1.users[":id"]["reset-password"].$post(byId(id));
    const { temporaryPassword } = await bodyOf(reset, 200);
    await expect(signIn({ nip: r[0]! }, temporaryPassword)).resolves.toMatch(/__Host-gagas_session=/);
  });

  it("writes a large file in several transactions, each with its audit row", async () => {
    const rows = Array.from({ length: ACCOUNTS_PER_BATCH + 20 }, () => row());
    const before = (await auditRows(p.agency.id, "user.import")).length;
    const res = await importCsv(p.admin.cookie, rows);
    expect(await res.json()).toEqual({ created: rows.length, updated: 0, unchanged: 0 });
    expect(await countByNip(rows.slice(0, 90).map((r) => r[0]!))).toBe(90);
    const audits = (await auditRows(p.agency.id, "user.import")).slice(before).map((a) => JSON.parse(a.detail));
    expect(audits.map((a) => [a.batch, a.of, a.created.length])).toEqual([
      [1, 2, ACCOUNTS_PER_BATCH],
      [2, 2, 20],
    ]);
  });

  it("reads a semicolon-delimited file (Excel with Indonesian settings)", async () => {
    const r = row({ roles: "asn|reviewer" });
    const text = `${CSV_HEADER.replaceAll(",", ";")}\n${r.join(";")}\n`;
    expect(await (await importCsv(p.admin.cookie, text)).json()).toEqual({ created: 1, updated: 0, unchanged: 0 });
  });

  it("reads the Indonesian template: headers nip,nama,email,kode_unit,jabatan,peran and Indonesian role names", async () => {
    const a = row({ roles: "Pegawai|Penilai" });
    const b = row({ roles: "pimpinan | Administrator" });
    const header = "\uFEFFNIP;Nama;Email;Kode Unit;Jabatan;Peran";
    const text = [header, a.join(";"), b.join(";")].join("\r\n") + "\r\n";
    const res = await importCsv(p.admin.cookie, text);
    expect(await res.json()).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const stored = await testDb
      .select({ nip: users.nip, roles: users.roles, position: users.position })
      .from(users)
      .where(inArray(users.nip, [a[0]!, b[0]!]))
      .orderBy(desc(eq(users.nip, a[0]!)));
    expect(stored).toEqual([
      { nip: a[0], roles: "asn,reviewer", position: "Perawat Ahli Pertama" },
      { nip: b[0], roles: "asn,leader,admin", position: "Perawat Ahli Pertama" },
    ]);
  });

  it("names the columns of an Indonesian file as the file does in its report", async () => {
    const header = "nip,nama,email,kode_unit,jabatan,peran";
    const bad = row({ name: " ", unit_code: "TIDAK-ADA", roles: "kepala" });
    const res = await importCsv(p.admin.cookie, csvText([bad], header));
    expect(res.status).toBe(422);
    const paths = (await fieldErrors(res)).map((e) => [e.path, e.code]);
    expect(paths).toEqual([
      ["row 2.nama", "name.required"],
      ["row 2.peran", "role.unknown"],
    ]);
    const unknownUnit = await importCsv(p.admin.cookie, csvText([row({ unit_code: "TIDAK-ADA" })], header));
    expect((await fieldErrors(unknownUnit)).map((e) => e.path)).toEqual(["row 2.kode_unit"]);
    const missing = await importCsv(p.admin.cookie, "nip,nama,email,jabatan\n");
    expect((await fieldErrors(missing)).map((e) => e.path)).toEqual(["row 1.kode_unit", "row 1.peran"]);
  });

  it("explains a NIP that the spreadsheet turned into a number", async () => {
    const res = await importCsv(p.admin.cookie, [row({ nip: "1.98203E+17" })]);
    expect((await problemOf(res, 422)).errors).toEqual([
      { path: "row 2.nip", code: "nip.format", message: expect.stringMatching(/format the column as text/) },
    ]);
  });

  it("reports a header without a required column as row 1", async () => {
    const res = await importCsv(p.admin.cookie, "nip,name,email,position\n");
    expect(res.status).toBe(422);
    expect((await fieldErrors(res)).map((e) => e.path)).toEqual(["row 1.unit_code", "row 1.roles"]);
  });

  it("refuses a row that removes the importing admin's own admin role, or grants superadmin", async () => {
    const res = await importCsv(p.admin.cookie, [
      row({ nip: p.admin.user.nip, email: p.admin.user.email, unit_code: p.unit.code, roles: "asn" }),
      row({ roles: "asn|superadmin" }),
    ]);
    expect((await fieldErrors(res)).map((e) => `${e.path} ${e.code}`)).toEqual([
      "row 2.roles user.cannot_demote_self",
      "row 3.roles role.superadmin_forbidden",
    ]);
  });

  it("answers 422 naming form.file when no file is attached, and 403 to an ASN", async () => {
    const empty = await api("POST", "/api/v1/users/import", { cookie: p.admin.cookie, rawBody: new FormData() });
    expect(empty.status).toBe(422);
    expect((await fieldErrors(empty)).map((e) => e.path)).toEqual(["form.file"]);
    expect((await importCsv(p.asn.cookie, [row()])).status).toBe(403);
  });

  it("keeps every upsert statement within D1's 100 bound parameters", () => {
    const db = createDb(env.DB);
    const rows = Array.from({ length: ACCOUNTS_PER_STATEMENT }, (_, i) => ({
      nip: makeNip(),
      name: `N${i}`,
      email: `e${i}@x.go.id`,
      unitId: 1,
      position: "",
      roles: "asn",
    }));
    const { params } = upsertAccounts(db, 1, rows, "hash", Date.now()).toSQL();
    expect(params.length).toBeLessThanOrEqual(D1_MAX_PARAMS);
    expect(upsertAccounts(db, 1, [...rows, rows[0]!], "hash", Date.now()).toSQL().params.length).toBeGreaterThan(
      D1_MAX_PARAMS,
    );
  });
});
