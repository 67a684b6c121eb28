import { z } from "@hono/zod-openapi";

export const PushConfigSchema = z
  .object({
    publicKey: z.string().nullable().openapi({
      description:
        "The VAPID public key (`applicationServerKey` for `pushManager.subscribe`), or null when this deployment sends no push",
    }),
  })
  .openapi("PushConfig");

export const PushSubscriptionSchema = z
  .object({ id: z.number().int(), endpoint: z.string(), createdAt: z.string() })
  .openapi("PushSubscription");

export const PushSubscriptionListSchema = z
  .object({ items: z.array(PushSubscriptionSchema) })
  .openapi("PushSubscriptionList");

export const PushSubscriptionBody = z
  .object({
    endpoint: z.string().max(2048).openapi({ description: "`PushSubscription.endpoint`: HTTPS" }),
    keys: z
      .object({
        p256dh: z
          .string()
          .regex(/^B[A-Za-z0-9_-]{86}$/, "an uncompressed P-256 point, base64url")
          .openapi({ description: "the browser's P-256 public key, base64url (65 bytes)" }),
        auth: z
          .string()
          .regex(/^[A-Za-z0-9_-]{22}$/, "16 bytes, base64url")
          .openapi({ description: "the auth secret, base64url (16 bytes)" }),
      })
      .strict(),
    expirationTime: z.number().nullable().optional(),
  })
  .strict()
  .openapi("PushSubscriptionInput", { description: "`PushSubscription.toJSON()` of this browser" });
