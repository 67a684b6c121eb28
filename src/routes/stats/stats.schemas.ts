import { z } from "@hono/zod-openapi";
import { idText } from "../../lib/openapi";

export const DashboardQuery = z.object({
  campaignId: idText().optional().openapi({ description: "One campaign; without it, the whole agency" }),
});

const count = z.number().int();

export const DashboardSchema = z
  .object({
    scope: z.object({ campaignId: z.number().int().nullable(), title: z.string().nullable() }),
    participation: z.object({
      asnTotal: count,
      submitted: count,
      voted: count,
      commented: count,
      any: count,
      byUnit: z.array(
        z.object({
          unitId: count,
          unitName: z.string(),
          asn: count,
          submitted: count,
          voted: count,
          commented: count,
          any: count,
          share: z.number().openapi({ description: "Share of the unit's active ASN who took part, 0–1" }),
        }),
      ),
    }),
    funnel: z.object({
      submitted: count,
      in_review: count,
      shortlisted: count,
      approved: count,
      implemented: count,
      rejected: count,
    }),
    ideasPerMonth: z.array(z.object({ month: z.string(), count })),
    ideasPerCategory: z.array(z.object({ category: z.string(), count })),
    ideasPerUnit: z.array(z.object({ unitId: count, unitName: z.string(), count })),
    averageDaysToDecision: z.number().nullable(),
    topReplicated: z.array(z.object({ id: count, title: z.string(), replicationCount: count })),
  })
  .openapi("Dashboard");
