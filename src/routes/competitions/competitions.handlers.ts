import { recordAudit } from "../../db/queries/audit.queries";
import { getCampaign } from "../../db/queries/campaigns.queries";
import { changesOf, runBatch, runNamedBatch, type Database } from "../../db/client";
import {
  enterStatement,
  getCompetition,
  getEntryFacts,
  getRound,
  listEntries,
  listPanelEligible,
  listRoundEntries,
  listRoundSheets,
  listTeams,
  newestEntryId,
  openRoundStatements,
  closeRoundStatements,
  replaceCompetitionStatements,
} from "../../db/queries/competitions.queries";
import { lockOnEntryStatements } from "../../db/queries/competition-entry-seam";
import { advancing, checkRounds, scheduleSlots, type RoundConfig } from "../../domain/competition";
import { checkGates, type Gates } from "../../domain/eligibility";
import { parseRoles } from "../../domain/roles";
import { localDay } from "../../domain/time-zone";
import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError, conflict, notFound, validationError } from "../../lib/problem";
import { msOrNull } from "../../lib/time";
import { actorOf, authorize } from "../../middlewares/guard";
import type { Actor } from "../../env";
import { advanceOf, competitionView, roundRanking } from "./competition-view";
import type * as routes from "./competitions.routes";

async function loadCampaign(db: Database, agencyId: number, id: number) {
  const campaign = await getCampaign(db, agencyId, id);
  if (!campaign) throw notFound("campaign");
  return campaign;
}

export const getCompetitionView: AppRouteHandler<typeof routes.getCompetition> = async (c) => {
  const actor = actorOf(c);
  const campaign = await loadCampaign(c.var.db, actor.agencyId, c.req.valid("param").id);
  return c.json(await competitionView(c.var.db, campaign), 200);
};

export const putCompetition: AppRouteHandler<typeof routes.putCompetition> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const campaign = await loadCampaign(db, actor.agencyId, c.req.valid("param").id);
  if (campaign.kind !== "competition")
    throw conflict("competition.not_a_competition", "The always-open Kotak Ide has no rounds");
  const body = c.req.valid("json");
  // a checklist item is pass/fail: no weight, a scale of one
  const rounds = body.rounds.map((r) => ({
    ...r,
    items: r.items.map((i) => (r.kind === "checklist" ? { ...i, weight: 0, scaleMax: 1 } : i)),
  }));
  const problems = checkRounds(rounds as RoundConfig[]).map((p) => ({
    path: `json.${p.path}`,
    code: p.code,
    message: p.message,
  }));
  rounds.forEach((r, i) =>
    r.items.forEach((item, j) => {
      if (r.kind === "rubric" && item.scaleMax < 2)
        problems.push({
          path: `json.rounds.${i}.items.${j}.scaleMax`,
          code: "rounds.scale",
          message: "A rubric scale runs 2–10",
        });
    }),
  );
  const memberIds = [...new Set(rounds.flatMap((r) => r.memberIds))];
  const eligible = new Map(
    (await listPanelEligible(db, actor.agencyId, memberIds)).map((u) => [u.id, parseRoles(u.roles)]),
  );
  rounds.forEach((r, i) =>
    r.memberIds.forEach((id, j) => {
      const roles = eligible.get(id);
      if (!roles || !(roles.includes("reviewer") || roles.includes("guest")))
        problems.push({
          path: `json.rounds.${i}.memberIds.${j}`,
          code: "rounds.member_not_eligible",
          message: "A panel member is a colleague with the reviewer role or an external reviewer",
        });
    }),
  );
  if (problems.length > 0) throw validationError(problems);
  const current = await getCompetition(db, campaign.id);
  if (current.rounds.some((r) => r.state !== "draft"))
    throw conflict("competition.started", "A round has opened: the rounds can no longer change");
  const now = Date.now();
  await runBatch(db, [
    ...replaceCompetitionStatements(db, {
      agencyId: actor.agencyId,
      campaignId: campaign.id,
      gates: body.gates,
      rounds: rounds.map((r) => ({ ...r, memberIds: [...new Set(r.memberIds)], slotStart: msOrNull(r.slotStart) })),
      now,
    }),
    recordAudit(db, {
      agencyId: actor.agencyId,
      actorId: actor.userId,
      action: "competition.configure",
      subjectType: "campaign",
      subjectId: campaign.id,
      detail: { rounds: rounds.map((r) => ({ name: r.name, kind: r.kind, weight: r.weight })), gates: body.gates },
      at: now,
    }),
  ]);
  return c.json(await competitionView(db, campaign), 200);
};

