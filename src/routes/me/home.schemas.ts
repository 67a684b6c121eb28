import { z } from "@hono/zod-openapi";
import { PHASES } from "../../domain/campaign-phase";
import { LevelSchema } from "../rewards/rewards.schemas";

const Count = z
  .number()
  .int()
  .openapi({ description: "How many; counting stops at 100, which reads as “more than 99”", example: 3 });

const Time = z.string().openapi({ format: "date-time" });

const Leader = z
  .object({ name: z.string(), position: z.string() })
  .openapi("HomeLeader", { description: "The leader who announced it, with their position (jabatan)" });

export const HomeSchema = z
  .object({
    todo: z.object({
      drafts: z.object({
        count: Count,
        items: z.array(z.object({ id: z.number().int(), title: z.string(), updatedAt: Time })),
      }),
      invitations: z.object({
        count: Count,
        items: z.array(
          z.object({ ideaId: z.number().int(), title: z.string(), authorName: z.string(), invitedAt: Time }),
        ),
      }),
      reviewsDue: z.object({
        count: Count,
        overdue: Count,
        items: z.array(
          z.object({
            assignmentId: z.number().int(),
            ideaId: z.number().int(),
            title: z.string(),
            campaignTitle: z.string(),
            dueAt: Time,
          }),
        ),
      }),
      decisions: z
        .array(z.object({ campaignId: z.number().int(), title: z.string(), waiting: Count }))
        .openapi({ description: "Campaigns I chair with ideas in review or shortlisted" }),
      awardsToAnnounce: Count.nullable().openapi({
        description: "Leaders: approved or implemented ideas no award names yet; null for others",
      }),
      reportsToModerate: Count.nullable().openapi({
        description: "Admins: reported ideas and comments not yet dealt with; null for others",
      }),
      notActivated: Count.nullable().openapi({
        description: "Admins: active accounts that never signed in; null for others",
      }),
    }),
    campaigns: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        kind: z.enum(["open", "competition"]),
        phase: z.enum(PHASES),
        deadline: Time.nullable().openapi({ description: "When the current phase ends; null: always open" }),
      }),
    ),
    rewards: z.object({
      points: z.number().int(),
      level: LevelSchema,
      newestBadge: z
        .object({ key: z.string(), name: z.object({ id: z.string(), en: z.string() }), earnedAt: Time })
        .nullable(),
    }),
    feed: z
      .array(
        z.object({
          kind: z.enum(["award", "implemented"]),
          id: z.number().int().openapi({ description: "The award's id, or the implemented idea's" }),
          title: z.string(),
          at: Time,
          leader: Leader,
        }),
      )
      .openapi({ description: "Recognition, newest first: awards announced and ideas implemented" }),
  })
  .openapi("Home");
