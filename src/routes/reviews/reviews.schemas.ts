import { z } from "@hono/zod-openapi";
import { INNOVATION_FORMS } from "../../domain/library";
import { IDEA_STATUSES } from "../../domain/idea-status";
import { RECOMMENDATIONS } from "../../domain/review";
import { IMPLEMENTATION_LIMITS } from "../../domain/implementation";
import { ROLES } from "../../domain/roles";
import { NextCursor, PageQuery } from "../../lib/cursor";
import { REVIEW_LIMITS } from "../../domain/limits";

const Ref = z.object({ id: z.number().int(), name: z.string() });
const when = z.iso.datetime({ offset: true });
const Seat = z.enum(["reviewer", "chair"]);
const ReviewStateEnum = z
  .enum(["pending", "draft", "submitted"])
  .openapi({ description: "`pending`: not started; `draft`: saved, not submitted; `submitted`" });

// ── committee ─────────────────────────────────────────────────────────────────────────────

export const CommitteeBody = z
  .object({
    members: z
      .array(z.object({ userId: z.number().int().positive(), role: Seat }).strict())
      .min(1)
      .max(50)
      .openapi({ description: "The whole committee: at least one chair; everyone holds the `reviewer` role" }),
    reassign: z.boolean().optional().openapi({
      description:
        "Move the open (unsubmitted) assignments of the members left out to the remaining reviewers, in the same batch: balanced load, never an author or co-author, never a related unit when the campaign excludes it. Without it, removing such a member is refused (409 `committee.member_has_assignments`).",
    }),
  })
  .strict()
  .openapi("CommitteeUpdate");

const Conflicts = z
  .object({
    authored: z.number().int().openapi({ description: "ideas of the campaign the person (co-)authored" }),
    sameUnit: z.number().int().openapi({
      description:
        "other ideas from the person's unit or one above or below it: a conflict when the campaign excludes same-unit reviewers",
    }),
  })
  .openapi("CommitteeConflicts");

export const CommitteeSchema = z
  .object({
    campaignId: z.number().int(),
    members: z.array(
      z.object({
        userId: z.number().int(),
        name: z.string(),
        position: z.string(),
        unitName: z.string(),
        role: Seat,
        active: z.boolean(),
        progress: z.object({
          assigned: z.number().int(),
          submitted: z.number().int(),
          overdue: z.number().int().openapi({ description: "past the due date and not submitted" }),
        }),
        conflicts: Conflicts.optional().openapi({ description: "For the agency admin only" }),
      }),
    ),
    reassigned: z
      .array(
        z.object({
          assignmentId: z.number().int(),
          idea: Ref,
          from: Ref,
          to: Ref,
        }),
      )
      .optional()
      .openapi({ description: "After a change with `reassign`: the assignments that moved" }),
  })
  .openapi("Committee");

export const CandidateQuery = z.object({
  q: z
    .string()
    .trim()
    .min(2)
    .max(100)
    .optional()
    .openapi({ description: "Name contains this, or the NIP starts with it; without it, the first people by name" }),
});

export const CandidateListSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        nip: z.string(),
        position: z.string(),
        unit: Ref,
        roles: z.array(z.enum(ROLES)),
        isReviewer: z.boolean().openapi({ description: "holds the `reviewer` role (needed for a seat)" }),
        seat: Seat.nullable().openapi({ description: "their seat on this committee, if any" }),
        conflicts: Conflicts,
      }),
    ),
  })
  .openapi("CommitteeCandidates");

// ── opening review and assignments ───────────────────────────────────────────────────────

export const SelectionSchema = z
  .discriminatedUnion("mode", [
    z.object({ mode: z.literal("all") }).strict(),
    z
      .object({ mode: z.literal("top"), k: z.number().int().min(REVIEW_LIMITS.topK[0]).max(REVIEW_LIMITS.topK[1]) })
      .strict(),
    z.object({ mode: z.literal("threshold"), minVotes: z.number().int().min(REVIEW_LIMITS.minVotes) }).strict(),
  ])
  .openapi("ReviewSelection", {
    description: "Which submitted ideas enter review: all, the top K by votes, or those with at least `minVotes`",
  });

export const ReviewStartBody = z
  .object({ selection: SelectionSchema, dueAt: when.openapi({ description: "When the reviews are due" }) })
  .strict()
  .openapi("ReviewStart");

export const ReviewStartSchema = z
  .object({
    dueAt: z.string(),
    started: z.array(
      z.object({
        ideaId: z.number().int(),
        title: z.string(),
        reviewers: z.array(Ref),
        missing: z.number().int().openapi({ description: "reviewers short of `reviewersPerIdea`" }),
      }),
    ),
    skipped: z
      .array(z.number().int())
      .openapi({ description: "Selected ideas someone moved at the same time; nothing was done to them" }),
    shortfalls: z.array(z.object({ ideaId: z.number().int(), missing: z.number().int() })),
    loads: z.array(z.object({ reviewer: Ref, load: z.number().int() })),
  })
  .openapi("ReviewStartResult");

