import { changesOf, runNamedBatch } from "../../db/client";
import { listLeaderboard } from "../../db/queries/leaderboard.queries";
import {
  getMember,
  getRewardsOf,
  listBadgesOf,
  getRuleSet,
  listLedger as readLedger,
  listLedgerFolded,
  listLedgerRows,
  publishRulesStatements,
  type FoldedEntry,
  type LedgerListRow,
} from "../../db/queries/reward-reads.queries";
import type { Database } from "../../db/client";
import { BADGES, badgeOf } from "../../domain/badges";
import { FIRST_PAGE, rankPage } from "../../domain/leaderboard";
import { levelFor } from "../../domain/levels";
import { currentPeriod, periodsFor } from "../../domain/reward-periods";
import {
  changedRules,
  checkRules,
  RULE_KEYS,
  RULE_LABELS,
  ruleBounds,
  rulesFromInput,
  type RuleBounds,
  type RuleKey,
  type Rules,
  type RuleSet,
} from "../../domain/reward-rules";
import { seesVotesOf } from "../../domain/vote-secrecy";
import type { AppRouteHandler } from "../../lib/create-router";
import { decodeCursor, encodeCursor, pageOf } from "../../lib/cursor";
import { ApiError, notFound, validationError } from "../../lib/problem";
import { iso, isoOrNull } from "../../lib/time";
import { actorOf, authorize } from "../../middlewares/guard";
import type * as routes from "./rewards.routes";

export const getMyRewards: AppRouteHandler<typeof routes.getMyRewards> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const [all, year, quarter, month] = periodsFor(Date.now(), actor.timeZone);
  const { points, badges: held } = await getRewardsOf(db, actor.agencyId, actor.userId, [all, year, quarter, month]);
  const total = points.get(all) ?? 0;
  return c.json(
    {
      userId: actor.userId,
      points: {
        all: total,
        year: points.get(year) ?? 0,
        quarter: points.get(quarter) ?? 0,
        month: points.get(month) ?? 0,
      },
      periods: { year, quarter, month },
      level: levelFor(total),
      badges: held
        .sort((a, b) => a.at - b.at)
        .flatMap((h) => {
          const badge = badgeOf(h.badgeKey);
          return badge
            ? [{ key: badge.key, name: badge.name, description: badge.description, earnedAt: iso(h.at) }]
            : [];
        }),
    },
    200,
  );
};

const REVERSAL_KEY = /:rev:\d+$/;

function toLedgerEntry(r: LedgerListRow) {
  const idea =
    r.ideaId !== null
      ? { id: r.ideaId, title: r.ideaTitle ?? "" }
      : r.commentIdeaId !== null
        ? { id: r.commentIdeaId, title: r.commentIdeaTitle ?? "" }
        : r.reviewIdeaId !== null
          ? { id: r.reviewIdeaId, title: r.reviewIdeaTitle ?? "" }
          : null;
  return {
    id: r.id,
    points: r.points,
    eventType: r.eventType,
    rule: ruleOf(r.ruleKey, r.rulesVersion),
    // the key says what the row is, but not who caused it: a voter's id stays out of the author's view
    reversal: REVERSAL_KEY.test(r.idempotencyKey),
    subject: { type: r.subjectType, id: r.subjectId },
    idea,
    award: r.subjectType === "award" && r.awardTitle !== null ? { id: r.subjectId, title: r.awardTitle } : null,
    day: r.day,
    at: iso(r.at),
    rows: 1,
  };
}

const ruleOf = (key: string, version: number) => ({
  key,
  label: RULE_LABELS[key as RuleKey] ?? { id: key, en: key },
  version,
});

/** A day's vote rows as someone other than the voter reads them: how many, what they paid; no idea, time or id. */
const toFoldedVotes = (e: FoldedEntry) => ({
  id: null,
  points: e.points,
  eventType: e.eventType,
  rule: ruleOf(e.ruleKey, e.rulesVersion),
  reversal: e.eventType === "vote_retracted",
  subject: null,
  idea: null,
  award: null,
  day: e.day,
  at: null,
  rows: e.rows,
});

/** Someone else's ledger (the admin reading a person's): their votes folded per day. */
async function foldedLedgerPage(db: Database, userId: number, limit: number, cursor: string | undefined) {
  const after = cursor ? decodeCursor(cursor, ["string", "number", "number", "number"] as const) : undefined;
  const page = pageOf(await listLedgerFolded(db, userId, limit, after), limit, (e) => [e.day, e.kind, e.at, e.pos]);
  const ids = page.items.flatMap((e) => (e.id === null ? [] : [e.id]));
  const rows = new Map((ids.length > 0 ? await listLedgerRows(db, ids) : []).map((r) => [r.id, r]));
  return {
    items: page.items.map((e) => (e.id === null ? toFoldedVotes(e) : toLedgerEntry(rows.get(e.id)!))),
    nextCursor: page.nextCursor,
  };
}

