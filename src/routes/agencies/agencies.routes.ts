import { createRoute } from "@hono/zod-openapi";
import { IdParams, json, jsonBody, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import {
  AgencyListQuery,
  AgencyPageSchema,
  AgencySchema,
  AgencyStateBody,
  CreateAgencyBody,
  CreatedAgencySchema,
} from "./agencies.schemas";

const tags = ["agencies"];

export const listAgencies = createRoute({
  method: "get",
  path: "/agencies",
  tags,
  summary: "Every agency on the platform (superadmin)",
  middleware: [guard("agency.manage")],
  request: { query: AgencyListQuery },
  responses: { 200: json(AgencyPageSchema, "A page of agencies, by name"), ...problems(400, 401, 403, 422) },
});

export const createAgency = createRoute({
  method: "post",
  path: "/agencies",
  tags,
  summary: "Create an agency with its root unit and first admin (superadmin)",
  description:
    "One transaction creates the agency, its root unit and its first admin. The admin's temporary password is returned once; they must change it at the first sign-in. 409 `agency.slug_taken`, `user.nip_taken` or `user.email_taken`.",
  middleware: [guard("agency.manage")],
  request: { body: jsonBody(CreateAgencyBody) },
  responses: { 201: json(CreatedAgencySchema, "Created"), ...problems(401, 403, 409, 422) },
});

export const setAgencyState = createRoute({
  method: "patch",
  path: "/agencies/{id}",
  tags,
  summary: "Deactivate or reactivate an agency (superadmin)",
  description:
    "Deactivating ends the sessions of its people and refuses their sign-in; its Hall of Fame, public library and emblem answer 404. Certificates it issued still verify. Nothing is deleted: reactivating brings it all back (people sign in again). 409 `agency.own` for the platform admin's own agency.",
  middleware: [guard("agency.manage")],
  request: { params: IdParams, body: jsonBody(AgencyStateBody) },
  responses: { 200: json(AgencySchema, "The agency as it now is"), ...problems(401, 403, 404, 409, 422) },
});
