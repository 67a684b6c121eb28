import { signal } from "@preact/signals";
import { listCampaigns, type CampaignSummary } from "../api/campaigns";
import { toApiProblem, type ApiProblem } from "../api/problem";

export type CampaignsState =
  { kind: "loading" } | { kind: "ready"; items: CampaignSummary[] } | { kind: "problem"; problem: ApiProblem };

/** The agency's campaigns: the campaign list, the idea filters and the submission form share them. */
export const campaignsState = signal<CampaignsState>({ kind: "loading" });

let pending: Promise<void> | null = null;
let loaded = false;

/**
 * Asks once per visit; `force` asks again (after an admin changed a campaign, "try again").
 * @param force ask even if the list is already here
 */
export function loadCampaigns(force = false): Promise<void> {
  if (pending) return pending;
  if (loaded && !force && campaignsState.value.kind === "ready") return Promise.resolve();
  if (campaignsState.value.kind !== "ready") campaignsState.value = { kind: "loading" };
  pending = listCampaigns()
    .then((items) => {
      campaignsState.value = { kind: "ready", items };
      loaded = true;
    })
    .catch((error: unknown) => {
      campaignsState.value = { kind: "problem", problem: toApiProblem(error) };
    })
    .finally(() => {
      pending = null;
    });
  return pending;
}

/** The campaigns, or none while they load. */
export function loadedCampaigns(): CampaignSummary[] {
  const state = campaignsState.value;
  return state.kind === "ready" ? state.items : [];
}

/** Whether the campaign still hides its support counts (the server then refuses to sort its ideas by them). */
export const hidesVotes = (c: CampaignSummary, now = Date.now()) =>
  c.kind === "competition" && c.hideVotesUntilClosed && (c.votingEnd === null || now < Date.parse(c.votingEnd));

/** The agency's always-open Kotak Ide. */
export const openCampaignOf = (items: readonly CampaignSummary[]) => items.find((c) => c.kind === "open");
