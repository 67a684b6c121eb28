import { createRoute, z } from "@hono/zod-openapi";
import { EMBLEM_MAX_BYTES } from "../../domain/emblem";
import { json, jsonBody, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import {
  AgencySettingsBody,
  AgencySettingsSchema,
  AgencySlugParams,
  EmblemForm,
  EmblemQuery,
  SynonymListBody,
  SynonymListSchema,
} from "./agency.schemas";

const tags = ["agency"];
const middleware = [guard("agency.configure")];

export const getSettings = createRoute({
  method: "get",
  path: "/agency",
  tags,
  summary: "My agency's name, zone, emblem and settings (agency admin)",
  middleware,
  responses: { 200: json(AgencySettingsSchema, "The agency and its settings"), ...problems(401, 403) },
});

export const updateSettings = createRoute({
  method: "patch",
  path: "/agency",
  tags,
  summary: "Change my agency's name, public pages or certificate signer (agency admin)",
  description:
    "The time zone is the platform admin's choice when the agency is made. The change and what it changed are one audit row (`agency.update`).",
  middleware,
  request: { body: jsonBody(AgencySettingsBody) },
  responses: { 200: json(AgencySettingsSchema, "The agency as it now is"), ...problems(401, 403, 422) },
});

export const uploadEmblem = createRoute({
  method: "put",
  path: "/agency/emblem",
  tags,
  summary: "Set my agency's emblem (agency admin)",
  description: `Multipart form with \`file\`: a PNG or JPEG, recognised by its bytes (415 \`emblem.unsupported_type\` otherwise), at most ${EMBLEM_MAX_BYTES / 1024} KB (413 \`emblem.too_large\`). It replaces the previous emblem in the header, on certificates and dossiers.`,
  middleware,
  request: {
    body: { required: true, description: "The image", content: { "multipart/form-data": { schema: EmblemForm } } },
  },
  responses: {
    200: json(AgencySettingsSchema, "The agency with its new emblem"),
    ...problems(401, 403, 409, 413, 415, 422),
  },
});

export const removeEmblem = createRoute({
  method: "delete",
  path: "/agency/emblem",
  tags,
  summary: "Remove my agency's emblem (agency admin)",
  middleware,
  responses: { 200: json(AgencySettingsSchema, "The agency without an emblem"), ...problems(401, 403, 409) },
});

export const getEmblem = createRoute({
  method: "get",
  path: "/agencies/{agencySlug}/emblem",
  tags,
  summary: "An active agency's emblem (public)",
  description:
    "The address carries the emblem's version (`v`): a new emblem has a new address, so answers may be kept a long time.",
  request: { params: AgencySlugParams, query: EmblemQuery },
  responses: {
    200: {
      description: "The image",
      content: { "image/png": { schema: z.string().openapi({ type: "string", format: "binary" }) } },
    },
    ...problems(404, 422),
  },
});

export const listSynonyms = createRoute({
  method: "get",
  path: "/agency/search-synonyms",
  tags,
  summary: "My agency's search synonyms (agency admin)",
  description: "Groups of words and phrases a search treats as the same, such as an abbreviation and its full name.",
  middleware,
  responses: { 200: json(SynonymListSchema, "The groups, in the order they were written"), ...problems(401, 403) },
});

export const replaceSynonyms = createRoute({
  method: "put",
  path: "/agency/search-synonyms",
  tags,
  summary: "Replace my agency's search synonyms (agency admin)",
  description:
    "The list given replaces the whole list at once, with one audit row (`search_synonyms.update`). Searches use it from the next query; the index needs no rebuild.",
  middleware,
  request: { body: jsonBody(SynonymListBody) },
  responses: { 200: json(SynonymListSchema, "The groups as they now are"), ...problems(401, 403, 422) },
});
