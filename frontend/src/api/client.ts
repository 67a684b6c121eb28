import { hc } from "hono/client";
import type { AppType } from "../../../src/index";
import { apiFetch } from "./api-fetch";

/**
 * The typed API client. Paths, inputs and answers come from the Worker's `AppType`; calls throw
 * `ApiProblem` on failure (see `apiFetch`).
 * @example const health = await readJson(await api.api.v1.health.$get())
 */
export const api = hc<AppType>("/", { fetch: apiFetch });

/**
 * The per-call options that let `useResource` abort a request it no longer needs.
 * @example readJson(await v1.awards[":id"].$get({ param }, signalled(signal)))
 */
export const signalled = (signal?: AbortSignal) => (signal ? { init: { signal } } : {});