/** Loads what the gates need and decides them; throws for what is no gate (unknown idea, not allowed, already in). */
async function judgeEntry(
  db: Database,
  actor: Actor,
  campaignId: number,
  body: { ideaId: number; group: "umum" | "replikasi" | "khusus"; operatingSince: string },
) {
  const campaign = await loadCampaign(db, actor.agencyId, campaignId);
  const competition = await getCompetition(db, campaign.id);
  const now = Date.now();
  const today = localDay(now, actor.timeZone);
  const year = Number(today.slice(0, 4));
  const facts = await getEntryFacts(db, {
    ...body,
    agencyId: actor.agencyId,
    campaignId: campaign.id,
    userId: actor.userId,
  });
  if (!facts) throw notFound("idea");
  authorize(actor, "competition.enter", { ownerId: facts.onTeam ? actor.userId : undefined });
  if (!competition.gates) throw conflict("competition.not_configured", "This campaign runs no competition rounds");
  if (competition.rounds.some((r) => r.state !== "draft"))
    throw conflict("competition.started", "A round has opened: entries are closed");
  if (facts.alreadyHere) throw conflict("entry.exists", "This innovation is already entered");
  const gates = JSON.parse(competition.gates.gates) as Gates;
  const verdicts = checkGates(gates, {
    group: body.group,
    operatingSince: body.operatingSince,
    today,
    decided: facts.status === "approved" || facts.status === "implemented",
    isReplication: facts.replicatesId !== null,
    unitEntriesInGroup: facts.unitEntries,
    enteredThisYear: facts.enteredYears.includes(year),
  });
  return { campaign, gates, facts, verdicts, now, year };
}

export const checkEntry: AppRouteHandler<typeof routes.checkEntry> = async (c) => {
  const { verdicts } = await judgeEntry(c.var.db, actorOf(c), c.req.valid("param").id, c.req.valid("json"));
  return c.json({ eligible: verdicts.every((v) => v.ok), gates: verdicts }, 200);
};

export const enter: AppRouteHandler<typeof routes.enter> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const body = c.req.valid("json");
  const { campaign, gates, facts, verdicts, now, year } = await judgeEntry(db, actor, c.req.valid("param").id, body);
  const failed = verdicts.filter((v) => !v.ok);
  if (failed.length > 0)
    throw new ApiError(422, "entry.gates_failed", "The innovation does not pass every gate", {
      errors: failed.map((v) => ({ path: `gates.${v.gate}`, code: `entry.gate_${v.gate}`, message: v.reason })),
    });
  const { entered } = await runNamedBatch(db, {
    entered: enterStatement(db, {
      agencyId: actor.agencyId,
      campaignId: campaign.id,
      ideaId: facts.id,
      unitId: facts.unitId,
      group: body.group,
      operatingSince: body.operatingSince,
      year,
      userId: actor.userId,
      now,
      quota: gates.quotaPerUnit[body.group],
      onePerYear: gates.onePerYear,
    }),
    locked: lockOnEntryStatements(db, { agencyId: actor.agencyId, ideaId: facts.id, entryId: newestEntryId(), now }),
  });
  if (changesOf(entered) === 0)
    throw conflict("entry.quota_full", "Another entry took the last place, or the innovation was entered meanwhile");
  const entries = await listEntries(db, campaign.id);
  const entry = entries.find((e) => e.ideaId === facts.id)!;
  return c.json({ id: entry.id, gates: verdicts }, 201);
};

async function loadRound(db: Database, actor: Actor, id: number) {
  const round = await getRound(db, actor.agencyId, id);
  if (!round) throw notFound("round");
  const campaign = await loadCampaign(db, actor.agencyId, round.campaignId);
  return { round, campaign };
}

