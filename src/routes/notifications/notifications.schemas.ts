import { z } from "@hono/zod-openapi";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "../../domain/notifications";
import { NextCursor, PageQuery } from "../../lib/cursor";

export const NotificationListQuery = PageQuery.extend({ unread: z.enum(["true", "false"]).optional() }).openapi(
  "NotificationListQuery",
);

export const NotificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(NOTIFICATION_KINDS),
    payload: z.record(z.string(), z.unknown()).openapi({
      description:
        'What the message needs: idea id and title, actor name, points, … In blind review a member of the idea\'s team reads `actorName: "Tim pengusul"` with `proposingTeam: true`.',
    }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi("Notification");

export const NotificationPageSchema = z
  .object({ items: z.array(NotificationSchema), nextCursor: NextCursor, unreadCount: z.number().int() })
  .openapi("NotificationPage");

export const UnreadCountSchema = z.object({ count: z.number().int() }).openapi("UnreadCount");

export const MarkReadBody = z
  .union([
    z.object({ ids: z.array(z.number().int().positive()).min(1).max(100) }).strict(),
    z.object({ all: z.literal(true) }).strict(),
  ])
  .openapi("MarkRead");

const Channel = z.enum(NOTIFICATION_CHANNELS).openapi({
  description:
    "`email`: an e-mail at once; `digest`: in the morning digest (07:00 on the agency's clock); `app`: the bell only",
});

export const PreferencesSchema = z
  .object({
    kinds: z.array(
      z.object({
        kind: z.enum(NOTIFICATION_KINDS),
        enabled: z.boolean(),
        channel: Channel.openapi({
          description: "How the kind reaches me besides the bell (its default until I choose)",
        }),
        channels: z.array(Channel).openapi({ description: "The channels this kind can use" }),
      }),
    ),
  })
  .openapi("NotificationPreferences");

export const PreferencesBody = z
  .object({
    muted: z.array(z.enum(NOTIFICATION_KINDS)).max(NOTIFICATION_KINDS.length),
    channels: z
      .array(z.object({ kind: z.enum(NOTIFICATION_KINDS), channel: Channel }).strict())
      .max(NOTIFICATION_KINDS.length)
      .optional()
      .openapi({
        description:
          "Channels to change (the others stay). A channel the kind cannot use is 422 `notification.channel_unavailable`.",
      }),
  })
  .strict()
  .openapi("NotificationPreferencesUpdate", { description: "The kinds you do not want; every other kind is on" });
