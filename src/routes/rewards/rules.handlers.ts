/** The rules editor's reads: the history of the agency's rule versions and what a draft would pay. */
import { getRuleSet, listRuleVersions as readRuleVersions } from "../../db/queries/reward-reads.queries";
import { previewMonth, TYPICAL_MONTH } from "../../domain/reward-preview";
import {
  changedRules,
  DEFAULT_RULES,
  RULE_LABELS,
  rulesFromInput,
  type RuleKey,
  type Rules,
} from "../../domain/reward-rules";
import type { AppRouteHandler } from "../../lib/create-router";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import { isoOrNull } from "../../lib/time";
import { actorOf } from "../../middlewares/guard";
import type * as routes from "./rewards.routes";

const changesBetween = (from: Rules, to: Rules) =>
  Object.entries(changedRules(from, to)).map(([rule, change]) => ({
    rule: rule as RuleKey,
    label: RULE_LABELS[rule as RuleKey],
    ...change!,
  }));

export const listRuleVersions: AppRouteHandler<typeof routes.listRuleVersions> = async (c) => {
  const actor = actorOf(c);
  const { cursor, limit } = c.req.valid("query");
  const [before] = cursor ? decodeCursor(cursor, ["number"] as const) : [undefined];
  const rows = await readRuleVersions(c.var.db, actor.agencyId, limit, before);
  const shown = rows.slice(0, limit);
  // each version against the one before it: the next row read, or the defaults below version 1
  const items = shown.map((set, i) => ({
    version: set.version,
    publishedAt: isoOrNull(set.createdAt),
    publishedBy: set.createdBy,
    changes: changesBetween((rows[i + 1] ?? DEFAULT_RULES).rules, set.rules),
  }));
  const last = shown.at(-1);
  const more = rows.length > limit;
  // the defaults (version 0) close the history, once the oldest published version is shown
  const end = !more && (before === undefined || before > 0) && (last === undefined || last.version > 0);
  if (end) items.push({ version: 0, publishedAt: null, publishedBy: null, changes: [] });
  return c.json({ items, nextCursor: more && last ? encodeCursor([last.version]) : null }, 200);
};

export const previewRules: AppRouteHandler<typeof routes.previewRules> = async (c) => {
  const actor = actorOf(c);
  const { rules: input } = c.req.valid("json");
  const current = await getRuleSet(c.var.db, actor.agencyId);
  const draft = rulesFromInput(input);
  return c.json({ month: TYPICAL_MONTH, current: previewMonth(current.rules), draft: previewMonth(draft) }, 200);
};
