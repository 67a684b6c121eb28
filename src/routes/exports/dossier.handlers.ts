import { getDossierContext } from "../../db/queries/exports.queries";
import { getImplementationReport } from "../../db/queries/implementation.queries";
import type { AppRouteHandler } from "../../lib/create-router";
import { actorOf } from "../../middlewares/guard";
import { emblemDataUrl, readEmblem } from "../agency/agency.emblem";
import { loadIdea, toIdeaDetail } from "../ideas/ideas.view";
import { loadDossierCompetitions } from "../innovation-profile/dossier-competitions";
import { buildDossierData } from "../innovation-profile/dossier-data";
import { loadProfile, toEvidence, toProfile } from "../innovation-profile/innovation-profile.view";
import { renderDossier } from "./dossier-view";
import type * as routes from "./exports.routes";

export const dossier: AppRouteHandler<typeof routes.dossier> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const now = Date.now();
  // 404 for another agency's idea and for a draft outside its team, as the idea's own page
  const loaded = await loadIdea(db, actor, c.req.valid("param").id);
  const context = await getDossierContext(db, loaded.idea);
  const report = loaded.idea.status === "implemented" ? await getImplementationReport(db, loaded.idea.id) : undefined;
  const emblem = await readEmblem(c.env.ATTACHMENTS, context.emblemKey);
  const idea = toIdeaDetail(loaded, now);
  const [{ row, evidence }, { competitions, fieldPhotos }] = await Promise.all([
    loadProfile(db, loaded),
    loadDossierCompetitions(db, { agencyId: actor.agencyId, ideaId: loaded.idea.id }),
  ]);
  const innovation = buildDossierData({
    idea,
    agencyName: context.agencyName,
    timeZone: context.timeZone,
    profile: row ? toProfile(row) : null,
    evidence: evidence.map(toEvidence),
    fieldPhotos,
    competitions,
    decidedAt: loaded.idea.decidedAt,
    now,
  });
  const page = renderDossier({
    idea,
    innovation,
    agencyName: context.agencyName,
    timeZone: context.timeZone,
    emblemSrc: emblem ? emblemDataUrl(emblem) : null,
    decidedAt: loaded.idea.decidedAt,
    replicatingAgencies: context.replicatingAgencies,
    report: report ?? null,
    now,
  });
  return c.html(page, 200, { "cache-control": "private, no-store" });
};
