import { z } from "@hono/zod-openapi";

export const BaselineSchema = z
  .object({
    agencyId: z.number().int(),
    slug: z.string(),
  })
  .openapi("BenchBaseline");
