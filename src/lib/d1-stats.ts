/**
 * D1 cost accounting. D1 bills by rows read and written; every statement's `meta` says how many.
 * `instrumentD1()` wraps a D1 database or session so that each statement, batches included, adds
 * its `meta` to a per-request {@link D1Stats}, which becomes the `Server-Timing` header.
 *
 * The trap: drizzle's select path calls `raw()`, and D1's `raw()` drops `meta`. The wrapper
 * therefore answers `raw()` from `all()` (which keeps `meta`) and turns the row objects into arrays.
 * That is exact as long as a result has no two columns of the same name (objects would merge them),
 * so queries alias joined columns; `strictColumns` (on in tests) cross-checks the row width against
 * the real `raw()` and throws on a collision instead of returning shifted data.
 *
 * This file is the one place that knows how drizzle's D1 driver reads (`raw()` for selects,
 * `all()`/`run()` otherwise). test/d1-stats.test.ts fails if an upgrade of drizzle-orm or workerd
 * changes that: its strict-mode test holds only while selects read through `raw()`. drizzle-orm
 * and wrangler are pinned to exact versions in package.json for this reason.
 */
/** `roundTrips`: calls to D1 one after another or side by side — a batch is one, a lone statement one. */
export type D1Stats = { queries: number; rowsRead: number; rowsWritten: number; roundTrips: number };

export const createD1Stats = (): D1Stats => ({ queries: 0, rowsRead: 0, rowsWritten: 0, roundTrips: 0 });

type Meta = { rows_read?: number; rows_written?: number } | undefined;

function add(stats: D1Stats, meta: Meta): void {
  stats.queries += 1;
  stats.rowsRead += meta?.rows_read ?? 0;
  stats.rowsWritten += meta?.rows_written ?? 0;
}

/** One statement as it ran: what `npm run bench` turns into `EXPLAIN QUERY PLAN` and a per-query cost. */
export type D1TraceEntry = { sql: string; params: unknown[]; rowsRead: number; rowsWritten: number };
export type D1Trace = (entry: D1TraceEntry) => void;

function traced(trace: D1Trace | undefined, sql: string, params: unknown[], meta: Meta): void {
  trace?.({ sql, params, rowsRead: meta?.rows_read ?? 0, rowsWritten: meta?.rows_written ?? 0 });
}

/**
 * A trace that logs each statement as one `d1trace` JSON line, for `npm run bench` to collect from
 * `wrangler dev`'s output. Only when the `D1_TRACE` variable is "1" (never in production: it logs parameters).
 * @param source what ran the statement, e.g. `GET /api/v1/ideas?sort=new` or `scheduler`
 */
export function logTrace(source: string): D1Trace {
  return (entry) => console.warn(JSON.stringify({ d1trace: { source, ...entry } }));
}

/**
 * A statement that travels with the request's first call to D1 — the session check (see
 * `middlewares/session.ts`) — so that a signed-in read costs one round trip, not two. `check` sees
 * its result and throws when the request must not go on (the page's rows are then dropped). A call
 * that writes never goes before the check: then the rider goes alone first, and a write made side by
 * side with the first call waits for it.
 */
export type Rider = { sql: string; params: unknown[]; check: (result: D1Result) => void };

/** Where a request keeps its rider until its first call to D1 takes it along. */
export type RiderSlot = { pending: Rider | null; checked: Promise<void> | null };

export const createRiderSlot = (): RiderSlot => ({ pending: null, checked: null });

const FLUSH = Symbol("d1.flushRider");

/** Sends a rider no call has taken along yet, alone (a request that made no D1 call); throws as its check does. */
export async function flushRider(d1: D1Like): Promise<void> {
  await (d1 as unknown as Record<symbol, (() => Promise<unknown>) | undefined>)[FLUSH]?.();
}

/** Only a read may run before the rider's check: a SELECT (or WITH … SELECT) naming no write at all. */
const READS = /^\s*(select|with)\b/i;
const WRITES = /\b(insert|update|delete|replace)\b/i;
const readOnly = (sql: string) => READS.test(sql) && !WRITES.test(sql);

/** The part of D1's API that both a database and a session offer. */
export type D1Like = Pick<D1Database, "prepare" | "batch">;

const UNWRAP = Symbol("d1.unwrap");

/** What a statement needs to carry the rider: the request's slot and the batch that takes it along. */
type Carrier = {
  slot: RiderSlot;
  batch: (statements: (D1PreparedStatement | CountedStatement)[]) => Promise<D1Result[]>;
};

class CountedStatement {
  readonly [UNWRAP]: D1PreparedStatement;

