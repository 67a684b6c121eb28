import { hc } from "hono/client";
import type { AppType } from "../../../src/index";
import { apiFetch } from "./api-fetch";

/**
 * The typed API client. Paths, inputs and answers come from the Worker's `AppType`; calls throw
 * `ApiProblem` on failure (see `apiFetch`).
 * @example const health = await readJson(await api.api.v1.health.$get())
 */
export const api = hc<AppType>("/", { fetch: apiFetch });