export const listLedger: AppRouteHandler<typeof routes.listLedger> = async (c) => {
  const actor = actorOf(c);
  const { userId = actor.userId, cursor, limit } = c.req.valid("query");
  const db = c.var.db;
  if (userId !== actor.userId) {
    const member = await getMember(db, actor.agencyId, userId);
    if (!member) throw notFound("person");
    authorize(actor, "reward.read_ledger", { agencyId: member.agencyId, ownerId: member.id });
  }
  if (!seesVotesOf(actor.userId, userId)) return c.json(await foldedLedgerPage(db, userId, limit, cursor), 200);
  const after = cursor ? decodeCursor(cursor, ["number", "number"] as const) : undefined;
  const rows = await readLedger(db, userId, limit, after);
  const page = pageOf(rows, limit, (r) => [r.at, r.id]);
  return c.json({ items: page.items.map(toLedgerEntry), nextCursor: page.nextCursor }, 200);
};

export const listBadges: AppRouteHandler<typeof routes.listBadges> = async (c) => {
  const actor = actorOf(c);
  const held = new Map((await listBadgesOf(c.var.db, actor.userId)).map((h) => [h.badgeKey, h.at]));
  return c.json(
    {
      items: BADGES.map((b) => ({
        key: b.key,
        name: b.name,
        description: b.description,
        held: held.has(b.key),
        earnedAt: isoOrNull(held.get(b.key)),
      })),
    },
    200,
  );
};

function toRuleSetBody(set: RuleSet & { createdAt: number | null; createdBy: { id: number; name: string } | null }) {
  return {
    version: set.version,
    updatedAt: isoOrNull(set.createdAt),
    updatedBy: set.createdBy,
    rules: Object.fromEntries(
      RULE_KEYS.map((k) => [k, { ...set.rules[k], label: RULE_LABELS[k], bounds: ruleBounds(k) }]),
    ) as Record<RuleKey, Rules[RuleKey] & { label: { id: string; en: string }; bounds: RuleBounds }>,
  };
}

export const getRules: AppRouteHandler<typeof routes.getRules> = async (c) => {
  const actor = actorOf(c);
  return c.json(toRuleSetBody(await getRuleSet(c.var.db, actor.agencyId)), 200);
};

const stale = () =>
  new ApiError(409, "reward.rules_stale", "The rules changed since you started editing; reload them and try again");

export const publishRules: AppRouteHandler<typeof routes.publishRules> = async (c) => {
  const actor = actorOf(c);
  const { baseVersion, rules: input } = c.req.valid("json");
  const db = c.var.db;
  const current = await getRuleSet(db, actor.agencyId);
  if (baseVersion !== undefined && baseVersion !== current.version) throw stale();
  const rules = rulesFromInput(input);
  // the contract states the bounds; the domain has the last word before a version is published
  const problems = checkRules(rules);
  if (problems.length > 0)
    throw validationError(problems.map((p) => ({ path: `json.rules.${p.field}`, code: p.code, message: p.message })));
  const now = Date.now();
  const { published: insert } = await runNamedBatch(
    db,
    publishRulesStatements(db, {
      agencyId: actor.agencyId,
      version: current.version + 1,
      rules,
      actorId: actor.userId,
      now,
      detail: { from: current.version, changes: changedRules(current.rules, rules) },
    }),
  );
  if (changesOf(insert) === 0) throw stale();
  return c.json(toRuleSetBody(await getRuleSet(db, actor.agencyId)), 200);
};

export const getLeaderboard: AppRouteHandler<typeof routes.getLeaderboard> = async (c) => {
  const actor = actorOf(c);
  const { scope, period, cursor, limit } = c.req.valid("query");
  const now = Date.now();
  const key = currentPeriod(period, now, actor.timeZone);
  // the cursor carries the keyset (points, rowid) and the ranking so far (position, rank)
  const [points, rowId, position, rank] = cursor
    ? decodeCursor(cursor, ["number", "number", "number", "number"] as const)
    : [null, 0, 0, 0];
  const { rows, pendingSince } = await listLeaderboard(c.var.db, {
    agencyId: actor.agencyId,
    period: { kind: period, key },
    scope: scope === "users" ? "user" : "unit",
    limit,
    after: points === null ? undefined : [points, rowId],
  });
  const shown = rows.slice(0, limit);
  const ranked = rankPage(shown, points === null ? FIRST_PAGE : { position, rank, points });
  const last = shown.at(-1);
  return c.json(
    {
      scope,
      period: { kind: period, key },
      items: shown.map((r, i) => ({
        rank: ranked.ranks[i]!,
        points: r.points,
        user: scope === "users" ? { id: r.subjectId, name: r.name } : null,
        unit: { id: r.unitId, name: r.unitName },
      })),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor([last.points, last.rowId, ranked.carry.position, ranked.carry.rank])
          : null,
      // the totals lag the ledger by at most one scheduler run: they hold every point earned before this
      asOf: iso(pendingSince ?? now),
    },
    200,
  );
};
