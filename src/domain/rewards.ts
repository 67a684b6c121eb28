/**
 * The reward engine, pure: an event and what storage knows now (the state) → the ledger rows,
 * badge grants and level changes the event causes. `db/queries/rewards.queries.ts` reads the state
 * and turns the outcome into statements for the caller's batch.
 *
 * Every row carries a deterministic idempotency key built from its cause:
 *   `<cause>:<rule>:user:<id>`            the first time a cause pays a person
 *   `<cause>:<rule>:user:<id>:rev:<n>`    the n-th reversal of that (negative, exactly cancelling)
 *   `<cause>:<rule>:user:<id>:again:<n>`  paying again after n reversals (a vote cast again)
 * so a retried or racing request can never pay twice (the ledger's key is unique), while a cause
 * that was reversed can earn again. A reversal copies the day, unit and rules version of the row it
 * cancels, so every period total ends as if the cause had never earned.
 */
import { BADGES, type Badge } from "./badges.ts";
import type { IdeaAction } from "./idea-status.ts";
import { levelFor, type LevelKey } from "./levels.ts";
import { replicationPayees, type Ancestor } from "./library.ts";
import type { RuleKey, RuleSet } from "./reward-rules.ts";
import { localDay, type TimeZone } from "./time-zone.ts";

export { levelFor, LEVELS } from "./levels.ts";
export { periodsFor, periodsOfDay, currentPeriod } from "./reward-periods.ts";
export { DEFAULT_RULES } from "./reward-rules.ts";

export type SubjectType = "idea" | "vote" | "comment" | "review" | "award";

type Common = { agencyId: number; actorId: number | null; at: number };

/** Events that earn. A vote pays the voter (`vote_cast`) and the idea's team (`vote_received`). */
export type EarningEvent = Common &
  (
    | { type: "idea_submitted" | "idea_shortlisted" | "idea_approved" | "idea_implemented"; ideaId: number }
    | { type: "vote_cast"; ideaId: number; voterId: number }
    | { type: "comment_posted"; commentId: number; authorId: number }
    | { type: "review_completed"; reviewId: number; reviewerId: number; dueAt: number }
    | { type: "award_granted"; awardId: number; recipientIds: readonly number[]; points?: number | null }
  );

/** Events that take back what a cause earned. */
export type ReversalEvent = Common &
  (
    | { type: "vote_retracted"; ideaId: number; voterId: number }
    | { type: "comment_deleted" | "comment_hidden"; commentId: number }
    /** reverses the submission (and what it paid an original's team for being replicated) */
    | { type: "idea_withdrawn"; ideaId: number }
    /** reverses what the duplicate earned for its submission */
    | { type: "idea_merged"; ideaId: number; intoId: number }
    /** takes back the bonus a revoked award paid its people */
    | { type: "award_revoked"; awardId: number }
  );

export type RewardEvent = EarningEvent | ReversalEvent;
export type RewardEventType = RewardEvent["type"];

export const REVERSALS = [
  "vote_retracted",
  "comment_deleted",
  "comment_hidden",
  "idea_withdrawn",
  "idea_merged",
  "award_revoked",
];

export const isReversal = (event: RewardEvent): event is ReversalEvent => REVERSALS.includes(event.type);

/** What a step of the idea workflow reports to the engine; steps not listed earn nothing. */
export const IDEA_STEP_EVENTS = {
  submit: "idea_submitted",
  withdraw: "idea_withdrawn",
  shortlist: "idea_shortlisted",
  approve: "idea_approved",
  implement: "idea_implemented",
} as const satisfies Partial<Record<IdeaAction, RewardEventType>>;

export const ideaStepEvent = (action: IdeaAction) =>
  (IDEA_STEP_EVENTS as Partial<Record<IdeaAction, (typeof IDEA_STEP_EVENTS)[keyof typeof IDEA_STEP_EVENTS]>>)[action] ??
  null;

