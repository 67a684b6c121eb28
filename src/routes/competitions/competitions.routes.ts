import { createRoute } from "@hono/zod-openapi";
import { json, jsonBody, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import {
  CompetitionBody,
  CompetitionSchema,
  ConflictBody,
  EntryBody,
  EntryCheckSchema,
  EntryCreatedSchema,
  GuestBody,
  GuestListSchema,
  GuestSchema,
  IdParam,
  MySheetsSchema,
  RoundResultSchema,
  SheetBody,
  SheetSchema,
} from "./competitions.schemas";

const tags = ["competitions"];

export const getCompetition = createRoute({
  method: "get",
  path: "/campaigns/{id}/competition",
  tags,
  summary: "A competition's gates, rounds, entries, per-round rankings and final ranking (admin)",
  middleware: [guard("competition.manage")],
  request: { params: IdParam },
  responses: { 200: json(CompetitionSchema, "The competition"), ...problems(401, 403, 404) },
});

export const putCompetition = createRoute({
  method: "put",
  path: "/campaigns/{id}/competition",
  tags,
  summary: "Set a competition's gates and rounds with their panels (admin), until the first round opens",
  middleware: [guard("competition.manage")],
  request: { params: IdParam, body: jsonBody(CompetitionBody) },
  responses: { 200: json(CompetitionSchema, "Saved"), ...problems(401, 403, 404, 409, 422) },
});

export const checkEntry = createRoute({
  method: "post",
  path: "/campaigns/{id}/entries/check",
  tags,
  summary: "Which gates an innovation passes, each with its reason, before it is entered (its team or the admin)",
  description: "Writes nothing. Reasons are in Bahasa Indonesia.",
  middleware: [guard()],
  request: { params: IdParam, body: jsonBody(EntryBody) },
  responses: { 200: json(EntryCheckSchema, "Each gate's verdict"), ...problems(401, 403, 404, 409, 422) },
});

export const enter = createRoute({
  method: "post",
  path: "/campaigns/{id}/entries",
  tags,
  summary: "Enter an approved innovation into a competition (its team or the admin)",
  description:
    "Refused with 422 `entry.gates_failed` (one `errors[]` entry per failed gate, `path` = `gates.<gate>`, message in Bahasa Indonesia) when a gate fails; 409 `entry.exists` when the innovation is already in, `competition.started` once a round has opened.",
  middleware: [guard()],
  request: { params: IdParam, body: jsonBody(EntryBody) },
  responses: { 201: json(EntryCreatedSchema, "Entered"), ...problems(401, 403, 404, 409, 422) },
});

export const openRound = createRoute({
  method: "post",
  path: "/rounds/{id}/open",
  tags,
  summary: "Open a round (admin): the first takes every entry, a later one those that advanced from the one before",
  middleware: [guard("competition.manage")],
  request: { params: IdParam },
  responses: { 200: json(RoundResultSchema, "Opened"), ...problems(401, 403, 404, 409) },
});

export const closeRound = createRoute({
  method: "post",
  path: "/rounds/{id}/close",
  tags,
  summary: "Close a round (admin): score, rank and apply its advancing rule",
  description: "409 `round.incomplete` while a sheet without a declared conflict is not submitted.",
  middleware: [guard("competition.manage")],
  request: { params: IdParam },
  responses: { 200: json(RoundResultSchema, "Closed"), ...problems(401, 403, 404, 409) },
});

export const mySheets = createRoute({
  method: "get",
  path: "/round-assignments",
  tags,
  summary: "The caller's round assignments (external and internal reviewers)",
  middleware: [guard()],
  responses: { 200: json(MySheetsSchema, "Mine"), ...problems(401, 403) },
});

export const getSheet = createRoute({
  method: "get",
  path: "/round-assignments/{id}",
  tags,
  summary: "One round assignment with the innovation it scores (blind: no team, no unit)",
  middleware: [guard()],
  request: { params: IdParam },
  responses: { 200: json(SheetSchema, "The sheet"), ...problems(401, 403, 404) },
});

export const declareConflict = createRoute({
  method: "put",
  path: "/round-assignments/{id}/conflict",
  tags,
  summary: "Declare a conflict of interest, or none, before scoring (once)",
  middleware: [guard()],
  request: { params: IdParam, body: jsonBody(ConflictBody) },
  responses: { 200: json(SheetSchema, "Declared"), ...problems(401, 403, 404, 409, 422) },
});

export const saveSheet = createRoute({
  method: "put",
  path: "/round-assignments/{id}",
  tags,
  summary: "Save (and with `submit`, submit) a round assignment's scores",
  description: "409 `round.conflict_undeclared` before the conflict declaration; `round.not_open`, `round.submitted`.",
  middleware: [guard()],
  request: { params: IdParam, body: jsonBody(SheetBody) },
  responses: { 200: json(SheetSchema, "Saved"), ...problems(401, 403, 404, 409, 422) },
});

export const listGuests = createRoute({
  method: "get",
  path: "/guest-reviewers",
  tags,
  summary: "The agency's external reviewers (admin)",
  middleware: [guard("competition.manage")],
  responses: { 200: json(GuestListSchema, "External reviewers"), ...problems(401, 403) },
});

export const inviteGuest = createRoute({
  method: "post",
  path: "/guest-reviewers",
  tags,
  summary: "Invite an external reviewer by e-mail (admin): a guest account with no NIP and an activation link",
  middleware: [guard("competition.manage")],
  request: { body: jsonBody(GuestBody) },
  responses: { 201: json(GuestSchema, "Invited"), ...problems(401, 403, 409, 422) },
});
