import { changesOf, runBatch, runNamedBatch } from "../../db/client";
import {
  getAgency,
  getPublicAgency,
  replaceEmblemStatements,
  updateAgencyStatements,
  type AgencyRow,
} from "../../db/queries/agencies.queries";
import {
  changedSettings,
  parseAgencySettings,
  serializeAgencySettings,
  type AgencySettings,
} from "../../domain/agency-settings";
import { listSynonyms as listSynonymRows, replaceSynonymsStatements } from "../../db/queries/search-synonyms.queries";
import { EMBLEM_MAX_BYTES, emblemKey, emblemPath, isEmblemType } from "../../domain/emblem";
import { detectFileType } from "../../domain/file-type";
import type { AppRouteHandler } from "../../lib/create-router";
import { ApiError, notFound } from "../../lib/problem";
import { discardObject } from "../../lib/r2";
import { randomToken } from "../../lib/tokens";
import { actorOf } from "../../middlewares/guard";
import type * as routes from "./agency.routes";

export function toAgencySettings(row: AgencyRow) {
  const settings = parseAgencySettings(row.settings);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    region: row.region,
    timeZone: row.timeZone,
    emblemUrl: row.emblemKey ? emblemPath(row.slug, row.emblemKey) : null,
    ...settings,
  };
}

async function loadAgency(c: { var: { db: Parameters<typeof getAgency>[0] } }, id: number) {
  const row = await getAgency(c.var.db, id);
  if (!row) throw notFound("agency");
  return row;
}

export const getSettings: AppRouteHandler<typeof routes.getSettings> = async (c) => {
  const actor = actorOf(c);
  return c.json(toAgencySettings(await loadAgency(c, actor.agencyId)), 200);
};

export const updateSettings: AppRouteHandler<typeof routes.updateSettings> = async (c) => {
  const actor = actorOf(c);
  const { name, ...changes } = c.req.valid("json");
  const db = c.var.db;
  const row = await loadAgency(c, actor.agencyId);
  const before = parseAgencySettings(row.settings);
  const after: AgencySettings = {
    hallOfFamePublic: changes.hallOfFamePublic ?? before.hallOfFamePublic,
    libraryPublic: changes.libraryPublic ?? before.libraryPublic,
    libraryShared: changes.libraryShared ?? before.libraryShared,
    signer: changes.signer === undefined ? before.signer : changes.signer,
    signingPlace: changes.signingPlace ?? before.signingPlace,
  };
  const renamed = name !== undefined && name !== row.name ? { name: { from: row.name, to: name } } : {};
  await runBatch(
    db,
    updateAgencyStatements(db, {
      id: actor.agencyId,
      name: name ?? row.name,
      settings: serializeAgencySettings(after),
      actorId: actor.userId,
      now: Date.now(),
      detail: { ...renamed, ...changedSettings(before, after) },
    }),
  );
  return c.json(toAgencySettings(await loadAgency(c, actor.agencyId)), 200);
};

const emblemRaced = () =>
  new ApiError(409, "emblem.conflict", "Someone changed the emblem at the same time; reload and try again");

export const uploadEmblem: AppRouteHandler<typeof routes.uploadEmblem> = async (c) => {
  const actor = actorOf(c);
  const { file } = c.req.valid("form");
  if (file.size > EMBLEM_MAX_BYTES) {
    throw new ApiError(413, "emblem.too_large", `An emblem may be at most ${EMBLEM_MAX_BYTES} bytes`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = detectFileType(bytes);
  if (!type || !isEmblemType(type.type)) {
    throw new ApiError(415, "emblem.unsupported_type", "The emblem must be a PNG or JPEG image");
  }
  const db = c.var.db;
  const bucket = c.env.ATTACHMENTS;
  const row = await loadAgency(c, actor.agencyId);
  // the object first under a fresh key, then the row; the old object goes once nothing points to it
  const key = emblemKey(actor.agencyId, randomToken(12), type.extension);
  await bucket.put(key, bytes, { httpMetadata: { contentType: type.contentType } });
  const { replaced: changed } = await runNamedBatch(
    db,
    replaceEmblemStatements(db, {
      id: actor.agencyId,
      from: row.emblemKey,
      to: key,
      actorId: actor.userId,
      now: Date.now(),
    }),
  ).catch(async (error: unknown) => {
    await discardObject(bucket, key);
    throw error;
  });
  if (changesOf(changed) === 0) {
    await discardObject(bucket, key);
    throw emblemRaced();
  }
  if (row.emblemKey) await discardObject(bucket, row.emblemKey);
  return c.json(toAgencySettings(await loadAgency(c, actor.agencyId)), 200);
};

export const removeEmblem: AppRouteHandler<typeof routes.removeEmblem> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const row = await loadAgency(c, actor.agencyId);
  if (row.emblemKey) {
    const { replaced: changed } = await runNamedBatch(
      db,
      replaceEmblemStatements(db, {
        id: actor.agencyId,
        from: row.emblemKey,
        to: null,
        actorId: actor.userId,
        now: Date.now(),
      }),
    );
    if (changesOf(changed) === 0) throw emblemRaced();
    await discardObject(c.env.ATTACHMENTS, row.emblemKey);
  }
  return c.json(toAgencySettings(await loadAgency(c, actor.agencyId)), 200);
};

/** A year: the address changes with the emblem, so a kept copy is never stale. */
const EMBLEM_CACHE = "public, max-age=31536000, immutable";

export const getEmblem: AppRouteHandler<typeof routes.getEmblem> = async (c) => {
  const { agencySlug } = c.req.valid("param");
  const agency = await getPublicAgency(c.var.db, agencySlug);
  if (!agency?.emblemKey) throw notFound("emblem");
  const object = await c.env.ATTACHMENTS.get(agency.emblemKey);
  if (!object) throw notFound("emblem");
  return c.body(object.body, 200, {
    "content-type": object.httpMetadata?.contentType ?? "application/octet-stream",
    "content-length": String(object.size),
    "cache-control": EMBLEM_CACHE,
    "x-content-type-options": "nosniff",
  });
};

export const listSynonyms: AppRouteHandler<typeof routes.listSynonyms> = async (c) => {
  const actor = actorOf(c);
  return c.json({ items: await listSynonymRows(c.var.db, actor.agencyId) }, 200);
};

/** Terms that differ only in case or spacing count once; a group left with one term is no group. */
function tidyGroups(groups: string[][]): string[][] {
  return groups
    .map((g) => {
      const seen = new Set<string>();
      return g
        .map((t) => t.replace(/\s+/g, " "))
        .filter((t) => {
          const key = t.toLowerCase();
          return !seen.has(key) && seen.add(key);
        });
    })
    .filter((g) => g.length > 1);
}

export const replaceSynonyms: AppRouteHandler<typeof routes.replaceSynonyms> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const before = await listSynonymRows(db, actor.agencyId);
  const groups = tidyGroups(c.req.valid("json").groups);
  await runBatch(
    db,
    replaceSynonymsStatements(db, {
      agencyId: actor.agencyId,
      groups,
      actorId: actor.userId,
      now: Date.now(),
      before: before.length,
    }),
  );
  return c.json({ items: await listSynonymRows(db, actor.agencyId) }, 200);
};
