import { createRouter } from "../../lib/create-router";
import { guard } from "../../middlewares/guard";
import * as dossier from "./dossier.handlers";
import * as handlers from "./exports.handlers";
import * as routes from "./exports.routes";

export const exportsRouter = createRouter();
exportsRouter.use("/exports/*", guard("stats.read"));
// the dossier sits under `/ideas/*`, whose guard (idea.participate) the ideas router already applies
exportsRouter.use("/ideas/:id/dossier", guard());

export const exportsRoutes = exportsRouter
  .openapi(routes.ideasCsv, handlers.ideasCsv)
  .openapi(routes.votesCsv, handlers.votesCsv)
  .openapi(routes.ledgerCsv, handlers.ledgerCsv)
  .openapi(routes.awardsCsv, handlers.awardsCsv)
  .openapi(routes.dossier, dossier.dossier);
