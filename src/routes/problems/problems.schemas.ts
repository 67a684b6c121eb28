import { z } from "@hono/zod-openapi";
import { PROBLEM_LIMITS } from "../../domain/limits";
import { IDEA_STATUSES } from "../../domain/idea-status";
import { PROBLEM_TITLE_MAX } from "../../domain/complaint-grouping";
import { NextCursor } from "../../lib/cursor";
import { idParam, idText } from "../../lib/openapi";

export const ProblemSummarySchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    category: z.string(),
    source: z.enum(["complaints", "challenge"]).openapi({
      description: "`complaints`: grouped from imported citizen complaints; `challenge`: written by an admin",
    }),
    unitId: z.number().int().nullable(),
    unitName: z.string().nullable(),
    complaintCount: z.number().int().openapi({ description: "How many citizen complaints the problem stands for" }),
    ideaCount: z.number().int().openapi({ description: "Ideas linked as answers (any status)" }),
    implementedCount: z.number().int().openapi({ description: "Linked ideas that are implemented" }),
    createdAt: z.string(),
  })
  .openapi("BankProblemSummary");

export const ProblemListQuery = z.object({
  q: z.string().trim().max(100).optional().openapi({ description: "Words in the title or description" }),
  unitId: idText().optional(),
  category: z.string().max(PROBLEM_LIMITS.category).optional(),
  answered: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "With (true) or without (false) a linked idea" }),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const ProblemListSchema = z
  .object({
    items: z.array(ProblemSummarySchema),
    nextCursor: NextCursor,
    categories: z.array(z.string()).openapi({ description: "Categories in use, for a filter" }),
  })
  .openapi("BankProblemList");

export const ComplaintSchema = z
  .object({
    id: z.number().int(),
    externalId: z.string().openapi({ description: "The report's id in SP4N-LAPOR! or the agency's complaint app" }),
    receivedAt: z.string(),
    channel: z.string(),
    title: z.string(),
    text: z.string().openapi({ description: "Without the complainant's e-mail, phone or NIK" }),
    location: z.string(),
    status: z.string(),
  })
  .openapi("Complaint");

export const ProblemSchema = ProblemSummarySchema.extend({
  description: z.string(),
  updatedAt: z.string(),
  complaints: z.array(ComplaintSchema).openapi({ description: "The newest 100" }),
  ideas: z.array(z.object({ id: z.number().int(), title: z.string(), status: z.enum(IDEA_STATUSES) })),
  campaigns: z.array(z.object({ id: z.number().int(), title: z.string() })),
}).openapi("BankProblem");

const unitId = z.number().int().positive().nullable();

export const ProblemCreateBody = z
  .object({
    title: z.string().trim().min(5).max(PROBLEM_TITLE_MAX),
    description: z.string().trim().max(5000).default(""),
    category: z.string().trim().max(PROBLEM_LIMITS.category).default(""),
    unitId: unitId.default(null),
  })
  .strict()
  .openapi("ProblemCreate");

export const ProblemPatchBody = z
  .object({
    title: z.string().trim().min(5).max(PROBLEM_TITLE_MAX).optional(),
    description: z.string().trim().max(5000).optional(),
    category: z.string().trim().max(PROBLEM_LIMITS.category).optional(),
    unitId: unitId.optional(),
  })
  .strict()
  .openapi("ProblemPatch");

export const MergeBody = z
  .object({ intoId: z.number().int().positive().openapi({ description: "The problem that remains" }) })
  .strict()
  .openapi("ProblemMerge");

export const SplitBody = z
  .object({
    complaintIds: z.array(z.number().int().positive()).min(1).max(90),
    title: z.string().trim().min(5).max(PROBLEM_TITLE_MAX),
  })
  .strict()
  .openapi("ProblemSplit");

export const ImportQuery = z.object({
  preview: z.enum(["true", "false"]).optional().openapi({ description: "`true`: check and report, store nothing" }),
});

export const ComplaintImportForm = z.object({
  file: z
    .custom<File>((v) => v instanceof File, { message: "Attach the CSV file as the form field `file`" })
    .openapi({ type: "string", format: "binary", description: "UTF-8 CSV (with or without BOM)" }),
});

export const ComplaintImportResultSchema = z
  .object({
    stored: z.boolean().openapi({ description: "false for a preview" }),
    rows: z.number().int().openapi({ description: "Complaints read from the file" }),
    created: z.number().int().openapi({ description: "New complaints" }),
    unchanged: z.number().int().openapi({ description: "Complaints imported before, left as they are" }),
    skipped: z.number().int().openapi({ description: "Rows of another class (e.g. an information request)" }),
    newProblems: z.number().int(),
    joinedProblems: z.number().int().openapi({ description: "Existing problems that gained complaints" }),
    droppedColumns: z.array(z.string()).openapi({ description: "Columns of personal data that were not read" }),
    ignoredColumns: z.array(z.string()),
    redactions: z.number().int().openapi({ description: "E-mails, phone numbers and NIKs cut from the text" }),
    groups: z
      .array(
        z.object({
          problemId: z.number().int().nullable().openapi({ description: "null: a new problem" }),
          title: z.string(),
          complaints: z.number().int(),
          sample: z.string().openapi({ description: "The first complaint's text, as it is stored" }),
        }),
      )
      .openapi({ description: "Where the new complaints go (the first 50 groups)" }),
  })
  .openapi("ComplaintImportResult");

export const IdeaProblemsSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        category: z.string(),
        unitName: z.string().nullable(),
        complaintCount: z.number().int(),
      }),
    ),
    canEdit: z.boolean().openapi({ description: "Whether the viewer may change the links" }),
  })
  .openapi("IdeaProblems");

export const IdeaProblemsBody = z
  .object({ problemIds: z.array(z.number().int().positive()).max(10) })
  .strict()
  .openapi("IdeaProblemsInput");

export const ProblemBankSummarySchema = z
  .object({
    complaints: z.number().int(),
    complaintsAnswered: z
      .number()
      .int()
      .openapi({ description: "Complaints whose problem an implemented idea answers (each counted once)" }),
    problems: z.number().int(),
    problemsAnswered: z.number().int(),
  })
  .openapi("ProblemBankSummary");

export const ProblemIdParams = z.object({ id: idParam("id", 7) });
