import { api, signalled } from "./client";
import type { INNOVATION_FORMS, LIBRARY_STAGES } from "./contract";
import { ApiProblem } from "./problem";
import { readJson } from "./read-json";

const library = api.api.v1.library;

/** What the library can be narrowed to; an empty value is no filter. */
export type LibraryFilters = {
  q?: string;
  category?: string;
  form?: (typeof INNOVATION_FORMS)[number];
  region?: string;
  agencyId?: number;
  stage?: (typeof LIBRARY_STAGES)[number];
};

/** A page of the implemented ideas of every agency that shares them, narrowed by `filters`. */
export async function listLibrary(filters: LibraryFilters = {}, cursor?: string, limit = 20) {
  const query: Record<string, string> = { limit: String(limit) };
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== "") query[key] = String(value);
  if (cursor) query.cursor = cursor;
  return readJson(await library.$get({ query }));
}

export type LibraryItem = Awaited<ReturnType<typeof listLibrary>>["items"][number];

/** The choices of the library's filters: areas, forms, regions, agencies and stages. */
export async function getLibraryChoices(signal?: AbortSignal) {
  return readJson(await library.choices.$get(undefined, signalled(signal)));
}

export type LibraryChoices = Awaited<ReturnType<typeof getLibraryChoices>>;

/**
 * One innovation of the library with its implementation, results and lineage.
 * @returns null when it is not in the library (the API's 404)
 */
export async function getLibraryItem(id: number, signal?: AbortSignal) {
  try {
    return await readJson(await library[":id"].$get({ param: { id: String(id) } }, signalled(signal)));
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
}

export type LibraryDetail = NonNullable<Awaited<ReturnType<typeof getLibraryItem>>>;
