/**
 * D1 reports a broken UNIQUE constraint as an error whose message (or cause) says
 * `UNIQUE constraint failed: users.email`. The database holds the invariant; this says which.
 * @returns `table.column` of the unique constraint the error broke, if that is what it is
 */
export function uniqueViolation(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const match = /UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*)/.exec(e.message);
    if (match) return match[1];
  }
  return undefined;
}
