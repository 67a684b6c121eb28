import { z } from "@hono/zod-openapi";
import { idText } from "../../lib/openapi";

const separator = z
  .enum(["comma", "semicolon"])
  .default("comma")
  .openapi({ description: "`semicolon` with decimal commas suits Excel set to Indonesian" });

export const CampaignExportQuery = z.object({
  campaignId: idText().optional().openapi({ description: "One campaign of the agency; without it, the whole agency" }),
  separator,
});

const day = z.iso.date().openapi({ description: "A day in the agency's time zone, inclusive", example: "2026-03-01" });

export const LedgerExportQuery = z
  .object({ from: day.optional(), to: day.optional(), separator })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: "`from` must not come after `to`",
    path: ["to"],
    params: { code: "period.inverted" },
  });

export const AwardsExportQuery = z.object({ separator });
