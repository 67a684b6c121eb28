import { z } from "@hono/zod-openapi";
import { IDEA_STATUSES } from "../../domain/idea-status";
import { INNOVATION_FORMS, LIBRARY_STAGES } from "../../domain/library";
import { SEARCH_MAX } from "../../domain/limits";
import { idParam, idText } from "../../lib/openapi";

const Ref = z.object({ id: z.number().int(), name: z.string() });

export const LibrarySearchQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(SEARCH_MAX).optional().openapi({ description: "Words in the title, problem or solution" }),
  category: z.string().trim().max(100).optional().openapi({ description: "Area (urusan), as the idea's category" }),
  form: z.enum(INNOVATION_FORMS).optional().openapi({ description: "The innovation's form (PP 38/2017)" }),
  region: z.string().trim().max(200).optional(),
  agencyId: idText().optional(),
  stage: z.enum(LIBRARY_STAGES).optional().openapi({
    description:
      "`original`: not replicated yet; `replicated`: replicated by another agency; `replica`: itself a replica",
  }),
});

export const LibraryItemSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    problem: z.string(),
    solution: z.string(),
    benefit: z.string(),
    targetService: z.string(),
    category: z.string(),
    form: z.enum(INNOVATION_FORMS).nullable(),
    implementedAt: z.string().nullable(),
    replicationCount: z.number().int(),
    replicatesId: z.number().int().nullable(),
    agency: Ref,
    region: z.string(),
    unitName: z.string(),
  })
  .openapi("LibraryItem");

export const LibraryPageSchema = z
  .object({ items: z.array(LibraryItemSchema), nextCursor: z.string().nullable() })
  .openapi("Library");

export const LibraryChoicesSchema = z
  .object({
    categories: z.array(z.string()),
    forms: z.array(z.enum(INNOVATION_FORMS)),
    regions: z.array(z.string()),
    agencies: z.array(Ref),
    stages: z.array(z.enum(LIBRARY_STAGES)),
  })
  .openapi("LibraryChoices");

const LineageNode = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  depth: z.number().int().openapi({ description: "0 for the family's root, 1 for its replicas, …" }),
  title: z
    .string()
    .nullable()
    .openapi({ description: "null for an idea of an agency that does not share its library" }),
  status: z.enum(IDEA_STATUSES),
  agencyName: z.string(),
  region: z.string(),
  inLibrary: z.boolean().openapi({ description: "It has its own library page" }),
});

export const LibraryDetailSchema = LibraryItemSchema.extend({
  implementation: z
    .object({ implementedOn: z.string(), summary: z.string(), results: z.string().nullable() })
    .nullable(),
  updates: z.array(
    z.object({
      body: z.string(),
      figures: z.array(z.object({ label: z.string(), value: z.number(), unit: z.string() })),
      createdAt: z.string(),
    }),
  ),
  lineage: z.object({
    ancestorIds: z.array(z.number().int()).openapi({ description: "The ideas it descends from, its parent first" }),
    nodes: z.array(LineageNode).openapi({ description: "The whole family from its root, by depth (at most 200)" }),
  }),
}).openapi("LibraryItemDetail");

export const LibraryParams = z.object({ id: idParam("id") });
