import { changesOf, runNamedBatch } from "../../db/client";
import { recordAuditIfChanged } from "../../db/queries/audit.queries";
import {
  addEvidence,
  countEvidence,
  getEvidence,
  getProfile,
  removeEvidence as deleteEvidence,
  saveProfile,
  type NewEvidence,
} from "../../db/queries/innovation-profile.queries";
import { MAX_ATTACHMENT_BYTES } from "../../domain/attachments";
import { sanitiseFileName } from "../../domain/file-name";
import { detectFileType } from "../../domain/file-type";
import {
  checkProfile,
  droppedIndicatorsInUse,
  keyIndicators,
  MAX_EVIDENCE_FILES_PER_IDEA,
  MAX_EVIDENCE_PER_IDEA,
  planProfileChange,
  type Indicator,
  type ProfileRefusal,
} from "../../domain/innovation-profile";
import { localDay } from "../../domain/time-zone";
import { attachmentDisposition } from "../../lib/content-disposition";
import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError, notFound, validationError } from "../../lib/problem";
import { discardObject } from "../../lib/r2";
import { randomToken } from "../../lib/tokens";
import type { Actor } from "../../env";
import { actorOf } from "../../middlewares/guard";
import { loadIdea, type LoadedIdea } from "../ideas/ideas.view";
import type * as routes from "./innovation-profile.routes";
import { loadProfile, toEvidence, toProfileView } from "./innovation-profile.view";
import type { ProfileRow } from "../../db/queries/innovation-profile.queries";
import type { Database } from "../../db/client";

const REFUSALS: Record<ProfileRefusal, () => ApiError> = {
  "profile.not_permitted": () =>
    new ApiError(403, "profile.not_permitted", "Only the idea's team and the agency's admins change its profile"),
  "profile.not_available": () =>
    new ApiError(409, "profile.not_available", "An idea has an innovation profile once it is approved"),
  "profile.locked": () =>
    new ApiError(409, "profile.locked", "The profile is entered in a competition round and can no longer change"),
};

/** Throws the refusal that applies now, read after a guarded write changed nothing. */
async function refusalNow(db: Database, actor: Actor, ideaId: number, fallback: () => ApiError): Promise<never> {
  const loaded = await loadIdea(db, actor, ideaId);
  const row = await getProfile(db, { agencyId: actor.agencyId, ideaId });
  const plan = planProfileChange({
    status: loaded.idea.status,
    capacities: loaded.capacities,
    lockedAt: row?.lockedAt ?? null,
  });
  throw plan.ok ? fallback() : REFUSALS[plan.code]();
}

/** The idea, its profile row, and a refusal unless the actor may change them now. */
async function loadForChange(db: Database, actor: Actor, ideaId: number) {
  const loaded = await loadIdea(db, actor, ideaId);
  const row = await getProfile(db, { agencyId: actor.agencyId, ideaId });
  const plan = planProfileChange({
    status: loaded.idea.status,
    capacities: loaded.capacities,
    lockedAt: row?.lockedAt ?? null,
  });
  if (!plan.ok) throw REFUSALS[plan.code]();
  return { loaded, row };
}

const raced = () =>
  new ApiError(409, "profile.conflict", "Someone changed this profile at the same time; reload and try again");

export const get: AppRouteHandler<typeof routes.getProfile> = async (c) => {
  const actor = actorOf(c);
  const loaded = await loadIdea(c.var.db, actor, c.req.valid("param").id);
  const { row, evidence } = await loadProfile(c.var.db, loaded);
  return c.json(toProfileView(loaded, row, evidence), 200);
};