/** A person the event may pay, as storage knows them now. */
export type Person = {
  userId: number;
  agencyId: number;
  /** the person's agency's zone, when it is not the event's (a replicated idea's original team) */
  timeZone?: TimeZone;
  /** the unit credited now */
  unitId: number;
  /**
   * all-time points, for the level changes of the outcome; a reader that reports none leaves it out
   * (the D1 reader: every action's batch takes only the ledger rows and badges, issue 22)
   */
  total?: number;
  badges: readonly string[];
  /** paying occurrences today, per daily-capped rule the event may pay them */
  today?: Partial<Record<RuleKey, number>>;
  /** paying occurrences so far (net of reversals) of a rule a count badge watches, when not yet held */
  counted?: Partial<Record<RuleKey, number>>;
};

/** A row already on the ledger for the event's cause. */
export type PriorRow = {
  idempotencyKey: string;
  agencyId: number;
  userId: number;
  unitId: number;
  points: number;
  ruleKey: string;
  rulesVersion: number;
  subjectType: SubjectType;
  subjectId: number;
  day: string;
};

export type RewardState = {
  /** everyone the event may pay or reverse */
  people: readonly Person[];
  /** the idea's accepted authors (idea events and votes) */
  team?: readonly number[];
  /**
   * a submitted replica: its lineage, the idea it replicates first, then that idea's original and
   * so on up to the root, each with its accepted authors (`domain/library.ts` prices each generation)
   */
  lineage?: readonly Ancestor[];
  /** a vote: the idea's votes before this one */
  ideaVotes?: number;
  /** rows already written for this cause (`causeOf(event).key` prefix) */
  causeRows: readonly PriorRow[];
  /** the event's agency's zone: the day its points count for, and "today" for daily caps */
  timeZone: TimeZone;
};

export type LedgerRow = {
  agencyId: number;
  userId: number;
  unitId: number;
  points: number;
  eventType: RewardEventType;
  subjectType: SubjectType;
  subjectId: number;
  ruleKey: string;
  rulesVersion: number;
  idempotencyKey: string;
  actorId: number | null;
  day: string;
  at: number;
  /** the rule's daily cap, re-checked inside the batch against concurrent requests; null: none */
  dailyCap: number | null;
};

export type BadgeGrant = {
  userId: number;
  agencyId: number;
  badgeKey: string;
  cause: { event: RewardEventType; subjectType: SubjectType; subjectId: number };
  at: number;
};

export type LevelChange = {
  userId: number;
  pointsBefore: number;
  pointsAfter: number;
  before: LevelKey;
  after: LevelKey;
};

/** Level changes are per person: a team event moves several people. */
export type RewardOutcome = { ledger: LedgerRow[]; badges: BadgeGrant[]; levels: LevelChange[] };

/**
 * The cause of an event: the idempotency key prefix of every row it writes or reverses, and the
 * subject its rows point at.
 * @example causeOf({ type: "vote_cast", ideaId: 12, voterId: 34, … }) // { key: "vote:idea:12:voter:34", subject: { type: "idea", id: 12 } }
 */
export function causeOf(event: RewardEvent): { key: string; subject: { type: SubjectType; id: number } } {
  switch (event.type) {
    case "idea_submitted":
    case "idea_withdrawn":
    case "idea_merged":
      return { key: `idea:${event.ideaId}:submit`, subject: { type: "idea", id: event.ideaId } };
    case "idea_shortlisted":
      return { key: `idea:${event.ideaId}:shortlist`, subject: { type: "idea", id: event.ideaId } };
    case "idea_approved":
      return { key: `idea:${event.ideaId}:approve`, subject: { type: "idea", id: event.ideaId } };
    case "idea_implemented":
      return { key: `idea:${event.ideaId}:implement`, subject: { type: "idea", id: event.ideaId } };
    case "vote_cast":
    case "vote_retracted":
      return { key: `vote:idea:${event.ideaId}:voter:${event.voterId}`, subject: { type: "idea", id: event.ideaId } };
    case "comment_posted":
    case "comment_deleted":
    case "comment_hidden":
      return { key: `comment:${event.commentId}`, subject: { type: "comment", id: event.commentId } };
    case "review_completed":
      return { key: `review:${event.reviewId}`, subject: { type: "review", id: event.reviewId } };
    case "award_granted":
    case "award_revoked":
      return { key: `award:${event.awardId}`, subject: { type: "award", id: event.awardId } };
  }
}

