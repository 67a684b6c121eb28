import { api, signalled } from "./client";
import { readJson } from "./read-json";

const v1 = api.api.v1;
const param = (id: number) => ({ param: { id: String(id) } });

// ── the admin ──────────────────────────────────────────────────────────────────────────────

/** A competition's gates, rounds with their rankings, entries and final ranking. @throws ApiProblem 403, 404 */
export async function getCompetition(campaignId: number, signal?: AbortSignal) {
  return readJson(await v1.campaigns[":id"].competition.$get(param(campaignId), signalled(signal)));
}

export type Competition = Awaited<ReturnType<typeof getCompetition>>;
export type CompetitionRound = Competition["rounds"][number];
export type Gates = Competition["gates"];
export type EntryGroup = keyof Gates["minYears"];
export type RoundInput = Omit<
  CompetitionRound,
  "id" | "position" | "state" | "members" | "progress" | "ranking" | "photos"
> & {
  memberIds: number[];
};

/** @throws ApiProblem 422 `rounds.*`, 409 `competition.started` */
export async function saveCompetition(campaignId: number, body: { gates: Gates; rounds: RoundInput[] }) {
  return readJson(await v1.campaigns[":id"].competition.$put({ ...param(campaignId), json: body }));
}

export type EntryRequest = { ideaId: number; group: EntryGroup; operatingSince: string };

/** Each gate's verdict with its reason, before entering. */
export async function checkEntry(campaignId: number, body: EntryRequest) {
  return readJson(await v1.campaigns[":id"].entries.check.$post({ ...param(campaignId), json: body }));
}

/** @throws ApiProblem 422 `entry.gates_failed` (an `errors[]` entry per gate), 409 `entry.exists` */
export async function enterInnovation(campaignId: number, body: EntryRequest) {
  return readJson(await v1.campaigns[":id"].entries.$post({ ...param(campaignId), json: body }));
}

export async function openRound(roundId: number) {
  return readJson(await v1.rounds[":id"].open.$post(param(roundId)));
}

/** @throws ApiProblem 409 `round.incomplete` */
export async function closeRound(roundId: number) {
  return readJson(await v1.rounds[":id"].close.$post(param(roundId)));
}

export async function listGuestReviewers(signal?: AbortSignal) {
  return (await readJson(await v1["guest-reviewers"].$get(undefined, signalled(signal)))).items;
}

export type GuestReviewer = Awaited<ReturnType<typeof listGuestReviewers>>[number];

/** @throws ApiProblem 409 `user.email_taken` */
export async function inviteGuestReviewer(body: {
  name: string;
  email: string;
  institution: string;
  expertise: string;
}) {
  return readJson(await v1["guest-reviewers"].$post({ json: body }));
}

// ── the panel member ───────────────────────────────────────────────────────────────────────

export async function listMyRoundSheets(signal?: AbortSignal) {
  return (await readJson(await v1["round-assignments"].$get(undefined, signalled(signal)))).items;
}

export type MyRoundSheet = Awaited<ReturnType<typeof listMyRoundSheets>>[number];

export async function getRoundSheet(id: number, signal?: AbortSignal) {
  return readJson(await v1["round-assignments"][":id"].$get(param(id), signalled(signal)));
}

export type RoundSheet = Awaited<ReturnType<typeof getRoundSheet>>;

export async function declareConflict(id: number, conflict: boolean, reason: string) {
  return readJson(await v1["round-assignments"][":id"].conflict.$put({ ...param(id), json: { conflict, reason } }));
}

/** @throws ApiProblem 422 `round.score_missing` per item, 409 `round.conflict_undeclared` */
export async function saveRoundSheet(
  id: number,
  body: { scores: Record<string, number>; note: string; submit: boolean },
) {
  return readJson(await v1["round-assignments"][":id"].$put({ ...param(id), json: body }));
}

export type RoundPhoto = RoundSheet["photos"][number];

/** A photo (e.g. from the phone's camera) on a checklist item of one's own sheet. @throws ApiProblem 413, 415 `photo.not_image`, 409, 422 */
export async function addRoundPhoto(sheetId: number, itemKey: string, file: File) {
  return readJson(await v1["round-assignments"][":id"].photos.$post({ ...param(sheetId), form: { file, itemKey } }));
}

/** @throws ApiProblem 409 once the sheet is submitted or the round closed */
export async function removeRoundPhoto(sheetId: number, photoId: number) {
  const res = await v1["round-assignments"][":id"].photos[":photoId"].$delete({
    param: { id: String(sheetId), photoId: String(photoId) },
  });
  if (!res.ok) await readJson(res as never);
}

/** Where a sheet's photo is served (its reviewer and the admins see it). */
export const roundPhotoPath = (sheetId: number, photoId: number): string =>
  v1["round-assignments"][":id"].photos[":photoId"].$path({ param: { id: String(sheetId), photoId: String(photoId) } });
