import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { toApiProblem, type ApiProblem } from "../api/problem";

export type Resource<T> = { kind: "loading" } | { kind: "ready"; value: T } | { kind: "problem"; problem: ApiProblem };

/**
 * What a page loads from the API, as loading, ready or a problem. Only the newest request's answer
 * is kept: an older one that arrives late (the filters changed meanwhile) is dropped.
 * @param load asks the server; called again when a `deps` value changes, or through `reload`
 * @returns the state, `reload` (keeps showing the old value while asking), and `set` (after a write that answered the new value)
 * @example const [settings, reload, set] = useResource(getAgencySettings, [])
 */
export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<Resource<T>>({ kind: "loading" });
  const sequence = useRef(0);

  const run = useCallback(async (quiet: boolean) => {
    const mine = ++sequence.current;
    if (!quiet) setState({ kind: "loading" });
    try {
      const value = await load();
      if (mine === sequence.current) setState({ kind: "ready", value });
    } catch (error) {
      if (mine === sequence.current) setState({ kind: "problem", problem: toApiProblem(error) });
    }
  }, deps);

  useEffect(() => {
    void run(false);
    return () => {
      sequence.current++;
    };
  }, [run]);

  const reload = useCallback(() => void run(true), [run]);
  const set = useCallback((value: T) => {
    sequence.current++;
    setState({ kind: "ready", value });
  }, []);
  return [state, reload, set] as const;
}
