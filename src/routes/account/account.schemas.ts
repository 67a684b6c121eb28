import { z } from "@hono/zod-openapi";
import { PASSWORD_MAX } from "../../domain/password-policy";
import { NOTIFICATION_KINDS } from "../../domain/notifications";

const Token = z.string().trim().min(8).max(200).openapi({
  description: "The token of an e-mailed link, or a printed activation code (dashes and case do not matter)",
  example: "K7QM-3XPZ-HD9R",
});

export const TokenBody = z.object({ token: Token }).strict().openapi("AccountTokenBody");

export const TokenInfoSchema = z
  .object({
    purpose: z.enum(["activation", "reset"]),
    name: z.string().openapi({ description: "Whose account the link or code is for" }),
    agencyName: z.string(),
  })
  .openapi("AccountTokenInfo");

export const UseTokenBody = z
  .object({ token: Token, newPassword: z.string().max(PASSWORD_MAX * 4) })
  .strict()
  .openapi("UseAccountTokenBody");

export const ForgotBody = z
  .object({
    identifier: z
      .string()
      .trim()
      .min(1)
      .max(254)
      .openapi({ description: "NIP (18 digits) or e-mail", example: "199104172015032001" }),
  })
  .strict()
  .openapi("ForgotPasswordBody");

export const AcceptedSchema = z
  .object({ accepted: z.literal(true) })
  .openapi("ForgotPasswordAccepted", { description: "The same answer whether or not the account exists" });

export const UnsubscribedSchema = z
  .object({ kinds: z.array(z.enum(NOTIFICATION_KINDS)).openapi({ description: "Kinds now in-app only" }) })
  .openapi("Unsubscribed");
