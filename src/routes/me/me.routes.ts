import { createRoute } from "@hono/zod-openapi";
import { json, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import { HomeSchema } from "./home.schemas";
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

export const getHome = createRoute({
  method: "get",
  path: "/me/home",
  tags,
  summary: "What waits for me, and what the agency recognised lately",
  description:
    "One read for the home page: my drafts and team invitations, reviews due, the decisions of campaigns I chair; for leaders the ideas waiting for an award, for admins the reports to moderate and the accounts never signed in; then the campaigns still running with their next deadline, my points, level and newest badge, and the newest awards and implemented ideas with the leader behind each. Counts stop at 100.",
  middleware: [guard()],
  responses: { 200: json(HomeSchema, "My home"), ...problems(401, 403) },
});
