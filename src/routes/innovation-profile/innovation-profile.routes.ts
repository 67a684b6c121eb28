import { createRoute, z } from "@hono/zod-openapi";
import { MAX_ATTACHMENT_BYTES } from "../../domain/attachments";
import { MAX_EVIDENCE_FILES_PER_IDEA, MAX_EVIDENCE_PER_IDEA } from "../../domain/innovation-profile";
import { IdParams, json, jsonBody, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import {
  EvidenceFileForm,
  EvidenceLinkInput,
  EvidenceParams,
  EvidenceSchema,
  ProfileInputSchema,
  ProfileViewSchema,
} from "./innovation-profile.schemas";

const tags = ["innovation profile"];
const middleware = [guard("idea.participate")];
const WHO =
  "The idea's team (accepted members) and the agency's admins, while the idea is approved or implemented and the profile is not locked by a competition round's entry (403 `profile.not_permitted`, 409 `profile.not_available`, 409 `profile.locked`).";

export const getProfile = createRoute({
  method: "get",
  path: "/ideas/{id}/profile",
  tags,
  summary: "An idea's innovation profile and its evidence (whoever may see the idea)",
  description:
    "`available` is false before the idea is approved; `profile` is null until the team first saves it. `canEdit` says whether the caller may change it now.",
  middleware,
  request: { params: IdParams },
  responses: { 200: json(ProfileViewSchema, "The profile"), ...problems(401, 404) },
});

export const putProfile = createRoute({
  method: "put",
  path: "/ideas/{id}/profile",
  tags,
  summary: "Create or replace an idea's innovation profile",
  description: [
    WHO,
    "Fields follow Kemendagri's innovation profile (IID) and the KIPP proposal. Rules across fields answer 422 with the field and a code: `profile.trial_date_required` (stage uji coba or penerapan), `profile.implementation_date_required` (penerapan), `profile.dates_order`, `profile.date_in_future` (on the agency's calendar), `profile.budget_source_required`, `profile.budget_amount_required`, `profile.legal_basis_incomplete`, `profile.sdg_duplicate`, `profile.indicator_duplicate`, `profile.url_not_https`. Messages are in Bahasa Indonesia.",
    "Indicators keep their `key` when sent with it; new ones get one. Dropping an indicator some evidence supports is 409 `profile.indicator_in_use`. Written with an audit row in one batch.",
  ].join("\n\n"),
  middleware,
  request: { params: IdParams, body: jsonBody(ProfileInputSchema, "The whole profile") },
  responses: { 200: json(ProfileViewSchema, "The saved profile"), ...problems(401, 403, 404, 409, 422) },
});

const evidenceLimits = `At most ${MAX_EVIDENCE_PER_IDEA} pieces of evidence per idea (409 \`evidence.limit_reached\`), of them ${MAX_EVIDENCE_FILES_PER_IDEA} files. The profile must be saved first (409 \`profile.missing\`); an \`indicatorKey\` must name one of its indicators (422 \`evidence.indicator_unknown\`).`;

export const addEvidenceLink = createRoute({
  method: "post",
  path: "/ideas/{id}/evidence/links",
  tags,
  summary: "Add a link (https only) as evidence in a slot",
  description: [WHO, evidenceLimits].join("\n\n"),
  middleware,
  request: { params: IdParams, body: jsonBody(EvidenceLinkInput, "The slot, the indicator, a title and the link") },
  responses: { 201: json(EvidenceSchema, "The evidence"), ...problems(401, 403, 404, 409, 422) },
});

export const addEvidenceFile = createRoute({
  method: "post",
  path: "/ideas/{id}/evidence/files",
  tags,
  summary: "Upload a file as evidence in a slot",
  description: [
    WHO,
    evidenceLimits,
    `Multipart form: \`file\`, \`kind\`, \`title\`, optionally \`indicatorKey\`. The attachments' rules: at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB (413 \`attachment.too_large\`), type recognised from the content (415 \`attachment.unsupported_type\`), name sanitised; stored in the same bucket.`,
  ].join("\n\n"),
  middleware,
  request: {
    params: IdParams,
    body: { required: true, description: "The file", content: { "multipart/form-data": { schema: EvidenceFileForm } } },
  },
  responses: { 201: json(EvidenceSchema, "The evidence"), ...problems(401, 403, 404, 409, 413, 415, 422, 429) },
});

export const downloadEvidence = createRoute({
  method: "get",
  path: "/ideas/{id}/evidence/{evidenceId}",
  tags,
  summary: "Download an evidence file (whoever may see the idea); a link answers 409 `evidence.is_link`",
  middleware,
  request: { params: EvidenceParams },
  responses: {
    200: {
      description: "The file, as a download with the type recognised at upload",
      content: { "*/*": { schema: z.string().openapi({ type: "string", format: "binary" }) } },
    },
    ...problems(401, 404, 409),
  },
});

export const removeEvidence = createRoute({
  method: "delete",
  path: "/ideas/{id}/evidence/{evidenceId}",
  tags,
  summary: "Remove a piece of evidence",
  description: WHO,
  middleware,
  request: { params: EvidenceParams },
  responses: { 204: { description: "Removed" }, ...problems(401, 403, 404, 409) },
});

export const dossierPdf = createRoute({
  method: "get",
  path: "/ideas/{id}/dossier.pdf",
  tags,
  summary: "The innovation dossier as a PDF (whoever may see the idea)",
  description:
    "A4, made in the Worker: the agency's emblem, the innovation profile in the order of the national forms, the idea's proposal text, the indicators, the evidence index with its links, the team (hidden under blind review) and the review outcome. Consistent with the HTML dossier (`/ideas/{id}/dossier`).",
  middleware,
  request: { params: IdParams },
  responses: {
    200: {
      description: "The PDF, as a download",
      content: { "application/pdf": { schema: z.string().openapi({ type: "string", format: "binary" }) } },
    },
    ...problems(401, 404),
  },
});

export const dossierZip = createRoute({
  method: "get",
  path: "/ideas/{id}/dossier.zip",
  tags,
  summary: "The dossier for import: JSON in the order of the national forms, the PDF and the evidence files",
  description:
    "A ZIP (streamed) holding `dosir.json` (format `gagas.dosir/1`: innovation profile in IID order, proposal in KIPP order, indicators, evidence, team, review), `dosir.pdf`, and `bukti/NN-<name>` for each evidence file; the JSON names each file's path in the archive.",
  middleware,
  request: { params: IdParams },
  responses: {
    200: {
      description: "The ZIP, as a download",
      content: { "application/zip": { schema: z.string().openapi({ type: "string", format: "binary" }) } },
    },
    ...problems(401, 404),
  },
});