export const openRound: AppRouteHandler<typeof routes.openRound> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { round, campaign } = await loadRound(db, actor, c.req.valid("param").id);
  if (round.state !== "draft") throw conflict("round.not_draft", "This round has already opened");
  const [competition, entries, standings] = await Promise.all([
    getCompetition(db, campaign.id),
    listEntries(db, campaign.id),
    listRoundEntries(db, campaign.id),
  ]);
  const previous = competition.rounds.find((r) => r.position === round.position - 1);
  if (previous && previous.state !== "closed")
    throw conflict("round.previous_open", "The round before this one has not closed yet");
  const taking = previous
    ? entries.filter((e) =>
        standings.some((s) => s.roundId === previous.id && s.entryId === e.id && s.outcome === "advanced"),
      )
    : entries;
  const panel = competition.members.filter((m) => m.roundId === round.id).map((m) => m.userId);
  if (taking.length === 0) throw conflict("round.no_entries", "No entry is there to take part in this round");
  if (panel.length === 0) throw conflict("round.no_panel", "This round has no panel");
  const slots =
    round.slotStart !== null && round.slotMinutes !== null
      ? scheduleSlots(
          taking.map((e) => e.id),
          round.slotStart,
          round.slotMinutes,
        )
      : new Map<number, number>();
  // a colleague never scores an innovation of their own team
  const teams = await listTeams(
    db,
    taking.map((e) => e.ideaId),
  );
  const sheets = taking.flatMap((e) =>
    panel
      .filter((userId) => !teams.some((t) => t.ideaId === e.ideaId && t.userId === userId))
      .map((reviewerId) => ({ entryId: e.id, reviewerId })),
  );
  const now = Date.now();
  const { opened } = await runNamedBatch(db, {
    ...openRoundStatements(db, {
      agencyId: actor.agencyId,
      round,
      entries: taking.map((e) => ({ entryId: e.id, scheduledAt: slots.get(e.id) ?? null })),
      sheets,
      now,
    }),
    audit: recordAudit(db, {
      agencyId: actor.agencyId,
      actorId: actor.userId,
      action: "round.open",
      subjectType: "campaign",
      subjectId: campaign.id,
      detail: { roundId: round.id, entries: taking.length, sheets: sheets.length },
      at: now,
    }),
  });
  if (changesOf(opened) === 0) throw conflict("round.not_draft", "This round has already opened");
  return c.json({ roundId: round.id, state: "open" as const, entries: taking.length, advanced: 0 }, 200);
};

export const closeRound: AppRouteHandler<typeof routes.closeRound> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { round, campaign } = await loadRound(db, actor, c.req.valid("param").id);
  if (round.state !== "open") throw conflict("round.not_open", "This round is not open");
  const [entries, standings, sheets] = await Promise.all([
    listEntries(db, campaign.id),
    listRoundEntries(db, campaign.id),
    listRoundSheets(db, [round.id]),
  ]);
  if (sheets.some((s) => s.conflict !== "conflict" && s.state !== "submitted"))
    throw conflict("round.incomplete", "Some panel members have not submitted their scores");
  const enteredAt = new Map(entries.map((e) => [e.id, e.enteredAt]));
  const ranking = roundRanking(
    round,
    campaign,
    standings
      .filter((s) => s.roundId === round.id)
      .map((s) => ({ entryId: s.entryId, enteredAt: enteredAt.get(s.entryId) ?? 0 })),
    sheets,
  );
  const going = new Set(advancing(ranking, advanceOf(round)));
  const now = Date.now();
  const results = ranking.map((r) => ({
    entryId: r.ideaId,
    score: r.score,
    rawScore: r.rawScore,
    rank: r.rank,
    advanced: going.has(r.ideaId),
  }));
  const { closed } = await runNamedBatch(db, {
    ...closeRoundStatements(db, { roundId: round.id, results, now }),
    audit: recordAudit(db, {
      agencyId: actor.agencyId,
      actorId: actor.userId,
      action: "round.close",
      subjectType: "campaign",
      subjectId: campaign.id,
      detail: { roundId: round.id, advanced: [...going] },
      at: now,
    }),
  });
  if (changesOf(closed) === 0) throw conflict("round.not_open", "This round is not open");
  return c.json({ roundId: round.id, state: "closed" as const, entries: results.length, advanced: going.size }, 200);
};
