import { createRoute } from "@hono/zod-openapi";
import { json, jsonBody, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import { AgencyListQuery, AgencyPageSchema, CreateAgencyBody, CreatedAgencySchema } from "./agencies.schemas";

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
