import { changesOf, runBatch, type Database } from "../../db/client";
import { getSheet } from "../../db/queries/competitions.queries";
import { addRoundPhoto, countItemPhotos, getRoundPhoto, removeRoundPhoto } from "../../db/queries/round-photos.queries";
import { MAX_ATTACHMENT_BYTES } from "../../domain/attachments";
import { sanitiseFileName } from "../../domain/file-name";
import { detectFileType } from "../../domain/file-type";
import { can } from "../../domain/policy";
import { isPhotoType, MAX_PHOTOS_PER_ITEM, photoRefusal, type PhotoRefusal } from "../../domain/round-photos";
import type { Actor } from "../../env";
import { attachmentDisposition } from "../../lib/content-disposition";
import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError, notFound, validationError } from "../../lib/problem";
import { discardObject } from "../../lib/r2";
import { iso } from "../../lib/time";
import { randomToken } from "../../lib/tokens";
import { actorOf, authorize } from "../../middlewares/guard";
import { itemsOf } from "./competition-view";
import type * as routes from "./competitions.routes";

const DETAIL: Record<PhotoRefusal["code"], string> = {
  "round.not_open": "This round is not open for scoring",
  "round.submitted": "These scores are already submitted",
  "round.conflict_undeclared": "Declare whether you have a conflict of interest first",
  "round.stepped_aside": "You declared a conflict on this entry",
  "photo.not_checklist": "Photos go on the items of a checklist round",
  "photo.unknown_item": "Not an item of this round",
};

function refuse(refusal: PhotoRefusal): never {
  if (refusal.status === 422)
    throw validationError([{ path: "form.itemKey", code: refusal.code, message: DETAIL[refusal.code] }]);
  throw new ApiError(409, refusal.code, DETAIL[refusal.code]);
}

const limitReached = () =>
  new ApiError(409, "photo.limit_reached", `A checklist item holds at most ${MAX_PHOTOS_PER_ITEM} photos per sheet`);

/** The caller's own sheet, or 404 (another agency's, none) / 403 (someone else's). */
async function loadOwnSheet(db: Database, actor: Actor, id: number) {
  const row = await getSheet(db, actor.agencyId, id);
  if (!row) throw notFound("assignment");
  authorize(actor, "round.score", { ownerId: row.reviewerId });
  return row;
}

const refusalOf = (row: NonNullable<Awaited<ReturnType<typeof getSheet>>>, itemKey: string | null) =>
  photoRefusal({ ...row, items: itemsOf(row) }, itemKey);

export const add: AppRouteHandler<typeof routes.addPhoto> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const bucket = c.env.ATTACHMENTS;
  const { id } = c.req.valid("param");
  const { file, itemKey } = c.req.valid("form");
  const sheet = await loadOwnSheet(db, actor, id);
  const refusal = refusalOf(sheet, itemKey);
  if (refusal) refuse(refusal);
  if (file.size > MAX_ATTACHMENT_BYTES) {
    throw new ApiError(413, "attachment.too_large", `A file may be at most ${MAX_ATTACHMENT_BYTES} bytes`);
  }
  if ((await countItemPhotos(db, id, itemKey)) >= MAX_PHOTOS_PER_ITEM) throw limitReached();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = detectFileType(bytes);
  if (!type || !isPhotoType(type.type)) {
    throw new ApiError(415, "photo.not_image", "Attach a photo: PNG, JPEG, WebP or GIF");
  }

  // R2 first under a fresh key, then the row; a row is never written for bytes that are not there
  const r2Key = `rounds/${sheet.roundId}/${id}/${randomToken(18)}`;
  await bucket.put(r2Key, bytes, {
    httpMetadata: { contentType: type.contentType },
    customMetadata: { assignmentId: String(id), uploadedBy: String(actor.userId) },
  });
  const photo = {
    agencyId: actor.agencyId,
    assignmentId: id,
    itemKey,
    r2Key,
    fileName: sanitiseFileName(file.name, type.extension),
    contentType: type.contentType,
    size: bytes.byteLength,
    createdAt: Date.now(),
  };
  let inserted: D1Result | undefined;
  try {
    [inserted] = await runBatch(db, [addRoundPhoto(db, { ...photo, reviewerId: actor.userId })]);
  } catch (error) {
    await discardObject(bucket, r2Key);
    throw error;
  }
  if (changesOf(inserted) === 0) {
    // the sheet changed in between (submitted, round closed) or the item filled up: say which
    await discardObject(bucket, r2Key);
    const now = await loadOwnSheet(db, actor, id);
    const late = refusalOf(now, itemKey);
    if (late) refuse(late);
    throw limitReached();
  }
  return c.json(
    {
      id: inserted!.meta.last_row_id,
      itemKey,
      fileName: photo.fileName,
      contentType: photo.contentType,
      size: photo.size,
      createdAt: iso(photo.createdAt),
    },
    201,
  );
};

export const download: AppRouteHandler<typeof routes.getPhoto> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { id, photoId } = c.req.valid("param");
  // the photo is looked up before the rights: another agency's id answers as a missing one
  const sheet = await getSheet(db, actor.agencyId, id);
  if (!sheet) throw notFound("assignment");
  const row = await getRoundPhoto(db, { agencyId: actor.agencyId, assignmentId: id, id: photoId });
  if (!row) throw notFound("photo");
  // the sheet's reviewer, and the admins who run the competition and read its results
  if (!can(actor, "competition.manage")) authorize(actor, "round.score", { ownerId: sheet.reviewerId });
  const object = await c.env.ATTACHMENTS.get(row.r2Key);
  if (!object) throw notFound("photo");
  return c.body(object.body, 200, {
    "content-type": row.contentType,
    "content-length": String(object.size),
    "content-disposition": attachmentDisposition(row.fileName),
    "x-content-type-options": "nosniff",
    "cache-control": "private, max-age=0",
  });
};

export const remove: AppRouteHandler<typeof routes.removePhoto> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { id, photoId } = c.req.valid("param");
  // the photo is looked up before the rights: another agency's id answers as a missing one
  const sheet = await getSheet(db, actor.agencyId, id);
  if (!sheet) throw notFound("assignment");
  const row = await getRoundPhoto(db, { agencyId: actor.agencyId, assignmentId: id, id: photoId });
  if (!row) throw notFound("photo");
  authorize(actor, "round.score", { ownerId: sheet.reviewerId });
  const refusal = refusalOf(sheet, null);
  if (refusal) refuse(refusal);
  // the row first: once it is gone nobody can reach the object, whatever happens to the delete
  const [deleted] = await runBatch(db, [
    removeRoundPhoto(db, { id: photoId, assignmentId: id, reviewerId: actor.userId }),
  ]);
  if (changesOf(deleted) === 0) {
    const late = refusalOf(await loadOwnSheet(db, actor, id), null);
    if (late) refuse(late);
    throw notFound("photo");
  }
  await discardObject(c.env.ATTACHMENTS, row.r2Key);
  return c.body(null, 204);
};
