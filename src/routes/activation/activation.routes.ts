import { createRoute, z } from "@hono/zod-openapi";
import { json, jsonBody, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import {
  ActivationOverviewSchema,
  SendActivationBody,
  SendActivationSchema,
  SheetBody,
  UnitParams,
  UnitPeopleSchema,
} from "./activation.schemas";

const tags = ["users"];

export const overview = createRoute({
  method: "get",
  path: "/activation/units",
  tags,
  summary: "Who has activated their account, per unit (admin)",
  description:
    "Activated = signed in at least once (activating signs a person in). Deactivated accounts are not counted.",
  middleware: [guard("user.manage")],
  responses: { 200: json(ActivationOverviewSchema, "Every unit of the agency"), ...problems(401, 403) },
});

export const unitPeople = createRoute({
  method: "get",
  path: "/activation/units/{id}",
  tags,
  summary: "The people of one unit and whether each has activated (admin)",
  middleware: [guard("user.manage")],
  request: { params: UnitParams },
  responses: { 200: json(UnitPeopleSchema, "The unit's active accounts by name"), ...problems(401, 403, 404, 422) },
});

export const send = createRoute({
  method: "post",
  path: "/activation/send",
  tags,
  summary: "E-mail an activation link to everyone not yet active (admin)",
  description:
    "Each person who has not signed in yet gets a fresh single-use link valid for 14 days (their earlier e-mailed link stops working; a printed code still works). The e-mails go through the outbox: written in the same batch as the link, sent by the scheduler within a minute or two. One audit row.",
  middleware: [guard("user.manage")],
  request: { body: jsonBody(SendActivationBody) },
  responses: { 200: json(SendActivationSchema, "How many e-mails were queued"), ...problems(401, 403, 404, 422) },
});

export const sheet = createRoute({
  method: "post",
  path: "/activation/sheet",
  tags,
  summary: "Print the activation sheet of a unit: a PDF slip per person not yet active (admin)",
  description:
    "Each slip has the person's name, NIP, a fresh activation code (12 characters, valid 14 days) and a QR code of the activation page with that code. Printing again voids the codes of the previous sheet; e-mailed links still work. A POST because it issues codes. One audit row.",
  middleware: [guard("user.manage")],
  request: { body: jsonBody(SheetBody) },
  responses: {
    200: {
      description: "The sheet, as a download (`aktivasi-<unit code>.pdf`)",
      content: { "application/pdf": { schema: z.string().openapi({ type: "string", format: "binary" }) } },
    },
    ...problems(401, 403, 404, 422),
  },
});
