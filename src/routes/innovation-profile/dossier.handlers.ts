import { Zip, ZipPassThrough, strToU8 } from "fflate";
import { getDossierContext } from "../../db/queries/exports.queries";
import type { Database } from "../../db/client";
import { localDay } from "../../domain/time-zone";
import type { Actor } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { actorOf } from "../../middlewares/guard";
import { readEmblem } from "../agency/agency.emblem";
import { loadIdea, toIdeaDetail } from "../ideas/ideas.view";
import { loadDossierCompetitions } from "./dossier-competitions";
import { buildDossierData, FIELD_PHOTO_KIND, type DossierData } from "./dossier-data";
import { renderDossierPdf } from "./dossier-pdf";
import type * as routes from "./innovation-profile.routes";
import { loadProfile, toEvidence, toProfile } from "./innovation-profile.view";

/** Everything of the dossier: its data in the forms' order, the PDF, and the evidence rows (for their files). */
async function makeDossier(db: Database, bucket: R2Bucket, actor: Actor, ideaId: number) {
  const now = Date.now();
  // 404 for another agency's idea and for a draft outside its team, as the idea's own page
  const loaded = await loadIdea(db, actor, ideaId);
  const [context, { row, evidence }, { competitions, fieldPhotos, photoKeys }] = await Promise.all([
    getDossierContext(db, loaded.idea),
    loadProfile(db, loaded),
    loadDossierCompetitions(db, { agencyId: actor.agencyId, ideaId }),
  ]);
  const data = buildDossierData({
    idea: toIdeaDetail(loaded, now),
    agencyName: context.agencyName,
    timeZone: context.timeZone,
    profile: row ? toProfile(row) : null,
    evidence: evidence.map(toEvidence),
    fieldPhotos,
    competitions,
    decidedAt: loaded.idea.decidedAt,
    now,
  });
  const pdf = await renderDossierPdf(data, await readEmblem(bucket, context.emblemKey));
  const name = `dosir-inovasi-${ideaId}-${localDay(now, actor.timeZone)}`;
  return { data, pdf, evidence, photoKeys, name };
}

const download = (fileName: string, type: string) => ({
  "content-type": type,
  "content-disposition": `attachment; filename="${fileName}"`,
  "x-content-type-options": "nosniff",
  "cache-control": "private, no-store",
});

export const pdf: AppRouteHandler<typeof routes.dossierPdf> = async (c) => {
  const dossier = await makeDossier(c.var.db, c.env.ATTACHMENTS, actorOf(c), c.req.valid("param").id);
  return c.body(dossier.pdf, 200, download(`${dossier.name}.pdf`, "application/pdf"));
};

/**
 * Streams the archive: the JSON and the PDF, then each evidence file read from R2 chunk by chunk
 * (stored, not deflated: they are PDFs, pictures and office files, compressed already), so ten
 * 10 MB files never sit in memory at once.
 */
async function writeZip(
  writer: WritableStreamDefaultWriter<Uint8Array>,
  bucket: R2Bucket,
  data: DossierData,
  files: { path: string; r2Key: string }[],
  pdfBytes: Uint8Array,
) {
  let failed: unknown = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) failed = error;
    else {
      writer.write(chunk).catch(() => {});
      if (final) writer.close().catch(() => {});
    }
  });
  const put = async (path: string, parts: AsyncIterable<Uint8Array> | Uint8Array[]) => {
    const entry = new ZipPassThrough(path);
    zip.add(entry);
    for await (const part of parts) {
      await writer.ready;
      entry.push(part);
    }
    entry.push(new Uint8Array(0), true);
  };
  try {
    await put("dosir.json", [strToU8(JSON.stringify(data, null, 2))]);
    await put("dosir.pdf", [pdfBytes]);
    for (const file of files) {
      const object = await bucket.get(file.r2Key);
      if (!object) continue;
      await put(file.path, object.body as unknown as AsyncIterable<Uint8Array>);
    }
    zip.end();
    if (failed) throw failed;
  } catch (error) {
    await writer.abort(error);
  }
}

export const zip: AppRouteHandler<typeof routes.dossierZip> = async (c) => {
  const dossier = await makeDossier(c.var.db, c.env.ATTACHMENTS, actorOf(c), c.req.valid("param").id);
  const evidenceKeys = new Map(dossier.evidence.map((e) => [e.id, e.r2Key]));
  const files = dossier.data.bukti.flatMap((b) => {
    const r2Key = (b.jenis.kode === FIELD_PHOTO_KIND.kode ? dossier.photoKeys : evidenceKeys).get(b.id);
    return b.berkas && r2Key ? [{ path: b.berkas.path, r2Key }] : [];
  });
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  c.executionCtx.waitUntil(writeZip(writer, c.env.ATTACHMENTS, dossier.data, files, dossier.pdf));
  return c.body(readable, 200, download(`${dossier.name}.zip`, "application/zip"));
};
