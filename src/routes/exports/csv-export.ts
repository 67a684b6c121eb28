/**
 * How every export of this folder becomes a download: D1 is read a keyset page at a time, each page
 * turned into CSV text at once (its row objects are dropped), all before the response is returned,
 * so `Server-Timing` reports the whole cost. Past {@link EXPORT_ROW_CAP} rows the export stops
 * with 413 `export.too_large` instead of holding an agency's whole history in memory.
 */
import { toCsv, type CsvCell } from "../../lib/csv";
import { ApiError } from "../../lib/problem";
import { localDay, type TimeZone } from "../../domain/time-zone";

/** Rows read per D1 page. */
export const PAGE_ROWS = 1000;
/** Rows one export may hold; beyond, the caller narrows it (a campaign, a period). */
export const EXPORT_ROW_CAP = 50_000;

export type Separator = "comma" | "semicolon";

/** One page: its CSV rows and the key to read the next page after, or null on the last page. */
export type CsvPage<K> = { rows: CsvCell[][]; next: K | null };

/**
 * Reads every page and renders it, header first, the BOM once.
 * @param readPage reads the page after `after` (`undefined`: the first page)
 * @param narrowing what the 413 suggests, e.g. "filter by campaign (campaignId)"
 * @throws 413 `export.too_large` when the rows pass `cap`
 * @example await renderPages(header, "semicolon", (after) => readIdeasPage(after), "…")
 */
export async function renderPages<K>(
  header: readonly string[],
  separator: Separator,
  readPage: (after: K | undefined) => Promise<CsvPage<K>>,
  narrowing: string,
  cap = EXPORT_ROW_CAP,
): Promise<string[]> {
  const delimiter = separator === "semicolon" ? ";" : ",";
  const chunks = [toCsv([header], { delimiter })];
  let after: K | undefined;
  let count = 0;
  for (;;) {
    const page = await readPage(after);
    count += page.rows.length;
    if (count > cap) {
      throw new ApiError(
        413,
        "export.too_large",
        `The export has more than ${cap.toLocaleString("en")} rows; ${narrowing}`,
      );
    }
    if (page.rows.length > 0) chunks.push(toCsv(page.rows, { delimiter, bom: false }));
    if (page.next === null) return chunks;
    after = page.next;
  }
}

/**
 * The download: `text/csv` in UTF-8, named `<name>-<agency-slug>-<YYYY-MM-DD>.csv` (today on the agency's clock),
 * never cached. The body streams the rendered pages out one by one, releasing each as it goes.
 */
export function csvDownload(
  chunks: string[],
  name: string,
  agency: { slug: string; timeZone: TimeZone },
  now: number,
): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks.shift();
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-${agency.slug}-${localDay(now, agency.timeZone)}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
