import { createRoute } from "@hono/zod-openapi";
import {
  COMPLAINT_COLUMNS,
  COMPLAINT_COLUMNS_ID,
  COMPLAINT_IMPORT_MAX_ROWS,
  REQUIRED_COMPLAINT_COLUMNS,
} from "../../domain/complaint-import";
import { IdParams, json, jsonBody, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import { CampaignCreateBody, CampaignSchema } from "../campaigns/campaigns.schemas";
import {
  ComplaintImportForm,
  ComplaintImportResultSchema,
  IdeaProblemsBody,
  IdeaProblemsSchema,
  ImportQuery,
  MergeBody,
  ProblemBankSummarySchema,
  ProblemCreateBody,
  ProblemIdParams,
  ProblemListQuery,
  ProblemListSchema,
  ProblemPatchBody,
  ProblemSchema,
  SplitBody,
} from "./problems.schemas";

const tags = ["problems"];
const manage = [guard("problem.manage")];

export const listProblems = createRoute({
  method: "get",
  path: "/problems",
  tags,
  summary: "The agency's problem bank, most complaints first",
  middleware: [guard("problem.read")],
  request: { query: ProblemListQuery },
  responses: { 200: json(ProblemListSchema, "A page of problems"), ...problems(400, 401, 422) },
});

export const createProblem = createRoute({
  method: "post",
  path: "/problems",
  tags,
  summary: "Write a challenge into the problem bank (admin)",
  middleware: manage,
  request: { body: jsonBody(ProblemCreateBody) },
  responses: { 201: json(ProblemSchema, "The challenge"), ...problems(401, 403, 422) },
});

export const problemSummary = createRoute({
  method: "get",
  path: "/problems/summary",
  tags,
  summary: "Complaints and problems in the bank, and those answered by implemented ideas (leaders, admins)",
  middleware: [guard("stats.read")],
  responses: { 200: json(ProblemBankSummarySchema, "The figures"), ...problems(401, 403) },
});

export const importComplaints = createRoute({
  method: "post",
  path: "/problems/import",
  tags,
  summary: "Import citizen complaints from a CSV file and group them into problems (admin)",
  description: [
    `Multipart form with the field \`file\`: a UTF-8 CSV as SP4N-LAPOR! or the agency's complaint app exports it, header \`${COMPLAINT_COLUMNS.join(",")}\` or in Bahasa Indonesia \`${COMPLAINT_COLUMNS.map((c) => COMPLAINT_COLUMNS_ID[c]).join(",")}\` (other common names too; any order). Required: ${REQUIRED_COMPLAINT_COLUMNS.map((c) => `\`${c}\``).join(", ")}. At most ${COMPLAINT_IMPORT_MAX_ROWS} rows.`,
    "The complainant's personal data is never stored: columns such as name, phone, e-mail, NIK or address are dropped (listed in `droppedColumns`), and e-mail addresses, phone numbers and 16-digit NIKs are cut from the text. Rows classified as other than a complaint or a suggestion are skipped.",
    "A bad row makes the answer 422 with one `errors[]` entry per problem, `path` = `row <n>.<column>` as the file names the column; nothing is stored. Otherwise every new complaint joins the most similar problem of the same unit and category or founds one, all in one transaction. A complaint id imported before is left as it is, so importing a file again changes nothing. `?preview=true` reports the same without storing.",
  ].join("\n\n"),
  middleware: manage,
  request: {
    query: ImportQuery,
    body: {
      required: true,
      description: "The CSV file",
      content: { "multipart/form-data": { schema: ComplaintImportForm } },
    },
  },
  responses: {
    200: json(ComplaintImportResultSchema, "What was (or, in a preview, would be) stored"),
    ...problems(401, 403, 409, 413, 415, 422),
  },
});

export const getProblem = createRoute({
  method: "get",
  path: "/problems/{id}",
  tags,
  summary: "A problem with its complaints, the ideas that answer it and the campaigns opened from it",
  middleware: [guard("problem.read")],
  request: { params: ProblemIdParams },
  responses: { 200: json(ProblemSchema, "The problem"), ...problems(401, 404, 422) },
});

export const updateProblem = createRoute({
  method: "patch",
  path: "/problems/{id}",
  tags,
  summary: "Rename a problem or change its description, category or unit (admin)",
  middleware: manage,
  request: { params: ProblemIdParams, body: jsonBody(ProblemPatchBody) },
  responses: { 200: json(ProblemSchema, "The problem"), ...problems(401, 403, 404, 422) },
});

export const mergeProblem = createRoute({
  method: "post",
  path: "/problems/{id}/merge",
  tags,
  summary: "Merge this problem into another (admin): its complaints, idea links and campaigns move over",
  middleware: manage,
  request: { params: ProblemIdParams, body: jsonBody(MergeBody) },
  responses: { 200: json(ProblemSchema, "The problem that remains"), ...problems(401, 403, 404, 422) },
});

export const splitProblem = createRoute({
  method: "post",
  path: "/problems/{id}/split",
  tags,
  summary: "Move some complaints of a problem into a new problem (admin)",
  description:
    "422 `problem.complaint_not_here` for a complaint of another problem; `problem.split_all` when every complaint would leave (rename instead).",
  middleware: manage,
  request: { params: ProblemIdParams, body: jsonBody(SplitBody) },
  responses: { 201: json(ProblemSchema, "The new problem"), ...problems(401, 403, 404, 422) },
});

export const openCampaign = createRoute({
  method: "post",
  path: "/problems/{id}/campaigns",
  tags,
  summary: "Open a competition from a problem (leader, admin); the campaign stays linked to it",
  middleware: [guard("problem.open_campaign")],
  request: { params: ProblemIdParams, body: jsonBody(CampaignCreateBody) },
  responses: { 201: json(CampaignSchema, "The campaign"), ...problems(401, 403, 404, 422) },
});

export const listIdeaProblems = createRoute({
  method: "get",
  path: "/ideas/{id}/problems",
  tags,
  summary: "The problems an idea answers",
  middleware: [guard("problem.read")],
  request: { params: IdParams },
  responses: { 200: json(IdeaProblemsSchema, "Its problems"), ...problems(401, 404, 422) },
});

export const setIdeaProblems = createRoute({
  method: "put",
  path: "/ideas/{id}/problems",
  tags,
  summary: "Set the problems an idea answers (its team, or the admin)",
  description: "422 `problem.not_found` names a problem id that is not one of the agency's.",
  middleware: [guard("problem.read")],
  request: { params: IdParams, body: jsonBody(IdeaProblemsBody) },
  responses: { 200: json(IdeaProblemsSchema, "Its problems now"), ...problems(401, 403, 404, 422) },
});