export const put: AppRouteHandler<typeof routes.putProfile> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const { loaded } = await loadForChange(db, actor, id);
  const now = Date.now();
  const errors = checkProfile(body, localDay(now, actor.timeZone));
  if (errors.length > 0) throw validationError(errors.map((e) => ({ ...e, path: `json.${e.path}` })));
  const indicators = keyIndicators(body.indicators, () =>
    randomToken(6)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "x"),
  );
  const { evidence } = await loadProfile(db, loaded);
  const inUse = droppedIndicatorsInUse(
    indicators,
    evidence.map((e) => e.indicatorKey),
  );
  if (inUse.length > 0) {
    throw new ApiError(
      409,
      "profile.indicator_in_use",
      "Evidence still supports an indicator this profile drops; remove or move that evidence first",
    );
  }
  const { saved } = await runNamedBatch(db, {
    saved: saveProfile(db, {
      agencyId: actor.agencyId,
      ideaId: id,
      actorId: actor.userId,
      now,
      values: { ...body, indicators },
    }),
    audit: recordAuditIfChanged(db, {
      agencyId: actor.agencyId,
      actorId: actor.userId,
      action: "innovation_profile.update",
      subjectType: "idea",
      subjectId: id,
      detail: { stage: body.stage, indicators: indicators.length },
      at: now,
    }),
  });
  if (changesOf(saved) === 0) await refusalNow(db, actor, id, raced);
  const after = await loadProfile(db, loaded);
  return c.json(toProfileView(loaded, after.row, after.evidence), 200);
};

/** The evidence write's own checks once the profile may change: a saved profile, a known indicator, room. */
async function checkEvidence(
  db: Database,
  loaded: LoadedIdea,
  row: ProfileRow | undefined,
  input: { indicatorKey: string | null; file: boolean },
) {
  if (!row) throw new ApiError(409, "profile.missing", "Save the innovation profile before adding evidence");
  const indicators = JSON.parse(row.indicators) as Indicator[];
  if (input.indicatorKey !== null && !indicators.some((i) => i.key === input.indicatorKey)) {
    throw validationError([
      { path: "indicatorKey", code: "evidence.indicator_unknown", message: "Indikator itu tidak ada di profil ini." },
    ]);
  }
  const counts = await countEvidence(db, loaded.idea.id);
  if (counts.items >= MAX_EVIDENCE_PER_IDEA || (input.file && counts.files >= MAX_EVIDENCE_FILES_PER_IDEA)) {
    throw limitReached();
  }
}

const limitReached = () =>
  new ApiError(
    409,
    "evidence.limit_reached",
    `An idea has at most ${MAX_EVIDENCE_PER_IDEA} pieces of evidence, ${MAX_EVIDENCE_FILES_PER_IDEA} of them files`,
  );

/** Writes the evidence row with its audit row; on a refused write, says why (and `onRefused` cleans up). */
async function writeEvidence(db: Database, actor: Actor, evidence: NewEvidence, onRefused: () => Promise<void>) {
  let inserted: D1Result | undefined;
  try {
    ({ inserted } = await runNamedBatch(db, {
      inserted: addEvidence(db, evidence),
      audit: recordAuditIfChanged(db, {
        agencyId: actor.agencyId,
        actorId: actor.userId,
        action: "innovation_evidence.add",
        subjectType: "idea",
        subjectId: evidence.ideaId,
        detail: { kind: evidence.kind, title: evidence.title, file: evidence.file?.fileName ?? null },
        at: evidence.createdAt,
      }),
    }));
  } catch (error) {
    await onRefused();
    throw error;
  }
  if (changesOf(inserted) === 0) {
    await onRefused();
    const counts = await countEvidence(db, evidence.ideaId);
    if (counts.items >= MAX_EVIDENCE_PER_IDEA || (evidence.file && counts.files >= MAX_EVIDENCE_FILES_PER_IDEA)) {
      throw limitReached();
    }
    await refusalNow(db, actor, evidence.ideaId, raced);
  }
  const row = await getEvidence(db, {
    agencyId: actor.agencyId,
    ideaId: evidence.ideaId,
    id: inserted!.meta.last_row_id,
  });
  return toEvidence(row!);
}

