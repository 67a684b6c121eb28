import { api, signalled } from "./client";
import { readJson } from "./read-json";

const v1 = api.api.v1;

export type AwardBody = Parameters<typeof v1.awards.$post>[0]["json"];

/**
 * Announces an award (a leader): one answer with the award, its recipients and their certificates.
 * @throws ApiProblem 422 with `errors[]` on the fields, 409 `award.already_announced`, 403 for a non-leader
 */
export async function announceAward(body: AwardBody) {
  return readJson(await v1.awards.$post({ json: body }));
}
export type Award = Awaited<ReturnType<typeof announceAward>>;
export type AwardRecipient = Award["recipients"][number];

/**
 * Revokes an award (a leader): its points go back, its certificates verify as revoked.
 * @throws ApiProblem 409 `award.already_revoked`, 422 on `json.reason`, 403
 */
export async function revokeAward(id: number, reason: string) {
  return readJson(await v1.awards[":id"].revoke.$post({ param: { id: String(id) }, json: { reason } }));
}

/** A page of my agency's awards, newest first, with what I may download. */
export async function listAwards(cursor?: string) {
  return readJson(await v1.awards.$get({ query: cursor ? { cursor } : {} }));
}

/** One award of my agency. @throws ApiProblem 404 */
export async function getAward(id: number, signal?: AbortSignal) {
  return readJson(await v1.awards[":id"].$get({ param: { id: String(id) } }, signalled(signal)));
}

/**
 * A page of an agency's public Hall of Fame (no sign-in): names, positions, units, idea titles.
 * @throws ApiProblem 404 when the agency is unknown or keeps its Hall of Fame to its own people
 */
export async function getHallOfFame(agencySlug: string, cursor?: string) {
  return readJson(
    await v1["hall-of-fame"][":agencySlug"].$get({ param: { agencySlug }, query: cursor ? { cursor } : {} }),
  );
}
export type HallOfFame = Awaited<ReturnType<typeof getHallOfFame>>;

/** Where a recipient's certificate downloads from (the Worker answers a PDF as an attachment). */
export const certificateUrl = (awardId: number, recipientId: number) =>
  `/api/v1/awards/${awardId}/certificates/${recipientId}.pdf`;

let units: Promise<{ id: number; name: string; code: string }[]> | null = null;
/** The agency's active units, for naming a unit as a recipient (asked once per page load). */
export function listActiveUnits() {
  units ??= v1.units
    .$get()
    .then((response) => readJson(response))
    .then(({ items }) => items.filter((u) => u.active).map(({ id, name, code }) => ({ id, name, code })))
    .catch((error: unknown) => {
      units = null; // ask again next time
      throw error;
    });
  return units;
}
