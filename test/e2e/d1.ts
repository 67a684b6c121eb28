import { wrangler } from "../../scripts/wrangler.ts";

/**
 * Runs SQL against the local D1 in `persistTo` (the one the test server serves) and returns the
 * rows of its last statement.
 * @example await queryD1(dir, "select count(*) as n from users") // [{ n: 31 }]
 */
export async function queryD1<Row = Record<string, unknown>>(persistTo: string, sql: string): Promise<Row[]> {
  const output = await wrangler(
    ["d1", "execute", "gagas", "--local", "--persist-to", persistTo, "--json", "--command", sql],
    { quiet: true },
  );
  // --json prints one array (an entry per statement) from the start of a line; warnings may come first
  const start = output.search(/^\[/m);
  if (start < 0) throw new Error(`no JSON from wrangler d1 execute:\n${output}`);
  const results = JSON.parse(output.slice(start)) as { results: Row[] }[];
  return results.at(-1)?.results ?? [];
}
