/**
 * Creates the first agency and its platform admin (superadmin + admin) on a fresh deployment,
 * where nobody can sign in yet. Idempotent: an existing agency slug or NIP is left as it is.
 *
 * Usage:
 *   npm run bootstrap -- --remote --slug binjai --agency "Pemerintah Kota Binjai" --region "Sumatera Utara" \
 *     --unit-code KOMINFO --unit "Dinas Komunikasi dan Informatika" \
 *     --nip 198203152006041002 --name "Rahmat Hidayat" --email admin@binjaikota.go.id [--time-zone Asia/Makassar]
 * The time zone is the agency's clock: Asia/Jakarta (WIB, the default), Asia/Makassar (WITA) or Asia/Jayapura (WIT).
 * The password is read from the GAGAS_BOOTSTRAP_PASSWORD environment variable (never from argv).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import initialize from "@phi-ag/argon2/node";
import { sql } from "drizzle-orm";
import { agencies, units, users } from "../src/db/schema.ts";
import { validateNip } from "../src/domain/nip.ts";
import { checkPassword } from "../src/domain/password-policy.ts";
import { DEFAULT_TIME_ZONE, isTimeZone, TIME_ZONE_IDS } from "../src/domain/time-zone.ts";
import { agencyId, db, insertSelect, kotakIdeSql, onConflictDoNothing, sqlText, unitId } from "./seed/sql.ts";
import { wrangler } from "./wrangler.ts";

const { values } = parseArgs({
  options: {
    remote: { type: "boolean", default: false },
    "persist-to": { type: "string" },
    slug: { type: "string" },
    agency: { type: "string" },
    region: { type: "string" },
    "unit-code": { type: "string" },
    unit: { type: "string" },
    nip: { type: "string" },
    name: { type: "string" },
    email: { type: "string" },
    "time-zone": { type: "string", default: DEFAULT_TIME_ZONE },
  },
});
const required = ["slug", "agency", "region", "unit-code", "unit", "nip", "name", "email"] as const;
const missing = required.filter((k) => !values[k]);
const password = process.env.GAGAS_BOOTSTRAP_PASSWORD ?? "";
if (missing.length > 0) throw new Error(`missing --${missing.join(", --")}`);
const nip = values.nip!;
const nipCheck = validateNip(nip);
if (!nipCheck.ok) throw new Error(`NIP: ${nipCheck.message}`);
const timeZone = values["time-zone"];
if (!isTimeZone(timeZone)) throw new Error(`--time-zone: one of ${TIME_ZONE_IDS.join(", ")}`);
const issue = checkPassword(password, { nip, email: values.email! });
if (issue) throw new Error(`GAGAS_BOOTSTRAP_PASSWORD is ${issue.replace("_", " ")}`);

const argon2 = await initialize();
const hash = argon2.hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1, hashLength: 32 }).encoded;
const slug = values.slug!;
const statements = [
  sqlText(
    db
      .insert(agencies)
      .values({ slug, name: values.agency!, region: values.region!, settings: "{}", timeZone })
      .onConflictDoNothing({ target: agencies.slug }),
  ),
  kotakIdeSql(slug),
  sqlText(
    insertSelect(
      units,
      { agencyId: agencyId(slug), code: values["unit-code"], name: values.unit },
      sql`WHERE 1 ${onConflictDoNothing(units.agencyId, units.code)}`,
    ),
  ),
  sqlText(
    insertSelect(
      users,
      {
        agencyId: agencyId(slug),
        unitId: unitId(slug, values["unit-code"]!),
        nip,
        name: values.name,
        email: values.email!.toLowerCase(),
        position: "Administrator Gagas",
        roles: "asn,admin,superadmin",
        passwordHash: hash,
        mustChangePassword: true,
      },
      sql`WHERE NOT EXISTS (SELECT 1 FROM ${users} WHERE ${users.nip} = ${nip})`,
    ),
  ),
].join("\n");

const dir = mkdtempSync(path.join(tmpdir(), "gagas-bootstrap-"));
try {
  const file = path.join(dir, "bootstrap.sql");
  writeFileSync(file, statements);
  const persist = values["persist-to"] ? ["--persist-to", values["persist-to"]] : [];
  await wrangler(["d1", "execute", "gagas", values.remote ? "--remote" : "--local", "--file", file, ...persist]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`Bootstrapped ${values.agency}: sign in with NIP ${nip}; you will be asked to change the password.`);
