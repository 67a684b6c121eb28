import { createRoute } from "@hono/zod-openapi";
import { json, jsonBody, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import {
  BadgeCatalogueSchema,
  LeaderboardQuery,
  LeaderboardSchema,
  LedgerPageSchema,
  LedgerQuery,
  MyRewardsSchema,
  RuleSetSchema,
  RulesBody,
  RulesPreviewBody,
  RulesPreviewSchema,
  RuleVersionPageSchema,
  RuleVersionQuery,
} from "./rewards.schemas";

const tags = ["rewards"];

export const getMyRewards = createRoute({
  method: "get",
  path: "/rewards/me",
  tags,
  summary: "My points (all time, this year, quarter and month), level with progress, and badges",
  middleware: [guard()],
  responses: { 200: json(MyRewardsSchema, "My rewards"), ...problems(401, 403) },
});

export const listLedger = createRoute({
  method: "get",
  path: "/rewards/ledger",
  tags,
  summary: "My point ledger with the cause of every row, newest first",
  description:
    "An agency admin may read another person's ledger with `userId`. Votes are secret: read by anyone but the voter, the voter's vote rows (rule `vote_cast`) come folded per day — the points, how many (`rows`), no idea, time or id — and a day's vote groups come before its other rows.",
  middleware: [guard()],
  request: { query: LedgerQuery },
  responses: { 200: json(LedgerPageSchema, "A page of ledger rows"), ...problems(400, 401, 403, 404, 422) },
});

export const listBadges = createRoute({
  method: "get",
  path: "/rewards/badges",
  tags,
  summary: "The badge catalogue (Bahasa Indonesia and English), with the ones I hold",
  middleware: [guard()],
  responses: { 200: json(BadgeCatalogueSchema, "Every badge"), ...problems(401, 403) },
});

export const getRules = createRoute({
  method: "get",
  path: "/rewards/rules",
  tags,
  summary: "The reward rules in force in my agency and their version",
  middleware: [guard()],
  responses: { 200: json(RuleSetSchema, "The rules in force"), ...problems(401, 403) },
});

export const publishRules = createRoute({
  method: "put",
  path: "/rewards/rules",
  tags,
  summary: "Publish a new version of the reward rules (agency admin)",
  description:
    "Every rule must be given. Points are integers from −1000 to 1000; caps are integers ≥ 0 or null (no cap). " +
    "Points already earned keep the version that priced them. 409 `reward.rules_stale` when `baseVersion` is not the version in force.",
  middleware: [guard("reward.rules_manage")],
  request: { body: jsonBody(RulesBody) },
  responses: { 200: json(RuleSetSchema, "The new rules in force"), ...problems(401, 403, 409, 422) },
});

export const listRuleVersions = createRoute({
  method: "get",
  path: "/rewards/rules/versions",
  tags,
  summary: "Every version of my agency's reward rules, newest first, with what each changed (agency admin)",
  middleware: [guard("reward.rules_manage")],
  request: { query: RuleVersionQuery },
  responses: { 200: json(RuleVersionPageSchema, "A page of versions"), ...problems(400, 401, 403, 422) },
});

export const previewRules = createRoute({
  method: "post",
  path: "/rewards/rules/preview",
  tags,
  summary: "What a set of rules would pay in a typical month, beside the rules in force (agency admin)",
  description:
    "Nothing is stored. The month is stated in `month` (an active ASN's idea, votes and comments; an innovator; a reviewer; an agency of 100 active ASN); caps apply as the reward engine applies them.",
  middleware: [guard("reward.rules_manage")],
  request: { body: jsonBody(RulesPreviewBody) },
  responses: { 200: json(RulesPreviewSchema, "The month under both rule sets"), ...problems(401, 403, 422) },
});

export const getLeaderboard = createRoute({
  method: "get",
  path: "/leaderboards",
  tags,
  summary: "The agency's leaderboard of people or units for this month, quarter, year or all time",
  description: "Read from running totals: a page costs O(rows shown). Keyset pagination with `nextCursor`.",
  middleware: [guard()],
  request: { query: LeaderboardQuery },
  responses: { 200: json(LeaderboardSchema, "A page of the leaderboard"), ...problems(400, 401, 403, 422) },
});
