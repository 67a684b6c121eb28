/**
 * The people a reward event may pay, as the reward state reads them (`reward-state.queries.ts`): one
 * JSON object per person, in one pass over the event's recipients `w`, with only what the event can
 * touch — the badges it may grant them, today's paying rows of each capped rule it may pay them
 * (up to the cap) and the count a badge watches (for those who do not hold it yet).
 */
import { sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { BADGES, countedBadge, type Badge } from "../../domain/badges";
import { DEFAULT_RULES, type RuleKey } from "../../domain/reward-rules";
import type { Person, RewardEvent } from "../../domain/rewards";
import { asTimeZone } from "../../domain/time-zone";
import { fromJsonRows, jsonRowsOf } from "../json-columns";
import { agencyZone } from "../local-time";
import { literal, literals } from "../raw";
import { pointLedger, rewardRules, userBadges, users } from "../schema";

/** The people the event may pay, as the CTE `w(user_id)` of the state's statement (not a table of the schema). */
export const w = sql.raw("w");
const W_USER_ID = sql.raw("user_id");
/** The CTE's name with its column list, for its `WITH`. */
export const wHead = sql`${w}(${W_USER_ID})`;
const wUser = sql`${w}.${W_USER_ID}`;

const person = alias(users, "u");
const ledger = alias(pointLedger, "l");
const rules = alias(rewardRules, "rc");

/**
 * A rule's daily cap in the agency's newest rules version, as SQL (0 when uncapped): what
 * `parseRules` makes of the stored JSON — a cap stored as null means none, a rule the version does
 * not mention keeps the default.
 */
function dailyCapInForce(agencyId: number, rule: RuleKey): SQL {
  const path = literal(`$.${rule}.dailyCap`);
  const fallback = DEFAULT_RULES.rules[rule].dailyCap ?? 0;
  return sql`coalesce((SELECT CASE json_type(${rules.rules}, ${path}) WHEN 'null' THEN 0
      WHEN 'integer' THEN json_extract(${rules.rules}, ${path}) ELSE ${fallback} END
    FROM ${rewardRules} ${rules} WHERE ${rules.agencyId} = ${agencyId} ORDER BY ${rules.version} DESC LIMIT 1), ${fallback})`;
}

/**
 * Whom of the people read a rule may pay (SQL over `person`), when the event says it: a vote pays
 * `vote_cast` to the voter only and `vote_received` to the team only, so the others' counts of that
 * rule are not read. Null: anyone the event may pay.
 */
function paysWhom(event: RewardEvent, rule: RuleKey): SQL | null {
  if (event.type !== "vote_cast") return null;
  if (rule === "vote_cast") return sql`${person.id} = ${event.voterId}`;
  if (rule === "vote_received") return sql`${person.id} <> ${event.voterId}`;
  return null;
}

/** The badges paying under a rule may grant (a count of its rows, an event of it, an idea's votes). */
const grantableBy = (rule: RuleKey) =>
  (BADGES as readonly Badge[])
    .filter((b) => (b.trigger.kind === "votes" ? rule === "vote_received" : b.trigger.rule === rule))
    .map((b) => b.key);

/** `read` for the people `whom` selects (all: null), NULL for the others. */
const onlyFor = (whom: SQL | null, read: SQL) => (whom ? sql`CASE WHEN ${whom} THEN ${read} END` : read);

/**
 * Each person the event may pay with everything the engine needs of them, one JSON object each, read
 * in one pass over `w`: unit, zone (only when their agency is not the event's), the badges the
 * event may grant them, today's paying rows of each capped rule and the count a badge watches.
 */
function peopleFields(event: RewardEvent, rulesOf: readonly RuleKey[], today: SQL<string>) {
  // today's paying rows of a rule, counted only up to the rule's daily cap in force (uncapped: none),
  // through point_ledger_user_rule_day_points (paying rows only): the engine asks "has the cap been
  // reached?", and a popular author's received votes stay unread
  const todayOf = (rule: RuleKey) =>
    sql<number | null>`(SELECT count(*) FROM (SELECT 1 FROM ${pointLedger} ${ledger}
      WHERE ${ledger.userId} = ${person.id} AND ${ledger.ruleKey} = ${rule} AND ${ledger.day} = ${today} AND ${ledger.points} > 0
      LIMIT ${dailyCapInForce(event.agencyId, rule)}))`;
  // a count badge reads its count only for those who do not hold it yet: at most its threshold of rows
  const countOf = (badge: NonNullable<ReturnType<typeof countedBadge>>) =>
    sql<
      number | null
    >`CASE WHEN NOT EXISTS (SELECT 1 FROM ${userBadges} WHERE ${userBadges.userId} = ${person.id} AND ${userBadges.badgeKey} = ${badge.key})
      THEN (SELECT coalesce(sum(CASE WHEN ${ledger.points} > 0 THEN 1 WHEN ${ledger.points} < 0 THEN -1 ELSE 0 END), 0)
        FROM ${pointLedger} ${ledger} WHERE ${ledger.userId} = ${person.id} AND ${ledger.ruleKey} = ${badge.trigger.rule}) END`;
  const heldOf = (keys: readonly string[]) =>
    keys.length === 0
      ? sql<string>`'[]'`
      : sql<string>`(SELECT json_group_array(${userBadges.badgeKey}) FROM ${userBadges}
          WHERE ${userBadges.userId} = ${person.id} AND ${userBadges.badgeKey} IN (${literals(keys)}))`;
  const counted = rulesOf.flatMap((rule) => {
    const badge = countedBadge(rule);
    return badge ? [{ rule, badge }] : [];
  });
  const fields = {
    userId: person.id,
    agencyId: person.agencyId,
    unitId: person.unitId,
    timeZone: sql<
      string | null
    >`CASE WHEN ${person.agencyId} = ${event.agencyId} THEN NULL ELSE ${agencyZone(sql`${person.agencyId}`)} END`,
    // only the badges a rule the event pays may grant, read for the people it may pay: held ones are
    // not granted again, the others do not matter
    ...Object.fromEntries(
      rulesOf.map((rule, i) => [`b${i}`, onlyFor(paysWhom(event, rule), heldOf(grantableBy(rule)))]),
    ),
    ...Object.fromEntries(rulesOf.map((rule, i) => [`n${i}`, onlyFor(paysWhom(event, rule), todayOf(rule))])),
    ...Object.fromEntries(
      counted.map(({ rule, badge }, i) => [`c${i}`, onlyFor(paysWhom(event, rule), countOf(badge))]),
    ),
  };
  return { fields, counted };
}

/** What {@link peopleRead} reads, for {@link toPeople}. */
export type PeopleRead = ReturnType<typeof peopleRead>;

/**
 * @param rulesOf the rules the event may pay under
 * @param today the event's day on its agency's clock, as SQL
 * @returns the read as a JSON column (`read`) and what {@link toPeople} needs to map it
 */
export function peopleRead(event: RewardEvent, rulesOf: readonly RuleKey[], today: SQL<string>) {
  const { fields, counted } = peopleFields(event, rulesOf, today);
  return {
    read: jsonRowsOf(fields, sql`FROM ${w} JOIN ${users} ${person} ON ${person.id} = ${wUser}`),
    fields,
    rulesOf,
    counted,
  };
}

const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : (JSON.parse(String(v ?? "[]")) as string[])).map(String);

/** The people as the engine takes them, from the read's JSON column. */
export function toPeople(read: PeopleRead, value: unknown): Person[] {
  return fromJsonRows(read.fields, value).map((p) => {
    const row = p as Record<string, unknown>;
    const today: Partial<Record<RuleKey, number>> = {};
    for (const [i, rule] of read.rulesOf.entries()) today[rule] = Number(row[`n${i}`] ?? 0);
    const counted: Partial<Record<RuleKey, number>> = {};
    read.counted.forEach(({ rule }, i) => {
      const n = row[`c${i}`];
      if (n !== null && n !== undefined) counted[rule] = Number(n);
    });
    return {
      userId: p.userId,
      agencyId: p.agencyId,
      ...(p.timeZone ? { timeZone: asTimeZone(p.timeZone) } : {}),
      unitId: p.unitId,
      badges: read.rulesOf.flatMap((_, i) => strings(row[`b${i}`])),
      today,
      counted,
    };
  });
}
