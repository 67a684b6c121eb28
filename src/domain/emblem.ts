/**
 * An agency's emblem (lambang daerah): an image shown in the header, on its certificates and its
 * dossiers. Only PNG and JPEG are taken — the two a PDF can embed, and neither can carry a script
 * the way SVG can — recognised by their bytes (`file-type.ts`), and small enough for a header.
 */
import type { FileType } from "./file-type.ts";

export const EMBLEM_MAX_BYTES = 512 * 1024;
export const EMBLEM_TYPES = ["png", "jpeg"] as const satisfies readonly FileType[];
export type EmblemType = (typeof EMBLEM_TYPES)[number];

export const isEmblemType = (type: FileType): type is EmblemType => (EMBLEM_TYPES as readonly string[]).includes(type);

/**
 * Where an emblem is kept in R2: a new key for every upload, so its address changes with it and
 * browsers may keep an emblem for as long as they like.
 * @example emblemKey(7, "Qm9vaA", "png") // "emblems/7/Qm9vaA.png"
 */
export const emblemKey = (agencyId: number, token: string, extension: string) =>
  `emblems/${agencyId}/${token}.${extension}`;

/**
 * The public address of an agency's emblem, versioned by its key.
 * @example emblemPath("binjai", "emblems/7/Qm9vaA.png") // "/api/v1/agencies/binjai/emblem?v=Qm9vaA"
 */
export function emblemPath(agencySlug: string, key: string): string {
  const version = key.slice(key.lastIndexOf("/") + 1).replace(/\.[a-z]+$/, "");
  return `/api/v1/agencies/${encodeURIComponent(agencySlug)}/emblem?v=${encodeURIComponent(version)}`;
}
