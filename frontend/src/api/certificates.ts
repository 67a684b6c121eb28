import { api, signalled } from "./client";
import { ApiProblem } from "./problem";
import { readJson } from "./read-json";

const certificates = api.api.v1.certificates;

/**
 * What a certificate certifies, by its code (no sign-in needed).
 * @returns null when no certificate has this code (the API's 404)
 * @throws ApiProblem for anything else (offline, a server error)
 */
export async function verifyCertificate(code: string, signal?: AbortSignal) {
  try {
    return await readJson(await certificates[":code"].$get({ param: { code } }, signalled(signal)));
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
}

export type Verification = NonNullable<Awaited<ReturnType<typeof verifyCertificate>>>;
