import { api, signalled } from "./client";
import { readJson } from "./read-json";

const ideas = api.api.v1.ideas;
const idea = (id: number) => ({ param: { id: String(id) } });

export type ProfileBody = Parameters<(typeof ideas)[":id"]["profile"]["$put"]>[0]["json"];
export type EvidenceLinkBody = Parameters<(typeof ideas)[":id"]["evidence"]["links"]["$post"]>[0]["json"];

/** An idea's innovation profile, its evidence, and whether the viewer may change them. */
export async function getProfile(ideaId: number, signal?: AbortSignal) {
  return readJson(await ideas[":id"].profile.$get(idea(ideaId), signalled(signal)));
}
export type ProfileView = Awaited<ReturnType<typeof getProfile>>;
export type Profile = NonNullable<ProfileView["profile"]>;
export type Evidence = ProfileView["evidence"][number];
export type EvidenceKind = Evidence["kind"];

/** @throws ApiProblem 422 with `errors[]` on the fields, 409 `profile.locked` / `profile.indicator_in_use`, 403 */
export async function saveProfile(ideaId: number, body: ProfileBody) {
  return readJson(await ideas[":id"].profile.$put({ ...idea(ideaId), json: body }));
}

/** @throws ApiProblem 422, 409 `profile.missing` / `evidence.limit_reached` / `profile.locked` */
export async function addEvidenceLink(ideaId: number, body: EvidenceLinkBody) {
  return readJson(await ideas[":id"].evidence.links.$post({ ...idea(ideaId), json: body }));
}

/** @throws ApiProblem 413, 415, 422, 409 */
export async function addEvidenceFile(
  ideaId: number,
  input: { file: File; kind: EvidenceKind; title: string; indicatorKey: string | null },
) {
  return readJson(
    await ideas[":id"].evidence.files.$post({
      ...idea(ideaId),
      form: { file: input.file, kind: input.kind, title: input.title, indicatorKey: input.indicatorKey ?? "" },
    }),
  );
}

/** @throws ApiProblem 409 `profile.locked`, 403 */
export async function removeEvidence(ideaId: number, evidenceId: number) {
  const res = await ideas[":id"].evidence[":evidenceId"].$delete({
    param: { id: String(ideaId), evidenceId: String(evidenceId) },
  });
  if (!res.ok) await readJson(res as never);
}

/** An evidence file, as a download. */
export const evidenceFilePath = (ideaId: number, evidenceId: number): string =>
  ideas[":id"].evidence[":evidenceId"].$path({ param: { id: String(ideaId), evidenceId: String(evidenceId) } });

/** The dossier as a PDF download. */
export const dossierPdfPath = (ideaId: number): string => ideas[":id"]["dossier.pdf"].$path(idea(ideaId));

/** The dossier for import: JSON, PDF and evidence files in one ZIP. */
export const dossierZipPath = (ideaId: number): string => ideas[":id"]["dossier.zip"].$path(idea(ideaId));
