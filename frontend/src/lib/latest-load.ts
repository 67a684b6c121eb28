import { toApiProblem, type ApiProblem } from "../api/problem";

export type Resource<T> = { kind: "loading" } | { kind: "ready"; value: T } | { kind: "problem"; problem: ApiProblem };

/** What a load is given: abort it (the `signal` reaches `fetch`) when a newer one starts. */
export type Load<T> = (signal: AbortSignal) => Promise<T>;

/**
 * The core of `useResource`, apart from Preact so it tests without a browser: runs loads one after
 * another, aborts the one before when a new one starts, and reports only the newest one's answer.
 * An older answer that arrives late (the filters changed meanwhile) is dropped, even if its
 * request could not be aborted in time.
 * @param report where the states go (a `setState`)
 * @example const loads = new LatestLoad(setState); void loads.run(() => getIdeas(query))
 */
export class LatestLoad<T> {
  #controller: AbortController | null = null;
  #sequence = 0;
  readonly #report: (state: Resource<T>) => void;

  constructor(report: (state: Resource<T>) => void) {
    this.#report = report;
  }

  /**
   * Starts `load`, aborting the one in flight.
   * @param quiet keep showing the value already there instead of "loading" (a reload)
   */
  async run(load: Load<T>, quiet = false): Promise<void> {
    const mine = this.#start();
    if (!quiet) this.#report({ kind: "loading" });
    try {
      const value = await load(mine.signal);
      if (this.#isCurrent(mine)) this.#report({ kind: "ready", value });
    } catch (error) {
      if (this.#isCurrent(mine)) this.#report({ kind: "problem", problem: toApiProblem(error) });
    }
  }

  /** A write answered the new value: it replaces whatever a load in flight would bring. */
  set(value: T): void {
    this.cancel();
    this.#report({ kind: "ready", value });
  }

  /** Aborts the load in flight and ignores its answer (the page went away). */
  cancel(): void {
    this.#sequence++;
    this.#controller?.abort();
    this.#controller = null;
  }

  #start(): { id: number; signal: AbortSignal } {
    this.cancel();
    this.#controller = new AbortController();
    return { id: this.#sequence, signal: this.#controller.signal };
  }

  #isCurrent(run: { id: number }): boolean {
    return run.id === this.#sequence;
  }
}
