import { signal } from "@preact/signals";
import { getHealth, type Health } from "../api/health";
import { toApiProblem, type ApiProblem } from "../api/problem";

export type HealthState =
  { kind: "loading" } | { kind: "ready"; health: Health } | { kind: "problem"; problem: ApiProblem };

/** The service's health, shared by the footer (version) and the home page (status line). */
export const healthState = signal<HealthState>({ kind: "loading" });

let pending: Promise<void> | null = null;
let loaded = false;

/**
 * Asks the API once per page load (both views call it); `force` asks again, for "try again".
 * @param force ask even if an answer is already here
 */
export function refreshHealth(force = false): Promise<void> {
  if (pending) return pending;
  if (loaded && !force) return Promise.resolve();
  healthState.value = { kind: "loading" };
  pending = getHealth()
    .then((health) => {
      healthState.value = { kind: "ready", health };
    })
    .catch((error: unknown) => {
      healthState.value = { kind: "problem", problem: toApiProblem(error) };
    })
    .finally(() => {
      loaded = true;
      pending = null;
    });
  return pending;
}
