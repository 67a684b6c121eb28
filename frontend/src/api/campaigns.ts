import { api, signalled } from "./client";
import { readJson } from "./read-json";

const campaigns = api.api.v1.campaigns;

/** The agency's campaigns, Kotak Ide included, each with its current phase. */
export async function listCampaigns() {
  const { items } = await readJson(await campaigns.$get());
  return items;
}

export type CampaignSummary = Awaited<ReturnType<typeof listCampaigns>>[number];

/** A campaign with its rubric. @throws ApiProblem 404 */
export async function getCampaign(id: number, signal?: AbortSignal) {
  return readJson(await campaigns[":id"].$get({ param: { id: String(id) } }, signalled(signal)));
}

export type Campaign = Awaited<ReturnType<typeof getCampaign>>;
export type Criterion = Campaign["criteria"][number];

type CreateBody = Parameters<typeof campaigns.$post>[0]["json"];
export type CampaignBody = CreateBody;
export type CampaignPatch = Parameters<(typeof campaigns)[":id"]["$patch"]>[0]["json"];

/**
 * Creates a competition (agency admins); without `criteria` the KIPP rubric is used.
 * @throws ApiProblem 422 with `errors[].path` like `json.reviewStart`, `json.criteria`, `json.criteria.2.key`
 */
export async function createCampaign(body: CampaignBody) {
  return readJson(await campaigns.$post({ json: body }));
}

/** Changes a campaign. @throws ApiProblem 422 as `createCampaign`, 409 `campaign.rubric_locked` */
export async function patchCampaign(id: number, body: CampaignPatch) {
  return readJson(await campaigns[":id"].$patch({ param: { id: String(id) }, json: body }));
}
