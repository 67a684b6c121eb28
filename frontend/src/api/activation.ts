import { api, signalled } from "./client";
import { readJson } from "./read-json";

const activation = api.api.v1.activation;

/** Per unit: active accounts and how many have activated (admin). */
export async function getActivationOverview(signal?: AbortSignal) {
  return (await readJson(await activation.units.$get(undefined, signalled(signal)))).units;
}
export type UnitActivation = Awaited<ReturnType<typeof getActivationOverview>>[number];

/** The people of one unit and whether each has activated (admin). */
export async function getUnitActivation(unitId: number, signal?: AbortSignal) {
  return (await readJson(await activation.units[":id"].$get({ param: { id: String(unitId) } }, signalled(signal))))
    .people;
}
export type PersonActivation = Awaited<ReturnType<typeof getUnitActivation>>[number];

/** E-mails a fresh activation link to everyone not yet active (in one unit, or the agency). */
export async function sendActivationEmails(unitId?: number) {
  return readJson(await activation.send.$post({ json: unitId === undefined ? {} : { unitId } }));
}

/** The unit's activation sheet as a PDF (issues fresh codes, voiding the previous sheet's). */
export async function downloadActivationSheet(unitId: number): Promise<Blob> {
  const response = await activation.sheet.$post({ json: { unitId } });
  return response.blob();
}
