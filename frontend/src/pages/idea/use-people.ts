import { findPeople } from "../../api/discussion";
import { useResource } from "../../lib/use-resource";

export type Person = Awaited<ReturnType<typeof findPeople>>[number];

const NOBODY: Person[] = [];

/**
 * Colleagues whose names hold `query` (nobody while it is null), through the one loading hook: a
 * newer query aborts the older, and an older answer arriving late never replaces the newer one (a
 * fast typist's "@Dewi Ang" is not emptied by the answer to what they typed before).
 * @returns the people, and `clear` to hide them (after a pick)
 */
export function usePeople(query: string | null) {
  const [found, , set] = useResource(
    (signal) => (query ? findPeople(query, signal) : Promise.resolve(NOBODY)),
    [query],
  );
  return [found.kind === "ready" ? found.value : NOBODY, () => set(NOBODY)] as const;
}
