import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { LatestLoad, type Load, type Resource } from "./latest-load";

export type { Load, Resource } from "./latest-load";

/**
 * What a page loads from the API, as loading, ready or a problem. Only the newest request counts:
 * starting one aborts the one before (its `signal` goes to `fetch`), and an older answer that
 * arrives late anyway (the filters changed meanwhile) is dropped. Leaving the page aborts too.
 * @param load asks the server, passing `signal` on; called again when a `deps` value changes, or through `reload`
 * @returns the state, `reload` (keeps showing the old value while asking; resolves once the answer is shown), and `set` (after a write that answered the new value)
 * @example const [settings, reload, set] = useResource((signal) => getAgencySettings(signal), [])
 */
export function useResource<T>(load: Load<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<Resource<T>>({ kind: "loading" });
  const loads = useMemo(() => new LatestLoad<T>(setState), []);

  const run = useCallback((quiet: boolean) => loads.run(load, quiet), deps);

  useEffect(() => {
    void run(false);
    return () => loads.cancel();
  }, [run]);

  const reload = useCallback(() => run(true), [run]);
  const set = useCallback((value: T) => loads.set(value), [loads]);
  return [state, reload, set] as const;
}
