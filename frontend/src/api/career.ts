import { api, signalled } from "./client";
import { ApiProblem } from "./problem";
import { readJson } from "./read-json";

const v1 = api.api.v1;

/** My innovation record, live, with the records I issued and whether I share it. */
export async function getMyCareer(signal?: AbortSignal) {
  return readJson(await v1.me["career-record"].$get(undefined, signalled(signal)));
}

export type MyCareer = Awaited<ReturnType<typeof getMyCareer>>;
export type CareerRecord = MyCareer["record"];
export type IssuedRecord = MyCareer["issued"][number];

/** Issues my record as it stands today, with a verification code. */
export async function issueCareerRecord() {
  return readJson(await v1.me["career-records"].$post());
}

/** Revokes an issued record of mine: its code then verifies as revoked. */
export async function revokeCareerRecord(id: number) {
  return readJson(await v1.me["career-records"][":id"].revoke.$post({ param: { id: String(id) } }));
}

/** Where an issued record's PDF downloads from. */
export const careerRecordPdfUrl = (id: number) => `/api/v1/me/career-records/${id}/pdf`;

/** Turns my share page on (a new code) or off. */
export async function setCareerShare(enabled: boolean) {
  return readJson(await v1.me["career-share"].$put({ json: { enabled } }));
}

/**
 * What an innovation record certifies, by its code (no sign-in needed).
 * @returns null when no record has this code
 */
export async function verifyCareerRecord(code: string, signal?: AbortSignal) {
  try {
    return await readJson(await v1["career-records"][":code"].$get({ param: { code } }, signalled(signal)));
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
}

export type RecordVerification = NonNullable<Awaited<ReturnType<typeof verifyCareerRecord>>>;

/**
 * A shared record (no sign-in needed).
 * @returns null when the person does not share it (any more)
 */
export async function getSharedRecord(code: string, signal?: AbortSignal) {
  try {
    return await readJson(await v1["shared-records"][":code"].$get({ param: { code } }, signalled(signal)));
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
}

export type SharedRecord = NonNullable<Awaited<ReturnType<typeof getSharedRecord>>>;
