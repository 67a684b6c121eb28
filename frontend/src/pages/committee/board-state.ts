import { useRef, useState } from "preact/hooks";
import { getCampaign, type Campaign } from "../../api/campaigns";
import {
  getCommittee,
  getRanking,
  listCampaignAssignments,
  type Assignment,
  type Committee,
  type Ranking,
} from "../../api/reviews";
import { useResource } from "../../lib/use-resource";
import type { IdeaStatus } from "../../api/contract";

export type Board = { campaign: Campaign; committee: Committee; assignments: Assignment[]; ranking: Ranking };

/**
 * Everything the chair's board shows, in four reads made together: the campaign (with the viewer's
 * seat), the committee's progress, the assignments and the ranking.
 * @returns the state, `reload` (after a write: everything again), `retry` and `setNormalised` (the ranking only)
 */
export function useBoard(campaignId: number) {
  const [normalised, setNormalisedState] = useState(false);
  // a reload after a write keeps the ranking the chair chose
  const asNormalised = useRef(false);

  const [state, reload, set] = useResource(
    async (signal): Promise<Board> => {
      const [campaign, committee, assignments, ranking] = await Promise.all([
        getCampaign(campaignId, signal),
        getCommittee(campaignId, signal),
        listCampaignAssignments(campaignId, signal),
        getRanking(campaignId, asNormalised.current, signal),
      ]);
      return { campaign, committee, assignments, ranking };
    },
    [campaignId],
  );

  /** Ranks on raw or normalised scores; the rest of the board stays as it is. @throws ApiProblem */
  async function setNormalised(next: boolean): Promise<void> {
    const ranking = await getRanking(campaignId, next);
    asNormalised.current = next;
    setNormalisedState(next);
    if (state.kind === "ready") set({ ...state.value, ranking });
  }

  return { state, normalised, reload, setNormalised, retry: reload };
}

/** Ideas still under review: where reviewers can be assigned and withdrawn. */
export const UNDER_REVIEW: ReadonlySet<string> = new Set<IdeaStatus>(["in_review", "shortlisted"]);

/**
 * A due date for a reviewer added by hand: the idea's latest due date, else the end of the review
 * phase if still ahead, else a week from now.
 */
export function defaultDueAt(assignments: readonly Assignment[], reviewEnd: string | null, now = Date.now()): string {
  const latest = Math.max(0, ...assignments.map((a) => Date.parse(a.dueAt)));
  if (latest > now) return new Date(latest).toISOString();
  if (reviewEnd && Date.parse(reviewEnd) > now) return reviewEnd;
  return new Date(now + 7 * 86_400_000).toISOString();
}
