import { api, signalled } from "./client";
import { readJson } from "./read-json";

const v1 = api.api.v1;

/** The agency's unit tree, depth-first (`depth` 0 = an OPD). */
export async function listUnits(signal?: AbortSignal) {
  return (await readJson(await v1.units.$get(undefined, signalled(signal)))).items;
}
export type Unit = Awaited<ReturnType<typeof listUnits>>[number];

export type UnitBody = Parameters<typeof v1.units.$post>[0]["json"];
export type UnitPatch = Parameters<(typeof v1.units)[":id"]["$patch"]>[0]["json"];

/** @throws ApiProblem 422 (fields), 409 `unit.code_taken` */
export async function createUnit(body: UnitBody) {
  return readJson(await v1.units.$post({ json: body }));
}

/** @throws ApiProblem 409 `unit.in_use`, `unit.cycle`, `unit.code_taken` */
export async function patchUnit(id: number, body: UnitPatch) {
  return readJson(await v1.units[":id"].$patch({ param: { id: String(id) }, json: body }));
}

export type UserQuery = {
  q?: string;
  unitId?: string;
  role?: string;
  active?: "true" | "false";
  cursor?: string;
  limit?: string;
};

/** A page of the agency's accounts (admins see NIP and e-mail). */
export async function listUsers(query: UserQuery, signal?: AbortSignal) {
  return readJson(await v1.users.$get({ query: query as never }, signalled(signal)));
}
export type User = Awaited<ReturnType<typeof listUsers>>["items"][number];

export type UserBody = Parameters<typeof v1.users.$post>[0]["json"];
export type UserPatch = Parameters<(typeof v1.users)[":id"]["$patch"]>[0]["json"];

/** @returns the account and its temporary password, shown once. @throws ApiProblem 422, 409 `user.nip_taken`/`user.email_taken` */
export async function createUser(body: UserBody) {
  return readJson(await v1.users.$post({ json: body }));
}

/** @throws ApiProblem 422, 409 */
export async function patchUser(id: number, body: UserPatch) {
  return readJson(await v1.users[":id"].$patch({ param: { id: String(id) }, json: body }));
}

/** A new temporary password, shown once; the person must change it at the next sign-in. */
export async function resetPassword(id: number) {
  return readJson(await v1.users[":id"]["reset-password"].$post({ param: { id: String(id) } }));
}

/**
 * Imports accounts from a CSV file. @returns counts created / updated / unchanged
 * @throws ApiProblem 422 with one `errors[]` entry per problem, `path` = `row <n>.<column>`; nothing stored
 */
export async function importUsers(file: File) {
  return readJson(await v1.users.import.$post({ form: { file } }));
}
