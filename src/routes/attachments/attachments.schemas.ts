import { z } from "@hono/zod-openapi";
import { idParam } from "../../lib/openapi";
import { ATTACHMENT_KINDS, MAX_ATTACHMENT_BYTES } from "../../domain/attachments";
import { FILE_TYPES } from "../../domain/file-type";

export const AttachmentParams = z.object({
  id: idParam("id"),
  attachmentId: idParam("attachmentId", 3),
});

const accepted = Object.values(FILE_TYPES)
  .map((t) => t.extension)
  .join(", ");

export const UploadForm = z
  .object({
    file: z
      .custom<File>((v) => v instanceof File, { message: "Attach the file as the form field `file`" })
      .openapi({
        type: "string",
        format: "binary",
        description: `At most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB; ${accepted}, recognised by content`,
      }),
    kind: z
      .enum(ATTACHMENT_KINDS)
      .default("attachment")
      .openapi({ description: "`evidence`: proof of implementation" }),
  })
  .strict()
  .openapi("AttachmentUpload");

export const AttachmentSchema = z
  .object({
    id: z.number().int(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    kind: z.enum(ATTACHMENT_KINDS),
    uploadedBy: z.number().int(),
    createdAt: z.string(),
  })
  .openapi("Attachment");
