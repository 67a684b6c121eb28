/**
 * Restores an agency backup (GET /api/v1/agencies/{id}/backup) into a database whose migrations are
 * applied and which does not hold this agency yet: the way to move an agency to a D1 of its own.
 *
 * Usage: npm run restore -- --file gagas-binjai-2026-11-23.json (--remote | --persist-to DIR)
 * Then copy the R2 objects under ideas/<ideaId>/ for the agency's attachments (wrangler r2 object get/put).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { restoreStatements, type AgencyBackup } from "../src/db/backup-format.ts";
import { wrangler } from "./wrangler.ts";

const { values } = parseArgs({
  options: { file: { type: "string" }, remote: { type: "boolean", default: false }, "persist-to": { type: "string" } },
});
if (!values.file) throw new Error("--file is required");
const backup = JSON.parse(readFileSync(values.file, "utf8")) as AgencyBackup;
const target = values.remote
  ? ["--remote"]
  : ["--local", ...(values["persist-to"] ? ["--persist-to", values["persist-to"]] : [])];

const existing = await wrangler(
  [
    "d1",
    "execute",
    "gagas",
    ...target,
    "--json",
    "--command",
    `SELECT count(*) AS n FROM agencies WHERE id = ${Number(backup.agency.id)} OR slug = '${backup.agency.slug.replaceAll("'", "''")}'`,
  ],
  { quiet: true },
);
if (!/"n":\s*0/.test(existing))
  throw new Error(`the target already holds agency ${backup.agency.slug} (or its id): restore into an empty database`);

const dir = mkdtempSync(path.join(tmpdir(), "gagas-restore-"));
try {
  const file = path.join(dir, "restore.sql");
  writeFileSync(
    file,
    restoreStatements(backup)
      .map((s) => `${s};`)
      .join("\n") + "\n",
  );
  await wrangler(["d1", "execute", "gagas", ...target, "--file", file]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const rows = Object.values(backup.tables).reduce((n, t) => n + t.length, 0);
console.log(`Restored ${backup.agency.name}: ${rows} rows in ${Object.keys(backup.tables).length} tables.`);
