import { createRoute, z } from "@hono/zod-openapi";
import { MAX_ATTACHMENT_BYTES } from "../../domain/attachments";
import { MAX_PHOTOS_PER_ITEM } from "../../domain/round-photos";
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
import { PhotoForm, PhotoParams, RoundPhotoSchema } from "./photos.schemas";

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

export const addPhoto = createRoute({
  method: "post",
  path: "/round-assignments/{id}/photos",
  tags,
  summary: "Attach a photo to a checklist item of one's own sheet (field verification)",
  description: [
    "Multipart form: `file` (a photo, e.g. from the phone's camera) and `itemKey` (the checklist item it shows).",
    "Only the sheet's reviewer (colleague or guest), after declaring no conflict, while the round is open and the sheet not submitted (409 `round.not_open`, `round.submitted`, `round.conflict_undeclared`, `round.stepped_aside`); only in a checklist round (409 `photo.not_checklist`); 422 `photo.unknown_item` for a key that is not one of the round's items.",
    `The file is stored as the idea attachments are (same bucket, same ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB limit, 413 \`attachment.too_large\`), and its type is recognised from its bytes: PNG, JPEG, WebP or GIF, anything else 415 \`photo.not_image\`. At most ${MAX_PHOTOS_PER_ITEM} photos per item of a sheet (409 \`photo.limit_reached\`). A refused or failed upload stores nothing.`,
  ].join("\n\n"),
  middleware: [guard()],
  request: {
    params: IdParam,
    body: { required: true, description: "The photo", content: { "multipart/form-data": { schema: PhotoForm } } },
  },
  responses: {
    201: json(RoundPhotoSchema, "The stored photo"),
    ...problems(401, 403, 404, 409, 413, 415, 422, 429),
  },
});

export const getPhoto = createRoute({
  method: "get",
  path: "/round-assignments/{id}/photos/{photoId}",
  tags,
  summary: "A photo of a sheet's checklist item (the sheet's reviewer, and admins viewing the round)",
  description:
    "As a download (`Content-Disposition: attachment`, `X-Content-Type-Options: nosniff`) with the type recognised at upload; an `<img>` shows it.",
  middleware: [guard()],
  request: { params: PhotoParams },
  responses: {
    200: {
      description: "The photo",
      content: { "image/*": { schema: z.string().openapi({ type: "string", format: "binary" }) } },
    },
    ...problems(401, 403, 404),
  },
});

export const removePhoto = createRoute({
  method: "delete",
  path: "/round-assignments/{id}/photos/{photoId}",
  tags,
  summary: "Remove a photo from one's own sheet while it may still change",
  middleware: [guard()],
  request: { params: PhotoParams },
  responses: { 204: { description: "Removed" }, ...problems(401, 403, 404, 409) },
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
