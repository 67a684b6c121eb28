/**
 * Keyset pagination, shared by every list: the cursor is the sort key of the last row of a page
 * (e.g. `[sortValue, id]`), as base64url JSON, opaque to clients.
 */
import { z } from "@hono/zod-openapi";
import { ApiError } from "./problem";

export const PageQuery = z.object({
  cursor: z.string().max(300).optional().openapi({ description: "`nextCursor` of the previous page" }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const NextCursor = z
  .string()
  .nullable()
  .openapi({ description: "Pass as `cursor` for the next page; null on the last page" });

type Kind = "string" | "number";
type Decoded<K extends readonly Kind[]> = { -readonly [I in keyof K]: K[I] extends "string" ? string : number };

/** @example encodeCursor([12, 345]) // "WzEyLDM0NV0" */
export function encodeCursor(values: readonly (string | number)[]): string {
  return btoa(unescape(encodeURIComponent(JSON.stringify(values))))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

/**
 * @param shape the kind of each key part, e.g. `["number", "number"]`
 * @throws 400 `request.invalid_cursor` for anything that is not a cursor of this shape
 */
export function decodeCursor<const K extends readonly Kind[]>(cursor: string, shape: K): Decoded<K> {
  try {
    const json = decodeURIComponent(escape(atob(cursor.replaceAll("-", "+").replaceAll("_", "/"))));
    const values: unknown = JSON.parse(json);
    if (Array.isArray(values) && values.length === shape.length && values.every((v, i) => typeof v === shape[i])) {
      return values as Decoded<K>;
    }
  } catch {
    // any undecodable cursor is the same client error
  }
  throw new ApiError(400, "request.invalid_cursor", "The cursor is not valid; start again from the first page");
}

/**
 * Cuts the extra row a query fetched (`limit + 1`) and makes the next cursor from the last kept row.
 * @example const { items, nextCursor } = pageOf(rows, limit, (r) => [r.voteCount, r.id])
 */
export function pageOf<T>(
  rows: T[],
  limit: number,
  key: (row: T) => (string | number)[],
): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(key(items[items.length - 1]!)) };
}
