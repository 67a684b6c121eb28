import { z } from "@hono/zod-openapi";

export { IdParams } from "../../lib/openapi";

export const VoteStateSchema = z
  .object({
    voted: z.boolean().openapi({ description: "Whether you now support the idea" }),
    voteCount: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "The idea's votes; null while its campaign hides counts until voting closes" }),
    remainingBudget: z
      .number()
      .int()
      .openapi({ description: "Votes you can still cast in the idea's campaign (always shown to you)" }),
  })
  .openapi("VoteState");

export const MyVotesSchema = z
  .object({
    budget: z.number().int(),
    used: z.number().int(),
    remaining: z.number().int(),
    ideaIds: z
      .array(z.number().int())
      .openapi({ description: "Ideas you support in this campaign, newest vote first" }),
  })
  .openapi("MyVotes");

export const VoteSourcesSchema = z
  .object({
    total: z.number().int(),
    authorUnit: z.object({ id: z.number().int(), name: z.string() }),
    authorUnitShare: z.number().openapi({ description: "Share of the votes from the idea's own unit, 0–1" }),
    units: z.array(
      z.object({
        unitId: z.number().int(),
        unitName: z.string(),
        votes: z.number().int(),
        authorUnit: z.boolean(),
      }),
    ),
    burst: z.object({
      flagged: z.boolean(),
      window: z
        .object({ start: z.string(), end: z.string(), votes: z.number().int(), fromAuthorUnit: z.number().int() })
        .nullable()
        .openapi({ description: "The window that was flagged, else the densest one" }),
      rule: z
        .object({
          minVotes: z.number().int(),
          windowMinutes: z.number().int(),
          windowShare: z.number(),
          unitShare: z.number(),
        })
        .openapi({ description: "The thresholds the flag applies" }),
    }),
  })
  .openapi("VoteSources");

export const FollowStateSchema = z.object({ following: z.boolean() }).openapi("FollowState");
