import { z } from "@hono/zod-openapi";
import { idText } from "../../lib/openapi";
import { validateNip } from "../../domain/nip";
import { EMAIL_MAX, EMAIL_PATTERN, NAME_MAX, POSITION_MAX } from "../../domain/person";
import { ASSIGNABLE_ROLES, ROLES } from "../../domain/roles";
import { NextCursor, PageQuery } from "../../lib/cursor";

/** A NIP whose every part is checked; a failure names the part (`nip.birth_date`, `nip.gender`, …). */
export const NipField = z
  .string()
  .trim()
  .superRefine((nip, ctx) => {
    const check = validateNip(nip);
    if (!check.ok) ctx.addIssue({ code: "custom", message: check.message, params: { code: `nip.${check.part}` } });
  })
  .openapi({
    description:
      "18 digits: birth date YYYYMMDD, appointment YYYYMM, gender 1|2, sequence 001–999. A 422 names the wrong part in `errors[].code`: `nip.format`, `nip.birth_date`, `nip.appointment`, `nip.gender`, `nip.sequence`.",
    example: "198203152006041002",
  });

export const NameField = z.string().trim().min(1).max(NAME_MAX).openapi({ example: "Sri Wahyuni Lubis" });
export const EmailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX)
  .regex(EMAIL_PATTERN, "Not a valid e-mail address")
  .openapi({ description: "Stored lower-case", example: "sri.lubis@binjaikota.go.id" });
export const PositionField = z
  .string()
  .trim()
  .max(POSITION_MAX)
  .openapi({ description: "Jabatan", example: "Analis SDM Aparatur" });
export const RolesField = z
  .array(z.enum(ASSIGNABLE_ROLES))
  .max(ASSIGNABLE_ROLES.length)
  .openapi({ description: "`asn` is always added. Only a superadmin may grant or revoke `superadmin`." });

export const UserSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    position: z.string(),
    roles: z.array(z.enum(ROLES)),
    active: z.boolean(),
    unit: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    nip: z.string().optional(),
    email: z.string().optional(),
    mustChangePassword: z.boolean().optional(),
    lastLoginAt: z.number().int().nullable().optional(),
    createdAt: z.number().int().optional(),
  })
  .openapi("User", {
    description:
      "`nip`, `email`, `mustChangePassword`, `lastLoginAt` and `createdAt` are present only for an admin of the agency and for the person themself (policy `user.read_private`).",
  });

export const UserPageSchema = z.object({ items: z.array(UserSchema), nextCursor: NextCursor }).openapi("UserPage");

export const UserListQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(100).optional().openapi({
    description: "Name contains this; for admins also a NIP or e-mail that starts with it",
  }),
  unitId: idText().optional(),
  role: z.enum(ROLES).optional(),
  active: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional()
    .openapi({ description: "Admins only; everyone else sees active accounts only" }),
});

export const CreateUserBody = z
  .object({
    nip: NipField,
    name: NameField,
    email: EmailField,
    position: PositionField.default(""),
    unitId: z.number().int().positive(),
    roles: RolesField.default(["asn"]),
  })
  .strict()
  .openapi("CreateUserBody");

export const TemporaryPassword = z.string().openapi({
  description: "Shown once and never stored in clear; the person must change it at the next sign-in",
  example: "k7Qm-3xPz-Hd9r-Wt2e",
});

export const CreatedUserSchema = z
  .object({ user: UserSchema, temporaryPassword: TemporaryPassword })
  .openapi("CreatedUser");

export const UpdateUserBody = z
  .object({
    name: NameField,
    email: EmailField,
    position: PositionField,
    unitId: z.number().int().positive(),
    roles: RolesField,
    active: z.boolean().openapi({ description: "false deactivates the account and ends its sessions" }),
  })
  .partial()
  .strict()
  .openapi("UpdateUserBody");

export const PasswordResetSchema = z.object({ temporaryPassword: TemporaryPassword }).openapi("PasswordReset");

export const ImportForm = z.object({
  file: z
    .custom<File>((v) => v instanceof File, { message: "Attach the CSV file as the form field `file`" })
    .openapi({ type: "string", format: "binary", description: "UTF-8 CSV (with or without BOM)" }),
});

export const ImportResultSchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  })
  .openapi("ImportResult");
