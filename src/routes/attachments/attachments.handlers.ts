import { changesOf, runBatch } from "../../db/client";
import {
  attachFile,
  countAttachments,
  getAttachment,
  removeAttachment,
  type AttachmentRow,
} from "../../db/queries/attachments.queries";
import {
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_IDEA,
  REMOVABLE_STATUSES,
  planRemoval,
  planUpload,
  type AttachmentRefusal,
} from "../../domain/attachments";
import { sanitiseFileName } from "../../domain/file-name";
import { detectFileType } from "../../domain/file-type";
import { attachmentDisposition } from "../../lib/content-disposition";
import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError, notFound } from "../../lib/problem";
import { discardObject } from "../../lib/r2";
import { iso } from "../../lib/time";
import { randomToken } from "../../lib/tokens";
import { actorOf } from "../../middlewares/guard";
import { loadIdea } from "../ideas/ideas.view";
import type * as routes from "./attachments.routes";

const REFUSALS: Record<AttachmentRefusal, () => ApiError> = {
  "attachment.not_permitted": () =>
    new ApiError(403, "attachment.not_permitted", "You may not add or remove files on this idea"),
  "attachment.closed": () =>
    new ApiError(409, "attachment.closed", "Files can no longer be changed at this stage of the idea"),
};

const limitReached = () =>
  new ApiError(409, "attachment.limit_reached", `An idea has at most ${MAX_ATTACHMENTS_PER_IDEA} files`);

const raced = () =>
  new ApiError(409, "attachment.conflict", "Someone changed this idea at the same time; reload and try again");

const toAttachment = (row: AttachmentRow) => ({
  id: row.id,
  fileName: row.fileName,
  contentType: row.contentType,
  size: row.size,
  kind: row.kind,
  uploadedBy: row.uploadedBy,
  createdAt: iso(row.createdAt),
});

export const upload: AppRouteHandler<typeof routes.upload> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const { file, kind } = c.req.valid("form");
  const db = c.var.db;
  const bucket = c.env.ATTACHMENTS;
  const loaded = await loadIdea(db, actor, id);
  const plan = planUpload({ status: loaded.idea.status, capacities: loaded.capacities, kind });
  if (!plan.ok) throw REFUSALS[plan.code]();
  if (file.size > MAX_ATTACHMENT_BYTES) {
    throw new ApiError(413, "attachment.too_large", `A file may be at most ${MAX_ATTACHMENT_BYTES} bytes`);
  }
  if (loaded.files.length >= MAX_ATTACHMENTS_PER_IDEA) throw limitReached();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = detectFileType(bytes);
  if (!type) {
    throw new ApiError(
      415,
      "attachment.unsupported_type",
      "Attach a PDF, an image (PNG, JPEG, WebP, GIF) or an office document without macros",
    );
  }

  // R2 first under a fresh key, then the row; a row is never written for bytes that are not there
  const r2Key = `ideas/${id}/${randomToken(18)}`;
  await bucket.put(r2Key, bytes, {
    httpMetadata: { contentType: type.contentType },
    customMetadata: { ideaId: String(id), uploadedBy: String(actor.userId) },
  });
  const now = Date.now();
  const row = {
    agencyId: actor.agencyId,
    ideaId: id,
    r2Key,
    fileName: sanitiseFileName(file.name, type.extension),
    contentType: type.contentType,
    size: bytes.byteLength,
    kind,
    uploadedBy: actor.userId,
    createdAt: now,
  };
  let inserted: D1Result | undefined;
  try {
    [inserted] = await runBatch(db, [attachFile(db, { ...row, statuses: plan.statuses, now })]);
  } catch (error) {
    await discardObject(bucket, r2Key);
    throw error;
  }
  if (changesOf(inserted) === 0) {
    await discardObject(bucket, r2Key);
    throw (await countAttachments(db, id)) >= MAX_ATTACHMENTS_PER_IDEA ? limitReached() : raced();
  }
  return c.json(toAttachment({ ...row, id: inserted!.meta.last_row_id }), 201);
};

export const download: AppRouteHandler<typeof routes.download> = async (c) => {
  const actor = actorOf(c);
  const { id, attachmentId } = c.req.valid("param");
  const db = c.var.db;
  await loadIdea(db, actor, id);
  const row = await getAttachment(db, { agencyId: actor.agencyId, ideaId: id, id: attachmentId });
  if (!row) throw notFound("attachment");
  const object = await c.env.ATTACHMENTS.get(row.r2Key);
  if (!object) throw notFound("attachment");
  return c.body(object.body, 200, {
    "content-type": row.contentType,
    "content-length": String(object.size),
    "content-disposition": attachmentDisposition(row.fileName),
    "x-content-type-options": "nosniff",
    "cache-control": "private, max-age=0",
  });
};

export const remove: AppRouteHandler<typeof routes.remove> = async (c) => {
  const actor = actorOf(c);
  const { id, attachmentId } = c.req.valid("param");
  const db = c.var.db;
  const loaded = await loadIdea(db, actor, id);
  const row = await getAttachment(db, { agencyId: actor.agencyId, ideaId: id, id: attachmentId });
  if (!row) throw notFound("attachment");
  const plan = planRemoval({
    status: loaded.idea.status,
    capacities: loaded.capacities,
    actorId: actor.userId,
    uploadedBy: row.uploadedBy,
  });
  if (!plan.ok) throw REFUSALS[plan.code]();
  // the row first: once it is gone nobody can reach the object, whatever happens to the delete
  const deleted = await removeAttachment(db, { id: attachmentId, ideaId: id, statuses: REMOVABLE_STATUSES });
  if (changesOf(deleted) === 0) throw raced();
  await discardObject(c.env.ATTACHMENTS, row.r2Key);
  return c.body(null, 204);
};
