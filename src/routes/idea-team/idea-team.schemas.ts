import { z } from "@hono/zod-openapi";
import { idParam } from "../../lib/openapi";
import { IDEA_STATUSES } from "../../domain/idea-status";
import { NextCursor, PageQuery } from "../../lib/cursor";

export const TeamMemberParams = z.object({
  id: idParam("id"),
  userId: idParam("userId", 2),
});

export const InvitationBody = z
  .object({ userId: z.number().int().positive().openapi({ description: "An active colleague of your agency" }) })
  .strict()
  .openapi("CoauthorInvitation");

export const InvitationsQuery = PageQuery;

export const InvitationListSchema = z
  .object({
    items: z.array(
      z.object({
        ideaId: z.number().int(),
        title: z.string(),
        status: z.enum(IDEA_STATUSES),
        author: z.object({ id: z.number().int(), name: z.string() }),
        invitedAt: z.string(),
      }),
    ),
    nextCursor: NextCursor,
  })
  .openapi("InvitationList");
