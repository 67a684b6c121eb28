import { createRoute } from "@hono/zod-openapi";
import { json, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import {
  LibraryChoicesSchema,
  LibraryDetailSchema,
  LibraryPageSchema,
  LibraryParams,
  LibrarySearchQuery,
} from "./library.schemas";

const tags = ["library"];
const middleware = [guard("idea.participate")];

export const list = createRoute({
  method: "get",
  path: "/library",
  tags,
  summary: "Implemented ideas of every agency that shares them, to replicate: search and filters",
  description:
    "Newest implementation first. An agency that turned sharing off (`libraryShared`) is left out, except for its own people. `q` searches titles, problems and solutions.",
  middleware,
  request: { query: LibrarySearchQuery },
  responses: { 200: json(LibraryPageSchema, "A page of implemented ideas"), ...problems(400, 401, 403, 422) },
});

export const choices = createRoute({
  method: "get",
  path: "/library/choices",
  tags,
  summary: "What the library's filters can choose from",
  middleware,
  responses: { 200: json(LibraryChoicesSchema, "Areas, forms, regions, agencies and stages"), ...problems(401, 403) },
});

export const get = createRoute({
  method: "get",
  path: "/library/{id}",
  tags,
  summary: "One innovation of the library with its implementation, results and lineage",
  description:
    "Any agency's, while it is in the library (404 otherwise). The lineage is the whole family of replications from its root, any number of hops.",
  middleware,
  request: { params: LibraryParams },
  responses: { 200: json(LibraryDetailSchema, "The innovation"), ...problems(401, 403, 404, 422) },
});