export const AssignBody = z
  .object({ reviewerId: z.number().int().positive(), dueAt: when })
  .strict()
  .openapi("AssignmentCreate");

export const AssignmentSchema = z
  .object({
    id: z.number().int(),
    ideaId: z.number().int(),
    reviewer: Ref,
    dueAt: z.string(),
    createdAt: z.string(),
    state: ReviewStateEnum,
  })
  .openapi("Assignment");

// ── the reviewer's queue and a review ────────────────────────────────────────────────────

export const QueueQuery = PageQuery.extend({
  state: z.enum(["open", "submitted"]).optional().openapi({ description: "`open`: not submitted yet" }),
});

export const QueueSchema = z
  .object({
    counts: z.object({ assigned: z.number().int(), submitted: z.number().int(), overdue: z.number().int() }),
    items: z.array(
      z.object({
        id: z.number().int(),
        dueAt: z.string(),
        overdue: z.boolean(),
        state: ReviewStateEnum,
        idea: z.object({ id: z.number().int(), title: z.string(), status: z.enum(IDEA_STATUSES) }),
        campaign: z.object({ id: z.number().int(), title: z.string() }),
        progress: z.object({
          scored: z.number().int(),
          total: z.number().int().openapi({ description: "criteria in the rubric" }),
        }),
        recommendation: z.enum(RECOMMENDATIONS).nullable(),
        submittedAt: z.string().nullable(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .openapi("ReviewQueue");

const RubricCriterion = z.object({
  key: z.string(),
  labelId: z.string(),
  labelEn: z.string(),
  descriptionId: z.string(),
  descriptionEn: z.string(),
  weight: z.number().int(),
  scaleMax: z.number().int(),
});

export const ReviewSchema = z
  .object({
    scores: z.record(z.string(), z.number().int()),
    score: z.number().nullable().openapi({ description: "0–100 once every criterion is scored" }),
    note: z.string().openapi({ description: "Private to the committee" }),
    recommendation: z.enum(RECOMMENDATIONS).nullable(),
    state: z.enum(["draft", "submitted"]),
    submittedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi("Review");

export const AssignmentDetailSchema = z
  .object({
    id: z.number().int(),
    dueAt: z.string(),
    createdAt: z.string(),
    state: ReviewStateEnum,
    reviewer: Ref,
    campaign: z.object({ id: z.number().int(), title: z.string(), blindReview: z.boolean() }),
    blind: z.boolean().openapi({ description: "Authors, unit and votes are withheld from this viewer" }),
    idea: z.object({
      id: z.number().int(),
      title: z.string(),
      status: z.enum(IDEA_STATUSES),
      category: z.string(),
      problem: z.string(),
      solution: z.string(),
      benefit: z.string(),
      targetService: z.string(),
      author: Ref.nullable().openapi({ description: "null in blind review" }),
      team: z.array(Ref).nullable().openapi({ description: "null in blind review" }),
      unit: Ref.nullable().openapi({ description: "null in blind review" }),
      voteCount: z.number().int().nullable().openapi({ description: "null in blind review" }),
      attachments: z.array(
        z.object({ id: z.number().int(), fileName: z.string(), contentType: z.string(), size: z.number().int() }),
      ),
    }),
    rubric: z.array(RubricCriterion),
    review: ReviewSchema.nullable().openapi({
      description: "null until the reviewer starts, and to anyone but the reviewer while it is a draft",
    }),
    viewer: z.object({ canEdit: z.boolean(), canReopen: z.boolean() }),
  })
  .openapi("AssignmentDetail");

export const ReviewDraftBody = z
  .object({
    scores: z.record(z.string().max(32), z.number().int()).default({}).openapi({
      description: "Criterion key → score from 1 to the criterion's `scaleMax`; a draft may leave some out",
    }),
    note: z.string().trim().max(REVIEW_LIMITS.note).default(""),
    recommendation: z.enum(RECOMMENDATIONS).nullable().default(null),
  })
  .strict()
  .openapi("ReviewDraft", { description: "The whole draft: what is left out is cleared" });

export const ReopenBody = z
  .object({ reason: z.string().trim().min(REVIEW_LIMITS.reopenReason[0]).max(REVIEW_LIMITS.reopenReason[1]) })
  .strict()
  .openapi("ReviewReopen");

// ── ranking and exports ───────────────────────────────────────────────────────────────────

export const RankingQuery = z.object({
  normalised: z
    .enum(["true", "false"])
    .default("false")
    .openapi({ description: "Rank on per-reviewer normalised scores (z-scores mapped to 50 ± 15)" }),
});

export const RankingSchema = z
  .object({
    campaign: z.object({
      id: z.number().int(),
      title: z.string(),
      passingGrade: z.number().int(),
      reviewersPerIdea: z.number().int(),
    }),
    normalised: z.boolean(),
    disagreementThreshold: z.number(),
    burstRule: z
      .object({
        minVotes: z.number().int(),
        windowMinutes: z.number().int(),
        windowShare: z.number(),
        unitShare: z.number(),
      })
      .openapi({ description: "The thresholds of the vote-burst flag (as on `/ideas/{id}/vote-sources`)" }),
    items: z.array(
      z.object({
        rank: z.number().int(),
        idea: z.object({
          id: z.number().int(),
          title: z.string(),
          status: z.enum(IDEA_STATUSES),
          unitName: z.string(),
          authorName: z.string(),
        }),
        score: z.number().nullable().openapi({ description: "the score ranked on: raw or normalised" }),
        rawScore: z.number().nullable(),
        normalisedScore: z.number().nullable(),
        reviews: z.object({ submitted: z.number().int(), assigned: z.number().int() }),
        spread: z.number().nullable().openapi({ description: "standard deviation of the review scores" }),
        disagreement: z.boolean(),
        voteCount: z.number().int(),
        burst: z
          .object({
            flagged: z.boolean(),
            window: z
              .object({
                start: z.string(),
                end: z.string(),
                votes: z.number().int(),
                fromAuthorUnit: z.number().int(),
              })
              .nullable()
              .openapi({ description: "The window that was flagged, else the densest one" }),
          })
          .openapi({
            description:
              "Whether most of the idea's votes arrived within one window, mostly from the idea's own unit (see `burstRule`)",
          }),
        passes: z.boolean().openapi({ description: "raw score ≥ the campaign's passing grade" }),
        recommendations: z.object({
          shortlist: z.number().int(),
          approve: z.number().int(),
          reject: z.number().int(),
        }),
      }),
    ),
  })
  .openapi("Ranking");

export const ExportQuery = RankingQuery.extend({
  separator: z
    .enum(["comma", "semicolon"])
    .default("comma")
    .openapi({ description: "`semicolon` with decimal commas suits Excel set to Indonesian" }),
});

// ── implementation ───────────────────────────────────────────────────────────────────────

export const ImplementationBody = z
  .object({
    implementedOn: z.iso.date().openapi({ example: "2026-03-02" }),
    unitId: z.number().int().positive().openapi({ description: "The unit that runs it" }),
    summary: z.string().trim().min(IMPLEMENTATION_LIMITS.summary.min).max(IMPLEMENTATION_LIMITS.summary.max),
    evidenceAttachmentId: z.number().int().positive().nullable().default(null).openapi({
      description:
        "The main evidence file (an attachment of the idea); every `evidence` attachment is listed in the report",
    }),
    results: z
      .string()
      .trim()
      .max(IMPLEMENTATION_LIMITS.results.max)
      .nullable()
      .default(null)
      .transform((value) => (value ? value : null))
      .openapi({ description: "What it has achieved so far (figures, reach)" }),
    form: z.enum(INNOVATION_FORMS).nullable().default(null).openapi({
      description:
        "The innovation's form (PP 38/2017): governance, public service or another affair; the library filters by it",
    }),
  })
  .strict()
  .openapi("ImplementationReportCreate");

export const ImplementationSchema = z
  .object({
    ideaId: z.number().int(),
    implementedOn: z.string(),
    unit: Ref,
    summary: z.string(),
    results: z.string().nullable(),
    form: z.enum(INNOVATION_FORMS).nullable(),
    evidenceAttachmentId: z.number().int().nullable(),
    evidence: z
      .array(z.object({ id: z.number().int(), fileName: z.string(), size: z.number().int() }))
      .openapi({ description: "The idea's evidence files (attachments of kind `evidence`), oldest first" }),
    reportedBy: Ref,
    createdAt: z.string(),
  })
  .openapi("ImplementationReport");

const Figure = z
  .object({
    label: z.string().trim().min(1).max(IMPLEMENTATION_LIMITS.figureLabel).openapi({ example: "Waktu layanan" }),
    value: z.number().finite().openapi({ example: 15 }),
    unit: z.string().trim().max(IMPLEMENTATION_LIMITS.figureUnit).default("").openapi({ example: "menit" }),
  })
  .strict()
  .openapi("ImplementationFigure");

export const ImplementationUpdateBody = z
  .object({
    body: z.string().trim().min(IMPLEMENTATION_LIMITS.update.min).max(IMPLEMENTATION_LIMITS.update.max),
    figures: z.array(Figure).max(IMPLEMENTATION_LIMITS.figures).default([]),
  })
  .strict()
  .openapi("ImplementationUpdateCreate");

export const ImplementationUpdateSchema = z
  .object({
    id: z.number().int(),
    body: z.string(),
    figures: z.array(z.object({ label: z.string(), value: z.number(), unit: z.string() })),
    author: Ref,
    createdAt: z.string(),
  })
  .openapi("ImplementationUpdate");

export const ImplementationUpdateListSchema = z
  .object({ items: z.array(ImplementationUpdateSchema), nextCursor: NextCursor })
  .openapi("ImplementationUpdateList");

export const ImplementationUpdateQuery = PageQuery;