/** The range of keys a cause's rows occupy: `key >= from AND key < to` (`;` follows `:`). */
export const causeRange = (causeKey: string) => ({ from: `${causeKey}:`, to: `${causeKey};` });

const SUFFIX = /:(again|rev):(\d+)$/;

/** Per person and rule of a cause: how often it paid, how often that was reversed, the latest payment. */
function historyOf(rows: readonly PriorRow[]) {
  const byBase = new Map<string, { earned: number; reversed: number; last: PriorRow | null; lastRound: number }>();
  for (const row of rows) {
    const match = SUFFIX.exec(row.idempotencyKey);
    const base = match ? row.idempotencyKey.slice(0, match.index) : row.idempotencyKey;
    const h = byBase.get(base) ?? { earned: 0, reversed: 0, last: null, lastRound: -1 };
    const round = match ? Number(match[2]) : 0;
    if (match?.[1] === "rev") h.reversed++;
    else {
      h.earned++;
      if (round > h.lastRound) Object.assign(h, { last: row, lastRound: round });
    }
    byBase.set(base, h);
  }
  return byBase;
}

/**
 * What an event earns or takes back.
 * @param event what happened
 * @param state what storage knows now (see {@link RewardState}); for a retried event it shows the
 *   cause already paid, and the outcome is empty
 * @param rules the agency's rules in force
 * @example reward({ type: "idea_submitted", ideaId: 7, agencyId: 1, actorId: 5, at }, state, DEFAULT_RULES).ledger
 *   // [{ userId: 5, points: 10, ruleKey: "idea_submitted", idempotencyKey: "idea:7:submit:idea_submitted:user:5", … }]
 */
export function reward(event: RewardEvent, state: RewardState, rules: RuleSet): RewardOutcome {
  const cause = causeOf(event);
  const history = historyOf(state.causeRows);
  if (isReversal(event)) {
    const ledger = reverse(event, history);
    return { ledger, badges: [], levels: levelChanges(state, ledger) };
  }
  // a cause that already paid (and was not reversed) is a retry: it pays nothing
  if ([...history.values()].some((h) => h.earned > h.reversed)) return { ledger: [], badges: [], levels: [] };
  const ledger = earn(event, state, rules, cause, history);
  return { ledger, badges: grants(event, state, cause.subject, ledger, rules), levels: levelChanges(state, ledger) };
}

function reverse(event: ReversalEvent, history: ReturnType<typeof historyOf>) {
  const rows: LedgerRow[] = [];
  for (const [base, h] of history) {
    if (h.earned <= h.reversed || !h.last) continue;
    const r = h.last;
    rows.push({
      agencyId: r.agencyId,
      userId: r.userId,
      unitId: r.unitId,
      points: -r.points,
      eventType: event.type,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      ruleKey: r.ruleKey,
      rulesVersion: r.rulesVersion,
      idempotencyKey: `${base}:rev:${h.reversed + 1}`,
      actorId: event.actorId,
      day: r.day,
      at: event.at,
      dailyCap: null,
    });
  }
  return rows;
}

/** Who earns what for an earning event: [person, rule, subject] triples. */
function payees(event: EarningEvent, state: RewardState, subject: { type: SubjectType; id: number }, rules: RuleSet) {
  const out: { userId: number; rule: RuleKey; subject: { type: SubjectType; id: number }; points?: number }[] = [];
  const team = state.team ?? [];
  const each = (ids: readonly number[], rule: RuleKey, s = subject) =>
    ids.forEach((userId) => out.push({ userId, rule, subject: s }));
  switch (event.type) {
    case "idea_submitted": {
      each(team, "idea_submitted");
      // every ancestor's team is credited once, the nearer generations more (domain/library.ts)
      for (const p of replicationPayees(rules.rules.idea_replicated.points, event.agencyId, state.lineage ?? []))
        out.push({
          userId: p.userId,
          rule: "idea_replicated",
          subject: { type: "idea", id: p.ideaId },
          points: p.points,
        });
      break;
    }
    case "idea_shortlisted":
    case "idea_approved":
    case "idea_implemented":
      each(team, event.type);
      break;
    case "vote_cast":
      each([event.voterId], "vote_cast");
      each(
        team.filter((u) => u !== event.voterId),
        "vote_received",
      );
      break;
    case "comment_posted":
      each([event.authorId], "comment_posted");
      break;
    case "review_completed":
      each([event.reviewerId], event.at <= event.dueAt ? "review_on_time" : "review_late");
      break;
    case "award_granted":
      each([...new Set(event.recipientIds)], "award_granted");
      break;
  }
  return out;
}

