import { z } from "@hono/zod-openapi";
import { COMPETITION_LIMITS } from "../../domain/limits";
import { MAX_ITEMS, MAX_ROUNDS, ROUND_KINDS } from "../../domain/competition";
import { ENTRY_GROUPS, GATE_KEYS } from "../../domain/eligibility";
import { EMAIL_MAX, EMAIL_PATTERN, NAME_MAX } from "../../domain/person";
import { RoundPhotoOfEntrySchema, RoundPhotoSchema } from "./photos.schemas";

const when = z.iso.datetime({ offset: true });
const Group = z
  .enum(ENTRY_GROUPS)
  .openapi({ description: "KIPP's groups: umum (general), replikasi, khusus (special)" });
const PerGroup = <T extends z.ZodType>(v: T) => z.object({ umum: v, replikasi: v, khusus: v }).strict();

// one spelling of an id, as on every other route (test/ids.test.ts)
export { IdParams as IdParam } from "../../lib/openapi";

export const GatesSchema = z
  .object({
    minYears: PerGroup(
      z.number().int().min(COMPETITION_LIMITS.minYears[0]).max(COMPETITION_LIMITS.minYears[1]),
    ).openapi({
      description: "Whole years an innovation must have run by the day of entry (KIPP: 2, a replication 1)",
    }),
    quotaPerUnit: PerGroup(
      z.number().int().min(COMPETITION_LIMITS.quotaPerUnit[0]).max(COMPETITION_LIMITS.quotaPerUnit[1]).nullable(),
    ).openapi({
      description:
        "Entries one unit (OPD) may make per group; null for no limit (KIPP per agency: 10 umum, 5 replikasi)",
    }),
    onePerYear: z.boolean().openapi({ description: "At most one entry per innovation per calendar year" }),
  })
  .strict()
  .openapi("CompetitionGates");

const Item = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9_]{1,40}$/)
      .openapi({ example: "kebaruan" }),
    label: z.string().trim().min(1).max(COMPETITION_LIMITS.itemLabel),
    weight: z
      .number()
      .int()
      .min(COMPETITION_LIMITS.weight[0])
      .max(COMPETITION_LIMITS.weight[1])
      .openapi({ description: "rubric: weights add up to 100; checklist: 0" }),
    scaleMax: z.number().int().min(1).max(10).openapi({ description: "rubric: 2–10; checklist: 1 (pass/fail)" }),
  })
  .strict();

const Advance = z
  .discriminatedUnion("mode", [
    z.object({ mode: z.literal("all") }).strict(),
    z
      .object({
        mode: z.literal("top"),
        n: z.number().int().min(COMPETITION_LIMITS.advanceTop[0]).max(COMPETITION_LIMITS.advanceTop[1]),
      })
      .strict(),
    z
      .object({
        mode: z.literal("grade"),
        grade: z.number().int().min(COMPETITION_LIMITS.advanceGrade[0]).max(COMPETITION_LIMITS.advanceGrade[1]),
      })
      .strict(),
  ])
  .openapi("AdvanceRule", {
    description: "`top`: the best N go on (all tied with the N-th too); `grade`: each whose raw score reaches it",
  });

export const RoundBody = z
  .object({
    name: z.string().trim().min(1).max(COMPETITION_LIMITS.roundName),
    kind: z.enum(ROUND_KINDS),
    weight: z
      .number()
      .int()
      .min(COMPETITION_LIMITS.weight[0])
      .max(COMPETITION_LIMITS.weight[1])
      .openapi({ description: "Share of the final score (rounds add up to 100)" }),
    advance: Advance,
    items: z.array(Item).min(1).max(MAX_ITEMS),
    blind: z.boolean().default(true),
    normalised: z.boolean().default(false),
    slotStart: when.nullable().default(null).openapi({ description: "Presentation slots: the first slot" }),
    slotMinutes: z
      .number()
      .int()
      .min(COMPETITION_LIMITS.slotMinutes[0])
      .max(COMPETITION_LIMITS.slotMinutes[1])
      .nullable()
      .default(null),
    memberIds: z.array(z.number().int().positive()).max(30).openapi({
      description: "The round's panel: colleagues with the reviewer role, or external reviewers",
    }),
  })
  .strict();

export const CompetitionBody = z
  .object({ gates: GatesSchema, rounds: z.array(RoundBody).min(1).max(MAX_ROUNDS) })
  .strict()
  .openapi("CompetitionUpdate");

const Ranked = z.object({
  entryId: z.number().int(),
  rank: z.number().int(),
  score: z.number().nullable(),
  rawScore: z.number().nullable(),
  normalisedScore: z.number().nullable(),
  submitted: z.number().int(),
  assigned: z.number().int(),
  spread: z.number().nullable(),
  disagreement: z.boolean(),
});

const RoundSchema = z
  .object({
    id: z.number().int(),
    position: z.number().int(),
    name: z.string(),
    kind: z.enum(ROUND_KINDS),
    weight: z.number().int(),
    advance: Advance,
    items: z.array(Item),
    blind: z.boolean(),
    normalised: z.boolean(),
    slotStart: when.nullable(),
    slotMinutes: z.number().int().nullable(),
    state: z.enum(["draft", "open", "closed"]),
    members: z.array(z.object({ id: z.number().int(), name: z.string(), guest: z.boolean() })),
    progress: z.object({ sheets: z.number().int(), submitted: z.number().int(), conflicts: z.number().int() }),
    ranking: z.array(Ranked).openapi({ description: "This round's ranking (its own normalisation and disagreement)" }),
    photos: z
      .array(RoundPhotoOfEntrySchema)
      .openapi({ description: "A checklist round's photos (field verification), by entry and item" }),
  })
  .openapi("CompetitionRound");

