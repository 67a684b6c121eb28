import { z } from "@hono/zod-openapi";
import { NOTIFICATION_KINDS } from "../../domain/notifications";
import { NextCursor, PageQuery } from "../../lib/cursor";
import { ADMIN_LIMITS } from "../../domain/limits";

export const WebhookSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    url: z.string(),
    kinds: z.array(z.enum(NOTIFICATION_KINDS)),
    createdAt: z.string(),
    deliveries: z
      .object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int() })
      .openapi({ description: "How its deliveries stand" }),
  })
  .openapi("Webhook");

export const WebhookListSchema = z.object({ items: z.array(WebhookSchema) }).openapi("WebhookList");

export const WebhookCreatedSchema = WebhookSchema.extend({
  secret: z.string().openapi({
    description:
      "The signing secret, shown this once: `X-Gagas-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + '.' + body)>`",
  }),
}).openapi("WebhookCreated");

export const WebhookBody = z
  .object({
    name: z.string().trim().min(1).max(ADMIN_LIMITS.webhookName),
    url: z
      .string()
      .trim()
      .max(ADMIN_LIMITS.webhookUrl)
      .openapi({ description: "HTTPS (plain HTTP only to this machine, for development)" }),
    kinds: z.array(z.enum(NOTIFICATION_KINDS)).min(1).max(NOTIFICATION_KINDS.length),
  })
  .strict()
  .openapi("WebhookInput");

export const DeliveryListQuery = PageQuery.openapi("WebhookDeliveryQuery");

export const DeliverySchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(NOTIFICATION_KINDS),
    state: z.enum(["pending", "sent", "failed"]),
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable().openapi({ description: "The endpoint's last HTTP status, null if none" }),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable().openapi({ description: "When it is tried again (pending only)" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("WebhookDelivery");

export const DeliveryPageSchema = z
  .object({ items: z.array(DeliverySchema), nextCursor: NextCursor })
  .openapi("WebhookDeliveryPage");
