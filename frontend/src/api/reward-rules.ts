import { api, signalled } from "./client";
import { readJson } from "./read-json";

const rules = api.api.v1.rewards.rules;

/** The rules in force, each with its bounds, and their version. */
export async function getRules(signal?: AbortSignal) {
  return readJson(await rules.$get(undefined, signalled(signal)));
}
export type RuleSet = Awaited<ReturnType<typeof getRules>>;
export type RuleKey = keyof RuleSet["rules"];
export type RuleDraft = Parameters<typeof rules.$put>[0]["json"]["rules"];

/** @throws ApiProblem 422 (a value out of bounds), 409 `reward.rules_stale` */
export async function publishRules(baseVersion: number, draft: RuleDraft) {
  return readJson(await rules.$put({ json: { baseVersion, rules: draft } }));
}

/** A page of versions, newest first, each with what it changed. */
export async function listRuleVersions(cursor?: string) {
  return readJson(await rules.versions.$get({ query: cursor ? { cursor } : {} }));
}
export type RuleVersion = Awaited<ReturnType<typeof listRuleVersions>>["items"][number];

/** What the draft would pay in the stated typical month, beside the rules in force. */
export async function previewRules(draft: RuleDraft) {
  return readJson(await rules.preview.$post({ json: { rules: draft } }));
}
export type RulesPreview = Awaited<ReturnType<typeof previewRules>>;
