import { api, signalled } from "./client";
import { readJson } from "./read-json";

const v1 = api.api.v1;

/** A page of every agency on the platform (platform admin). */
export async function listAgencies(cursor?: string) {
  return readJson(await v1.agencies.$get({ query: cursor ? { cursor } : {} }));
}
export type Agency = Awaited<ReturnType<typeof listAgencies>>["items"][number];
export type TimeZone = Agency["timeZone"];

export type NewAgency = Parameters<typeof v1.agencies.$post>[0]["json"];

/**
 * @returns the agency, its first unit, its first admin and the admin's temporary password (shown once)
 * @throws ApiProblem 422 (fields), 409 `agency.slug_taken` | `user.nip_taken` | `user.email_taken`
 */
export async function createAgency(body: NewAgency) {
  return readJson(await v1.agencies.$post({ json: body }));
}

/** Deactivates or reactivates an agency. @throws ApiProblem 409 `agency.own` */
export async function setAgencyActive(id: number, active: boolean) {
  return readJson(await v1.agencies[":id"].$patch({ param: { id: String(id) }, json: { active } }));
}

/** My agency's name, zone, emblem and settings (agency admin). */
export async function getAgencySettings(signal?: AbortSignal) {
  return readJson(await v1.agency.$get(undefined, signalled(signal)));
}
export type AgencySettings = Awaited<ReturnType<typeof getAgencySettings>>;
export type AgencySettingsChange = Parameters<typeof v1.agency.$patch>[0]["json"];

/** @throws ApiProblem 422 with `errors[].path` such as `json.signer.nip` */
export async function updateAgencySettings(change: AgencySettingsChange) {
  return readJson(await v1.agency.$patch({ json: change }));
}

/** @throws ApiProblem 415 `emblem.unsupported_type`, 413 `emblem.too_large` */
export async function uploadEmblem(file: File) {
  return readJson(await v1.agency.emblem.$put({ form: { file } }));
}

export async function removeEmblem() {
  return readJson(await v1.agency.emblem.$delete());
}

/** An agency's implemented innovations, for everyone; 404 when the agency does not show them. */
export async function getPublicLibrary(agencySlug: string, cursor?: string, signal?: AbortSignal) {
  return readJson(
    await v1["public-library"][":agencySlug"].$get(
      { param: { agencySlug }, query: cursor ? { cursor } : {} },
      signalled(signal),
    ),
  );
}
export type PublicLibrary = Awaited<ReturnType<typeof getPublicLibrary>>;

/** My agency's search synonyms: groups of words a search treats as the same (agency admin). */
export async function listSearchSynonyms(signal?: AbortSignal) {
  return (await readJson(await v1.agency["search-synonyms"].$get(undefined, signalled(signal)))).items;
}
export type SynonymGroup = Awaited<ReturnType<typeof listSearchSynonyms>>[number];

/** Replaces the whole list. @throws ApiProblem 422 with `errors[].path` such as `json.groups.0` */
export async function replaceSearchSynonyms(groups: string[][]) {
  return (await readJson(await v1.agency["search-synonyms"].$put({ json: { groups } }))).items;
}
