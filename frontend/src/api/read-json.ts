import type { ClientResponse } from "hono/client";
import type { SuccessStatusCode } from "hono/utils/http-status";
import { ApiProblem } from "./problem";

/** The body type of the 2xx answers a client call can return. */
export type SuccessBody<R> =
  R extends ClientResponse<infer T, infer S, "json"> ? (S extends SuccessStatusCode ? T : never) : never;

/**
 * The JSON body of a successful answer, typed from the contract; any other answer throws.
 * @param response what a `hc` call resolved to
 * @example const health = await readJson(await api.api.v1.health.$get())
 */
export async function readJson<R extends ClientResponse<unknown, number, "json">>(
  response: R,
): Promise<SuccessBody<R>> {
  if (!response.ok) {
    throw ApiProblem.fromStatus(
      response.status,
      response.statusText,
      response.headers.get("x-request-id") ?? undefined,
    );
  }
  return (await response.json()) as SuccessBody<R>;
}
