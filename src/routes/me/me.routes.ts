import { createRoute } from "@hono/zod-openapi";
import { json, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import { PersonalDataExportSchema, ProfileResponseSchema } from "./me.schemas";

const tags = ["me"];

export const getProfile = createRoute({
  method: "get",
  path: "/me/profile",
  tags,
  summary: "My profile",
  description:
    "Name, NIP, e-mail, unit, position (jabatan) and roles are kept by the agency admin (or the CSV import from the personnel office), so there is no self-edit; a person changes their own password with `POST /api/v1/auth/password`.",
  middleware: [guard()],
  responses: { 200: json(ProfileResponseSchema, "The signed-in person's profile"), ...problems(401, 403) },
});

export const exportMyData = createRoute({
  method: "get",
  path: "/me/export",
  tags,
  summary: "Download everything stored about me (UU PDP No. 27/2022)",
  description:
    "A JSON file (`Content-Disposition: attachment`): profile, sessions, the audit trail of my account, my ideas, votes, comments, reviews, point ledger, badges and muted notifications.",
  middleware: [guard()],
  responses: { 200: json(PersonalDataExportSchema, "My data"), ...problems(401, 403) },
});
