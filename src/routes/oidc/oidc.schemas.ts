import { z } from "@hono/zod-openapi";
import { ADMIN_LIMITS } from "../../domain/limits";
import { CLAIM_NAME, isValidScope } from "../../domain/oidc";
import { SessionSchema } from "../auth/auth.schemas";

export { SessionSchema };

export const AgencySlugPath = z.object({
  agencySlug: z
    .string()
    .max(40)
    .openapi({ param: { name: "agencySlug", in: "path" }, example: "binjai" }),
});

export const OidcSettingsSchema = z
  .object({
    configured: z.boolean().openapi({ description: "false: no provider yet; the other fields are empty" }),
    displayName: z.string().openapi({ example: "SSO Pemkot Binjai" }),
    issuer: z.string().openapi({ example: "https://sso.binjaikota.go.id/realms/asn" }),
    clientId: z.string(),
    hasClientSecret: z.boolean().openapi({ description: "A secret is stored (encrypted); it is never shown again" }),
    scope: z.string().openapi({ example: "openid profile" }),
    nipClaim: z.string().openapi({ example: "nip" }),
    passwordSignIn: z.boolean().openapi({ description: "false: the agency's people sign in only with the provider" }),
    redirectUri: z.string().openapi({ description: "Register this redirect URI at the provider" }),
    signInUrl: z.string().openapi({ description: "The agency's sign-in page, with the provider's button" }),
    secretKeyConfigured: z
      .boolean()
      .openapi({ description: "The Worker has OIDC_SECRET_KEY, so a client secret can be stored" }),
  })
  .openapi("OidcSettings");

export const OidcSettingsBody = z
  .object({
    displayName: z.string().trim().min(1).max(60),
    issuer: z.string().trim().min(1).max(300),
    clientId: z.string().trim().min(1).max(200),
    clientSecret: z.string().max(ADMIN_LIMITS.oidcClientSecret).optional().openapi({
      description: "Omitted: the stored secret stays. Empty string: none (a public client with PKCE alone).",
    }),
    scope: z
      .string()
      .trim()
      .max(300)
      .refine(isValidScope, {
        message: "Scopes separated by single spaces, openid among them",
        params: { code: "oidc.scope_invalid" },
      })
      .default("openid profile"),
    nipClaim: z
      .string()
      .trim()
      .max(100)
      .regex(CLAIM_NAME, { message: "A claim name (letters, digits, _ : -; nested with dots)" })
      .default("nip"),
    passwordSignIn: z.boolean().default(true),
  })
  .strict()
  .openapi("OidcSettingsBody");

export const AgencySignInSchema = z
  .object({
    agency: z.object({ slug: z.string(), name: z.string() }),
    provider: z
      .object({ name: z.string().openapi({ description: 'The button says "Masuk dengan <name>"' }) })
      .nullable(),
    passwordSignIn: z.boolean().openapi({ description: "false: only the provider's button is offered" }),
  })
  .openapi("AgencySignIn");

export const OidcStartBody = z
  .object({
    next: z.string().max(500).optional().openapi({ description: "A page of this site to open after signing in" }),
  })
  .strict()
  .openapi("OidcStartBody");

export const OidcStartSchema = z
  .object({ authorizationUrl: z.string().openapi({ description: "Send the browser here" }) })
  .openapi("OidcStart");

export const OidcCallbackBody = z
  .object({
    state: z.string().min(1).max(200),
    code: z.string().max(2000).optional(),
    iss: z.string().max(300).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(1000).optional(),
  })
  .strict()
  .openapi("OidcCallbackBody", { description: "The query the provider's redirect carried, as it came" });

export const OidcSessionSchema = SessionSchema.extend({
  next: z.string().openapi({ description: "The page to open now" }),
}).openapi("OidcSession");
