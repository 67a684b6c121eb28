/** Reading an agency's emblem from R2 for the documents that show it (certificates, dossiers). */
import { isEmblemType, type EmblemType } from "../../domain/emblem";
import { detectFileType } from "../../domain/file-type";

export type EmblemImage = { bytes: Uint8Array; type: EmblemType; contentType: string };

/**
 * The emblem's bytes and type, or null when there is none (or its object is gone): a document is
 * then made without it rather than not at all.
 */
export async function readEmblem(bucket: R2Bucket, key: string | null): Promise<EmblemImage | null> {
  if (!key) return null;
  const object = await bucket.get(key);
  if (!object) return null;
  const bytes = new Uint8Array(await object.arrayBuffer());
  const detected = detectFileType(bytes);
  if (!detected || !isEmblemType(detected.type)) return null;
  return { bytes, type: detected.type, contentType: detected.contentType };
}

/** The emblem as a `data:` address, for an HTML document that loads nothing else (the dossier). */
export function emblemDataUrl(emblem: EmblemImage): string {
  let binary = "";
  for (const byte of emblem.bytes) binary += String.fromCharCode(byte);
  return `data:${emblem.contentType};base64,${btoa(binary)}`;
}
