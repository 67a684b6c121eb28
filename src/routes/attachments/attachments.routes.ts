import { createRoute, z } from "@hono/zod-openapi";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_IDEA } from "../../domain/attachments";
import { json, problems } from "../../lib/openapi";
import { guard } from "../../middlewares/guard";
import { IdParam } from "../ideas/ideas.schemas";
import { AttachmentParams, AttachmentSchema, UploadForm } from "./attachments.schemas";

const tags = ["ideas"];
const middleware = [guard("idea.participate")];

export const upload = createRoute({
  method: "post",
  path: "/ideas/{id}/attachments",
  tags,
  summary: "Attach a file to an idea",
  description: [
    "Multipart form: `file`, and optionally `kind` (`attachment` by default, or `evidence`).",
    "The idea's authors attach files while it is a draft or submitted; chairs and admins add `evidence` to an approved idea.",
    `The type is recognised from the content, not the name or the declared type: PDF, PNG, JPEG, WebP, GIF, Word/Excel/PowerPoint (OOXML and 97–2003) and OpenDocument text/spreadsheet/presentation. Office files with macros, HTML, SVG, archives and programs are refused (415 \`attachment.unsupported_type\`). The stored content type and the name's extension follow the detected type; the name is reduced to letters, digits, spaces and \`. - _ ( )\`.`,
    `At most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB per file (413 \`attachment.too_large\`) and ${MAX_ATTACHMENTS_PER_IDEA} files per idea (409 \`attachment.limit_reached\`). A refused or failed upload stores nothing.`,
  ].join("\n\n"),
  middleware,
  request: {
    params: IdParam,
    body: { required: true, description: "The file", content: { "multipart/form-data": { schema: UploadForm } } },
  },
  responses: {
    201: json(AttachmentSchema, "The stored attachment"),
    ...problems(401, 403, 404, 409, 413, 415, 422, 429),
  },
});

export const download = createRoute({
  method: "get",
  path: "/ideas/{id}/attachments/{attachmentId}",
  tags,
  summary: "Download an attachment (whoever may see the idea)",
  description:
    "Always as a download (`Content-Disposition: attachment`, `X-Content-Type-Options: nosniff`), with the content type recognised at upload.",
  middleware,
  request: { params: AttachmentParams },
  responses: {
    200: {
      description: "The file, with the content type recognised at upload",
      content: { "*/*": { schema: z.string().openapi({ type: "string", format: "binary" }) } },
    },
    ...problems(401, 404),
  },
});

export const remove = createRoute({
  method: "delete",
  path: "/ideas/{id}/attachments/{attachmentId}",
  tags,
  summary: "Remove an attachment (its uploader or an author, while the idea is a draft or submitted)",
  middleware,
  request: { params: AttachmentParams },
  responses: { 204: { description: "Removed" }, ...problems(401, 403, 404, 409) },
});
