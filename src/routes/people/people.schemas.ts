import { z } from "@hono/zod-openapi";

export const PeopleQuery = z.object({
  q: z.string().trim().min(1).max(100).openapi({ description: "Part of a colleague's name (case-insensitive)" }),
});

export const PeopleSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        position: z.string(),
        unitName: z.string(),
        handle: z.string().openapi({
          description:
            "What to insert in a comment to mention this person: `@[Name]`, or `@[Name (Unit)]` when colleagues share the name",
          example: "@[Siti Rahmawati]",
        }),
      }),
    ),
  })
  .openapi("People");
