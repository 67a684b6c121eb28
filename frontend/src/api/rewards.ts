import { api, signalled } from "./client";
import type { PERIOD_KINDS } from "./contract";
import { readJson } from "./read-json";

const v1 = api.api.v1;

/** My points per period, my level and the way to the next, my badges. */
export async function getMyRewards(signal?: AbortSignal) {
  return readJson(await v1.rewards.me.$get(undefined, signalled(signal)));
}
export type MyRewards = Awaited<ReturnType<typeof getMyRewards>>;

/** My ledger, newest first: every row with its cause. */
export async function listLedger(cursor?: string, signal?: AbortSignal) {
  return readJson(await v1.rewards.ledger.$get({ query: cursor ? { cursor } : {} }, signalled(signal)));
}
export type LedgerEntry = Awaited<ReturnType<typeof listLedger>>["items"][number];

/** The badge catalogue, with the ones I hold. */
export async function listBadges(signal?: AbortSignal) {
  return (await readJson(await v1.rewards.badges.$get(undefined, signalled(signal)))).items;
}
export type Badge = Awaited<ReturnType<typeof listBadges>>[number];

export type BoardScope = "users" | "units";
export type BoardPeriod = (typeof PERIOD_KINDS)[number];

/** A page of the agency's leaderboard for people or units, over a period. */
export async function getLeaderboard(scope: BoardScope, period: BoardPeriod, cursor?: string, signal?: AbortSignal) {
  return readJson(
    await v1.leaderboards.$get({ query: { scope, period, ...(cursor ? { cursor } : {}) } }, signalled(signal)),
  );
}
export type Leaderboard = Awaited<ReturnType<typeof getLeaderboard>>;