const EntrySchema = z.object({
  id: z.number().int(),
  ideaId: z.number().int(),
  title: z.string(),
  unitName: z.string(),
  group: Group,
  operatingSince: z.string(),
  enteredAt: when,
  rounds: z.array(
    z.object({
      position: z.number().int(),
      outcome: z.enum(["pending", "advanced", "eliminated"]),
      score: z.number().nullable(),
      scheduledAt: when.nullable(),
    }),
  ),
});

export const CompetitionSchema = z
  .object({
    campaignId: z.number().int(),
    configured: z.boolean(),
    started: z.boolean(),
    gates: GatesSchema,
    rounds: z.array(RoundSchema),
    entries: z.array(EntrySchema),
    finalRanking: z.array(
      z.object({
        entryId: z.number().int(),
        rank: z.number().int(),
        reached: z.number().int(),
        combined: z.number().nullable(),
        complete: z.boolean(),
      }),
    ),
  })
  .openapi("Competition");

export const EntryBody = z
  .object({
    ideaId: z.number().int().positive(),
    group: Group,
    operatingSince: z.iso
      .date()
      .openapi({ description: "The day the innovation started running", example: "2024-01-15" }),
  })
  .strict()
  .openapi("CompetitionEntryRequest");

export const GateVerdictSchema = z.object({
  gate: z.enum(GATE_KEYS),
  ok: z.boolean(),
  reason: z.string().openapi({ description: "Bahasa Indonesia, for the entrant" }),
});

export const EntryCheckSchema = z
  .object({ eligible: z.boolean(), gates: z.array(GateVerdictSchema) })
  .openapi("CompetitionEntryCheck");

export const EntryCreatedSchema = z
  .object({ id: z.number().int(), gates: z.array(GateVerdictSchema) })
  .openapi("CompetitionEntry");

// ── rounds and sheets ──────────────────────────────────────────────────────────────────────

export const RoundResultSchema = z
  .object({
    roundId: z.number().int(),
    state: z.enum(["open", "closed"]),
    entries: z.number().int(),
    advanced: z.number().int(),
  })
  .openapi("RoundResult");

export const MySheetsSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        roundName: z.string(),
        roundState: z.enum(["draft", "open", "closed"]),
        kind: z.enum(ROUND_KINDS),
        title: z.string(),
        conflict: z.enum(["undeclared", "none", "conflict"]),
        state: z.enum(["draft", "submitted"]),
        scheduledAt: when.nullable(),
      }),
    ),
  })
  .openapi("MyRoundSheets");

export const SheetSchema = z
  .object({
    id: z.number().int(),
    round: z.object({
      id: z.number().int(),
      name: z.string(),
      kind: z.enum(ROUND_KINDS),
      state: z.enum(["draft", "open", "closed"]),
      blind: z.boolean(),
      items: z.array(Item),
    }),
    idea: z.object({
      title: z.string(),
      problem: z.string(),
      solution: z.string(),
      benefit: z.string(),
      targetService: z.string(),
      category: z.string(),
      group: Group,
      operatingSince: z.string(),
      unitName: z.string().nullable().openapi({ description: "null in a blind round" }),
      team: z.array(z.string()).nullable().openapi({ description: "null in a blind round" }),
    }),
    scheduledAt: when.nullable(),
    conflict: z.enum(["undeclared", "none", "conflict"]),
    conflictReason: z.string(),
    scores: z.record(z.string(), z.number().int()),
    score: z.number().nullable(),
    note: z.string(),
    state: z.enum(["draft", "submitted"]),
    photos: z.array(RoundPhotoSchema).openapi({ description: "Photos on the checklist's items, as taken" }),
  })
  .openapi("RoundSheet");

export const ConflictBody = z
  .object({
    conflict: z.boolean().openapi({ description: "true: I have a conflict of interest and step aside" }),
    reason: z.string().trim().max(COMPETITION_LIMITS.conflictReason).default(""),
  })
  .strict()
  .openapi("ConflictDeclaration");

export const SheetBody = z
  .object({
    scores: z.record(z.string(), z.number().int()),
    note: z.string().max(COMPETITION_LIMITS.sheetNote).default(""),
    submit: z.boolean().default(false),
  })
  .strict()
  .openapi("RoundSheetUpdate");

// ── external reviewers ───────────────────────────────────────────────────────────────────

export const GuestBody = z
  .object({
    name: z.string().trim().min(2).max(NAME_MAX),
    email: z.string().trim().toLowerCase().max(EMAIL_MAX).regex(EMAIL_PATTERN, "Not a valid e-mail address"),
    institution: z
      .string()
      .trim()
      .min(COMPETITION_LIMITS.guestInstitution[0])
      .max(COMPETITION_LIMITS.guestInstitution[1])
      .openapi({ example: "Universitas Sumatera Utara" }),
    expertise: z.string().trim().max(COMPETITION_LIMITS.guestExpertise).default(""),
  })
  .strict()
  .openapi("GuestInvitation");

const Guest = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  institution: z.string(),
  expertise: z.string(),
  invitedAt: when,
  activated: z.boolean(),
});
export const GuestSchema = Guest.openapi("GuestReviewer");
export const GuestListSchema = z.object({ items: z.array(Guest) }).openapi("GuestReviewers");