function earn(
  event: EarningEvent,
  state: RewardState,
  rules: RuleSet,
  cause: ReturnType<typeof causeOf>,
  history: ReturnType<typeof historyOf>,
) {
  const people = new Map(state.people.map((p) => [p.userId, p]));
  const rows: LedgerRow[] = [];
  for (const { userId, rule, subject, points: priced } of payees(event, state, cause.subject, rules)) {
    const person = people.get(userId);
    const r = rules.rules[rule];
    if (!person) continue;
    const points =
      priced ?? (rule === "award_granted" && event.type === "award_granted" ? (event.points ?? r.points) : r.points);
    if (points === 0) continue;
    if (r.dailyCap !== null && (person.today?.[rule] ?? 0) >= r.dailyCap) continue;
    if (rule === "vote_received" && r.perSubjectCap !== null && (state.ideaVotes ?? 0) >= r.perSubjectCap) continue;
    const base = `${cause.key}:${rule}:user:${userId}`;
    const round = history.get(base)?.reversed ?? 0;
    rows.push({
      agencyId: person.agencyId,
      userId,
      unitId: person.unitId,
      points,
      eventType: event.type,
      subjectType: subject.type,
      subjectId: subject.id,
      ruleKey: rule,
      rulesVersion: rules.version,
      idempotencyKey: round === 0 ? base : `${base}:again:${round}`,
      actorId: event.actorId,
      day: localDay(event.at, person.timeZone ?? state.timeZone),
      at: event.at,
      dailyCap: r.dailyCap,
    });
  }
  return rows;
}

function grants(
  event: EarningEvent,
  state: RewardState,
  subject: { type: SubjectType; id: number },
  rows: readonly LedgerRow[],
  rules: RuleSet,
): BadgeGrant[] {
  const people = new Map(state.people.map((p) => [p.userId, p]));
  const paid = new Set(rows.map((r) => `${r.userId}:${r.ruleKey}`));
  const out: BadgeGrant[] = [];
  const grant = (userId: number, badge: Badge) => {
    const person = people.get(userId);
    if (
      !person ||
      person.badges.includes(badge.key) ||
      out.some((g) => g.userId === userId && g.badgeKey === badge.key)
    )
      return;
    out.push({
      userId,
      agencyId: person.agencyId,
      badgeKey: badge.key,
      cause: { event: event.type, subjectType: subject.type, subjectId: subject.id },
      at: event.at,
    });
  };
  const team = state.team ?? [];
  for (const { userId, rule } of payees(event, state, subject, rules)) {
    for (const badge of BADGES as readonly Badge[]) {
      const t = badge.trigger;
      if (t.kind === "event" && t.rule === rule && team.length >= (t.minTeam ?? 0)) grant(userId, badge);
      if (t.kind === "count" && t.rule === rule && paid.has(`${userId}:${rule}`)) {
        const before = people.get(userId)?.counted?.[rule];
        if (before !== undefined && before + 1 >= t.count) grant(userId, badge);
      }
      if (t.kind === "votes" && rule === "vote_received" && (state.ideaVotes ?? 0) + 1 >= t.count) grant(userId, badge);
    }
  }
  return out;
}

function levelChanges(state: RewardState, rows: readonly LedgerRow[]): LevelChange[] {
  const delta = new Map<number, number>();
  for (const r of rows) delta.set(r.userId, (delta.get(r.userId) ?? 0) + r.points);
  const out: LevelChange[] = [];
  for (const [userId, d] of delta) {
    const person = state.people.find((p) => p.userId === userId);
    if (person && person.total === undefined) continue;
    const before = person?.total ?? 0;
    out.push({
      userId,
      pointsBefore: before,
      pointsAfter: before + d,
      before: levelFor(before).key,
      after: levelFor(before + d).key,
    });
  }
  return out;
}
