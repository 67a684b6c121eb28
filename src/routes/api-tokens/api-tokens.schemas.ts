import { z } from "@hono/zod-openapi";
import { API_SCOPES, MAX_TOKEN_DAYS, SERVICE_SCOPES } from "../../domain/api-scopes";
import { ADMIN_LIMITS } from "../../domain/limits";

export const ApiTokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string().openapi({ description: "The first characters of the secret, to tell tokens apart" }),
    scopes: z.array(z.enum(API_SCOPES)),
    createdAt: z.string(),
    createdBy: z.string().openapi({ description: "Who made it" }),
    expiresAt: z.string(),
    lastUsedAt: z
      .string()
      .nullable()
      .openapi({ description: "Its last use, to within five minutes; null if never used" }),
  })
  .openapi("ApiToken");

export const ApiTokenListSchema = z
  .object({
    items: z.array(ApiTokenSchema),
    grantableScopes: z
      .array(z.enum(API_SCOPES))
      .openapi({ description: "The scopes the caller may put on a new token of this kind" }),
    maxExpiresInDays: z.number().int(),
  })
  .openapi("ApiTokenList");

export const ApiTokenCreatedSchema = ApiTokenSchema.extend({
  secret: z.string().openapi({
    description: "The token, shown this once: send it as `Authorization: Bearer ggs_…`. Only its SHA-256 is stored.",
    example: "ggs_2Yq0Xv8pM3kA9dR7sT1wL5nB6cF4hJ0eG8iK2oU7aZx",
  }),
}).openapi("ApiTokenCreated");

const name = z.string().trim().min(1).max(ADMIN_LIMITS.tokenName);
const expiresInDays = z
  .number()
  .int()
  .min(1)
  .max(MAX_TOKEN_DAYS)
  .openapi({ description: `Days until it expires, at most ${MAX_TOKEN_DAYS}` });

export const PersonalTokenBody = z
  .object({
    name,
    scopes: z
      .array(z.enum(API_SCOPES))
      .min(1)
      .max(API_SCOPES.length)
      .openapi({ description: "What it may do; only scopes the person's roles can use at all" }),
    expiresInDays,
  })
  .strict()
  .openapi("PersonalTokenInput");

export const ServiceTokenBody = z
  .object({
    name,
    scopes: z.array(z.enum(SERVICE_SCOPES)).min(1).max(SERVICE_SCOPES.length),
    expiresInDays,
  })
  .strict()
  .openapi("ServiceTokenInput");