export const addLink: AppRouteHandler<typeof routes.addEvidenceLink> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const { loaded, row } = await loadForChange(db, actor, id);
  await checkEvidence(db, loaded, row, { indicatorKey: body.indicatorKey, file: false });
  const evidence = await writeEvidence(
    db,
    actor,
    { ...body, agencyId: actor.agencyId, ideaId: id, addedBy: actor.userId, createdAt: Date.now() },
    async () => {},
  );
  return c.json(evidence, 201);
};

export const addFile: AppRouteHandler<typeof routes.addEvidenceFile> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const bucket = c.env.ATTACHMENTS;
  const { id } = c.req.valid("param");
  const { file, kind, title, indicatorKey } = c.req.valid("form");
  const { loaded, row } = await loadForChange(db, actor, id);
  await checkEvidence(db, loaded, row, { indicatorKey, file: true });
  if (file.size > MAX_ATTACHMENT_BYTES) {
    throw new ApiError(413, "attachment.too_large", `A file may be at most ${MAX_ATTACHMENT_BYTES} bytes`);
  }
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
  const r2Key = `ideas/${id}/evidence/${randomToken(18)}`;
  await bucket.put(r2Key, bytes, {
    httpMetadata: { contentType: type.contentType },
    customMetadata: { ideaId: String(id), uploadedBy: String(actor.userId) },
  });
  const stored = {
    r2Key,
    fileName: sanitiseFileName(file.name, type.extension),
    contentType: type.contentType,
    size: bytes.byteLength,
  };
  const evidence = await writeEvidence(
    db,
    actor,
    {
      kind,
      title,
      indicatorKey,
      file: stored,
      agencyId: actor.agencyId,
      ideaId: id,
      addedBy: actor.userId,
      createdAt: Date.now(),
    },
    () => discardObject(bucket, r2Key),
  );
  return c.json(evidence, 201);
};

export const download: AppRouteHandler<typeof routes.downloadEvidence> = async (c) => {
  const actor = actorOf(c);
  const { id, evidenceId } = c.req.valid("param");
  await loadIdea(c.var.db, actor, id);
  const row = await getEvidence(c.var.db, { agencyId: actor.agencyId, ideaId: id, id: evidenceId });
  if (!row) throw notFound("evidence");
  if (row.r2Key === null) throw new ApiError(409, "evidence.is_link", "This evidence is a link, not a file");
  const object = await c.env.ATTACHMENTS.get(row.r2Key);
  if (!object) throw notFound("evidence");
  return c.body(object.body, 200, {
    "content-type": row.contentType ?? "application/octet-stream",
    "content-length": String(object.size),
    "content-disposition": attachmentDisposition(row.fileName ?? "bukti"),
    "x-content-type-options": "nosniff",
    "cache-control": "private, max-age=0",
  });
};

export const remove: AppRouteHandler<typeof routes.removeEvidence> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { id, evidenceId } = c.req.valid("param");
  // the evidence is looked up before the rights: another agency's id answers as a missing one
  await loadIdea(db, actor, id);
  const row = await getEvidence(db, { agencyId: actor.agencyId, ideaId: id, id: evidenceId });
  if (!row) throw notFound("evidence");
  await loadForChange(db, actor, id);
  const { deleted } = await runNamedBatch(db, {
    deleted: deleteEvidence(db, { agencyId: actor.agencyId, ideaId: id, id: evidenceId }),
    audit: recordAuditIfChanged(db, {
      agencyId: actor.agencyId,
      actorId: actor.userId,
      action: "innovation_evidence.remove",
      subjectType: "idea",
      subjectId: id,
      detail: { kind: row.kind, title: row.title },
      at: Date.now(),
    }),
  });
  if (changesOf(deleted) === 0) await refusalNow(db, actor, id, raced);
  if (row.r2Key) await discardObject(c.env.ATTACHMENTS, row.r2Key);
  return c.body(null, 204);
};
