import { useEffect, useState } from "preact/hooks";
import { getCampaign, type Campaign } from "../../api/campaigns";
import { toApiProblem, type ApiProblem } from "../../api/problem";
import {
  getCommittee,
  getRanking,
  listCampaignAssignments,
  type Assignment,
  type Committee,
  type Ranking,
} from "../../api/reviews";

export type Board = { campaign: Campaign; committee: Committee; assignments: Assignment[]; ranking: Ranking };

export type BoardState =
  { kind: "loading" } | { kind: "ready"; board: Board } | { kind: "problem"; problem: ApiProblem };

/**
 * Everything the chair's board shows, in four reads made together: the campaign (with the viewer's
 * seat), the committee's progress, the assignments and the ranking.
 * @returns the state, `reload` (after a write: everything again) and `setNormalised` (the ranking only)
 */
export function useBoard(campaignId: number) {
  const [state, setState] = useState<BoardState>({ kind: "loading" });
  const [normalised, setNormalisedState] = useState(false);

  async function fetchBoard(asNormalised: boolean): Promise<Board> {
    const [campaign, committee, assignments, ranking] = await Promise.all([
      getCampaign(campaignId),
      getCommittee(campaignId),
      listCampaignAssignments(campaignId),
      getRanking(campaignId, asNormalised),
    ]);
    return { campaign, committee, assignments, ranking };
  }

  async function reload(asNormalised = normalised): Promise<void> {
    try {
      setState({ kind: "ready", board: await fetchBoard(asNormalised) });
    } catch (error) {
      setState({ kind: "problem", problem: toApiProblem(error) });
    }
  }

  /** Ranks on raw or normalised scores; the rest of the board stays as it is. @throws ApiProblem */
  async function setNormalised(next: boolean): Promise<void> {
    const ranking = await getRanking(campaignId, next);
    setNormalisedState(next);
    setState((current) =>
      current.kind === "ready" ? { kind: "ready", board: { ...current.board, ranking } } : current,
    );
  }

  useEffect(() => {
    setState({ kind: "loading" });
    void reload(false);
  }, [campaignId]);

  return { state, normalised, reload, setNormalised, retry: () => void reload() };
}

/** Ideas still under review: where reviewers can be assigned and withdrawn. */
export const UNDER_REVIEW = new Set(["in_review", "shortlisted"]);

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
