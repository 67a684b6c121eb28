import { api, signalled } from "./client";
import { readJson } from "./read-json";

const problems = api.api.v1.problems;

export type ProblemFilters = { q?: string; unitId?: number; category?: string; answered?: "true" | "false" };

/** A page of the agency's problem bank, most complaints first. */
export async function listProblems(filters: ProblemFilters, cursor?: string, signal?: AbortSignal) {
  const query: Record<string, string> = {};
  if (filters.q) query.q = filters.q;
  if (filters.unitId) query.unitId = String(filters.unitId);
  if (filters.category) query.category = filters.category;
  if (filters.answered) query.answered = filters.answered;
  if (cursor) query.cursor = cursor;
  return readJson(await problems.$get({ query }, signalled(signal)));
}

export type ProblemPage = Awaited<ReturnType<typeof listProblems>>;
export type ProblemSummary = ProblemPage["items"][number];

export async function getProblem(id: number, signal?: AbortSignal) {
  return readJson(await problems[":id"].$get({ param: { id: String(id) } }, signalled(signal)));
}

export type Problem = Awaited<ReturnType<typeof getProblem>>;

/** A challenge the admin writes. @throws ApiProblem 422 with the fields */
export async function createProblem(input: {
  title: string;
  description: string;
  category: string;
  unitId: number | null;
}) {
  return readJson(await problems.$post({ json: input }));
}

export async function renameProblem(id: number, input: { title?: string; description?: string }) {
  return readJson(await problems[":id"].$patch({ param: { id: String(id) }, json: input }));
}

export async function mergeProblem(id: number, intoId: number) {
  return readJson(await problems[":id"].merge.$post({ param: { id: String(id) }, json: { intoId } }));
}

export async function splitProblem(id: number, complaintIds: number[], title: string) {
  return readJson(await problems[":id"].split.$post({ param: { id: String(id) }, json: { complaintIds, title } }));
}

/**
 * Checks (`preview`) or imports a complaints CSV. @throws ApiProblem 422 `complaint_import.invalid`
 * with an entry per bad row and column
 */
export async function importComplaints(file: File, preview: boolean) {
  return readJson(await problems.import.$post({ form: { file }, query: preview ? { preview: "true" } : {} }));
}

export type ComplaintImportResult = Awaited<ReturnType<typeof importComplaints>>;

/** The dashboard's figures of the problem bank (leaders and admins). */
export async function getProblemSummary(signal?: AbortSignal) {
  return readJson(await problems.summary.$get(undefined, signalled(signal)));
}

export type CampaignInput = Parameters<(typeof problems)[":id"]["campaigns"]["$post"]>[0]["json"];

/** Opens a competition from a problem. @throws ApiProblem 422 as the campaign editor */
export async function openProblemCampaign(id: number, input: CampaignInput) {
  return readJson(await problems[":id"].campaigns.$post({ param: { id: String(id) }, json: input }));
}

const ideas = api.api.v1.ideas;

export async function listIdeaProblems(ideaId: number, signal?: AbortSignal) {
  return readJson(await ideas[":id"].problems.$get({ param: { id: String(ideaId) } }, signalled(signal)));
}

export type IdeaProblems = Awaited<ReturnType<typeof listIdeaProblems>>;

export async function setIdeaProblems(ideaId: number, problemIds: number[]) {
  return readJson(await ideas[":id"].problems.$put({ param: { id: String(ideaId) }, json: { problemIds } }));
}
