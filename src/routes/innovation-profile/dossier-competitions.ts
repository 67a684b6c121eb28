/**
 * What the competitions add to an innovation's dossier: how it fared round by round, and the
 * reviewers' field-verification photos for the evidence index (with their R2 keys, for the ZIP).
 */
import type { Database } from "../../db/client";
import { listIdeaFieldPhotos } from "../../db/queries/round-photos.queries";
import { itemsOf } from "../competitions/competition-view";
import { competitionOutcomes } from "../competitions/entry-outcome";

export async function loadDossierCompetitions(db: Database, key: { agencyId: number; ideaId: number }) {
  const [photos, competitions] = await Promise.all([listIdeaFieldPhotos(db, key), competitionOutcomes(db, key)]);
  return {
    competitions,
    fieldPhotos: photos.map(({ r2Key: _key, roundItems, itemKey, ...p }) => ({
      ...p,
      itemLabel: itemsOf({ items: roundItems }).find((i) => i.key === itemKey)?.label ?? itemKey,
    })),
    photoKeys: new Map(photos.map((p) => [p.id, p.r2Key])),
  };
}
