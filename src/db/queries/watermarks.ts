import { sql, type SQL } from "drizzle-orm";
import { DERIVE_BATCH } from "../../domain/notifications";

/**
 * The rows of `table` a scheduler job handles in this run: those after its watermark, at most
 * DERIVE_BATCH of them. Put `where` in the job's statements and `advance` last in the same batch,
 * so the work and the watermark's move commit together (and an idle run writes nothing).
 * @param name the job's row in `job_watermarks`
 * @param table the source table; `alias` is how the job's statements name it
 * @param idColumn an increasing key (`id`, or `rowid` for tables keyed otherwise)
 * @param limit rows per run at most
 */
export function watermarkWindow(
  name: string,
  table: string,
  alias: string,
  idColumn = "id",
  limit = DERIVE_BATCH,
): { where: SQL; advance: SQL } {
  const lo = `(SELECT last_id FROM job_watermarks WHERE name = '${name}')`;
  const hi = sql.raw(
    `(SELECT max(${idColumn}) FROM (SELECT ${idColumn} FROM ${table} WHERE ${idColumn} > ${lo} ORDER BY ${idColumn} LIMIT ${limit}))`,
  );
  const key = sql.raw(`${alias}.${idColumn}`);
  return {
    where: sql`${key} > ${sql.raw(lo)} AND ${key} <= ${hi}`,
    advance: sql`UPDATE job_watermarks SET last_id = ${hi} WHERE name = ${name} AND ${hi} IS NOT NULL`,
  };
}
