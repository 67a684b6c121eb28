/**
 * Competition ranking ("1, 2, 2, 4") across pages: a page continues from where the previous one
 * ended (its last position, rank and points travel in the cursor), so no page counts the rows
 * before it.
 */
export type RankCarry = { position: number; rank: number; points: number | null };

export const FIRST_PAGE: RankCarry = { position: 0, rank: 0, points: null };

/**
 * @example rankPage([{ points: 9 }, { points: 7 }, { points: 7 }], FIRST_PAGE).ranks // [1, 2, 2]
 */
export function rankPage<T extends { points: number }>(
  rows: readonly T[],
  from: RankCarry,
): { ranks: number[]; carry: RankCarry } {
  let { position, rank, points } = from;
  const ranks = rows.map((row) => {
    position++;
    if (row.points !== points) rank = position;
    points = row.points;
    return rank;
  });
  return { ranks, carry: { position, rank, points } };
}
