import { z } from "@hono/zod-openapi";
import { TimeZoneField } from "../agency/agency.schemas";
import { PASSWORD_MAX } from "../../domain/password-policy";
import { ABILITIES, ABILITY_NAMES, type Ability } from "../../domain/abilities";
import { ROLES } from "../../domain/roles";

export const LoginBody = z
  .object({
    identifier: z
      .string()
      .trim()
      .min(1)
      .max(254)
      .openapi({ description: "NIP (18 digits) or e-mail", example: "199104172015032001" }),
    password: z
      .string()
      .min(1)
      .max(PASSWORD_MAX * 4),
  })
  .strict()
  .openapi("LoginBody");

const abilityFields = Object.fromEntries(
  ABILITY_NAMES.map((name) => [name, z.boolean().openapi({ description: `policy action \`${ABILITIES[name]}\`` })]),
) as Record<Ability, z.ZodBoolean>;

export const AbilitiesSchema = z.object(abilityFields).openapi("Abilities", {
  description:
    "What this person may do anywhere in their agency, decided by the same policy as every route (`src/domain/policy.ts`, each action asked without an object). An object can allow more: a chair's seat on one committee, the author of one idea.",
});

export const MeSchema = z
  .object({
    id: z.number().int(),
    nip: z.string(),
    name: z.string(),
    email: z.string(),
    position: z.string(),
    roles: z.array(z.enum(ROLES)),
    can: AbilitiesSchema,
    mustChangePassword: z.boolean(),
    unit: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    agency: z.object({
      id: z.number().int(),
      slug: z.string(),
      name: z.string(),
      timeZone: TimeZoneField.openapi({ description: "Every date the agency shows reads on this clock" }),
      emblemUrl: z.string().nullable().openapi({ description: "The agency's emblem for the header; null: none" }),
    }),
  })
  .openapi("Me");

export const SessionSchema = z.object({ user: MeSchema }).openapi("Session");

export const ChangePasswordBody = z
  .object({
    currentPassword: z
      .string()
      .min(1)
      .max(PASSWORD_MAX * 4),
    newPassword: z.string().max(PASSWORD_MAX * 4),
  })
  .strict()
  .openapi("ChangePasswordBody");