  constructor(
    inner: D1PreparedStatement,
    readonly sql: string,
    private readonly stats: D1Stats,
    private readonly strictColumns: boolean,
    readonly params: unknown[] = [],
    private readonly trace?: D1Trace,
    private readonly carrier?: Carrier,
  ) {
    this[UNWRAP] = inner;
  }

  bind(...values: unknown[]): CountedStatement {
    return new CountedStatement(
      this[UNWRAP].bind(...values),
      this.sql,
      this.stats,
      this.strictColumns,
      values,
      this.trace,
      this.carrier,
    );
  }

  /** This statement takes the rider along, or is a write that must wait for its check. */
  private carries(): boolean {
    const slot = this.carrier?.slot;
    return Boolean(slot && (slot.pending || (slot.checked && !readOnly(this.sql))));
  }

  async run<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    if (this.carries()) return (await this.carrier!.batch([this]))[0] as D1Result<T>;
    this.stats.roundTrips += 1;
    const result = await this[UNWRAP].run<T>();
    add(this.stats, result.meta);
    traced(this.trace, this.sql, this.params, result.meta);
    return result;
  }

  async all<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    if (this.carries()) return (await this.carrier!.batch([this]))[0] as D1Result<T>;
    this.stats.roundTrips += 1;
    const result = await this[UNWRAP].all<T>();
    add(this.stats, result.meta);
    traced(this.trace, this.sql, this.params, result.meta);
    return result;
  }

  async first<T = Record<string, unknown>>(column?: string): Promise<T | null> {
    const { results } = await this.all<Record<string, unknown>>();
    const row = results[0];
    if (!row) return null;
    return (column === undefined ? row : row[column]) as T;
  }

  async raw<T = unknown[]>(options?: { columnNames?: boolean }): Promise<T[]> {
    const { results } = await this.all<Record<string, unknown>>();
    const rows = results.map((row) => Object.values(row));
    if (this.strictColumns && rows.length > 0) {
      const [width] = (await this[UNWRAP].raw()).map((r) => r.length);
      if (width !== rows[0]!.length) {
        throw new Error(`D1 result has duplicate column names; alias them: ${this.sql}`);
      }
    }
    const header = options?.columnNames ? [Object.keys(results[0] ?? {})] : [];
    return [...header, ...rows] as T[];
  }
}

/**
 * @param db a D1 database or a `withSession()` session
 * @param stats where this request's figures add up
 * @param options.trace called with every statement's SQL, parameters and cost (the bench's query capture)
 * @example const db = instrumentD1(env.DB.withSession(), stats)
 */
export function instrumentD1<T extends D1Like>(
  db: T,
  stats: D1Stats,
  options: { strictColumns?: boolean; trace?: D1Trace; rider?: RiderSlot } = {},
): T {
  const strict = options.strictColumns ?? false;
  const trace = options.trace;
  const run = async (statements: (D1PreparedStatement | CountedStatement)[]) => {
    const inner = statements.map((s) => (s instanceof CountedStatement ? s[UNWRAP] : s));
    stats.roundTrips += 1;
    const results = await db.batch(inner);
    results.forEach((r, i) => {
      add(stats, r.meta);
      const s = statements[i];
      if (s instanceof CountedStatement) traced(trace, s.sql, s.params, r.meta);
    });
    return results;
  };
  const slot = options.rider;
  const carrier: Carrier | undefined = slot && {
    slot,
    batch: async (statements) => {
      const rider = slot.pending;
      const writes = statements.some((s) => !(s instanceof CountedStatement) || !readOnly(s.sql));
      if (!rider) {
        // a write side by side with the call that carries the check waits for it
        if (writes && slot.checked) await slot.checked;
        return run(statements);
      }
      slot.pending = null;
      const riding = new CountedStatement(
        db.prepare(rider.sql).bind(...rider.params),
        rider.sql,
        stats,
        strict,
        rider.params,
        trace,
      );
      if (writes) {
        slot.checked = run([riding]).then(([result]) => rider.check(result!));
        await slot.checked;
        return run(statements);
      }
      const results = run([riding, ...statements]);
      slot.checked = results.then(([result]) => rider.check(result!));
      await slot.checked;
      return (await results).slice(1);
    },
  };
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "prepare") {
        return (sql: string) => new CountedStatement(target.prepare(sql), sql, stats, strict, [], trace, carrier);
      }
      if (prop === "batch") return carrier ? carrier.batch : run;
      if (prop === FLUSH) return () => (carrier ? carrier.batch([]) : Promise.resolve([]));
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * `Server-Timing` value for one request's figures: statements, rows read, rows written and round
 * trips (each costs a few milliseconds of waiting, whatever it carries).
 */
export function serverTiming(stats: D1Stats): string {
  return `d1;desc="q=${stats.queries} r=${stats.rowsRead} w=${stats.rowsWritten} rt=${stats.roundTrips}"`;
}
