import { z } from "@hono/zod-openapi";
import { MAX_ATTACHMENT_BYTES } from "../../domain/attachments";
import { MAX_PHOTOS_PER_ITEM } from "../../domain/round-photos";
import { idParam } from "../../lib/openapi";

export const PhotoParams = z.object({ id: idParam("id", 42), photoId: idParam("photoId", 7) });

export const PhotoForm = z
  .object({
    file: z
      .custom<File>((v) => v instanceof File, { message: "Attach the photo as the form field `file`" })
      .openapi({
        type: "string",
        format: "binary",
        description: `A photo: PNG, JPEG, WebP or GIF, recognised by content; at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
      }),
    itemKey: z
      .string()
      .regex(/^[a-z0-9_]{1,40}$/)
      .openapi({ description: "The checklist item the photo shows", example: "loket_antrean" }),
  })
  .strict()
  .openapi("RoundPhotoUpload");

const photo = {
  id: z.number().int(),
  itemKey: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
};

export const RoundPhotoSchema = z.object(photo).openapi("RoundPhoto", {
  description: `A photo on a checklist item (at most ${MAX_PHOTOS_PER_ITEM} per item of a sheet); its file is at \`GET /round-assignments/{id}/photos/{photoId}\``,
});

/** A photo as the admin's view of a round lists it: with the sheet it is on and that sheet's entry. */
export const RoundPhotoOfEntrySchema = z
  .object({ ...photo, sheetId: z.number().int(), entryId: z.number().int() })
  .openapi("RoundPhotoOfEntry");
