import { createRouter } from "../../lib/create-router";
import { withWriteLimit } from "../../middlewares/rate-limit";
import * as competitions from "./competitions.handlers";
import * as routes from "./competitions.routes";
import * as guests from "./guests.handlers";
import * as photos from "./photos.handlers";
import * as sheets from "./sheets.handlers";

export const competitionsRoutes = createRouter()
  .openapi(routes.getCompetition, competitions.getCompetitionView)
  .openapi(routes.putCompetition, competitions.putCompetition)
  .openapi(routes.checkEntry, competitions.checkEntry)
  .openapi(routes.enter, competitions.enter)
  .openapi(routes.openRound, competitions.openRound)
  .openapi(routes.closeRound, competitions.closeRound)
  .openapi(routes.mySheets, sheets.mySheets)
  .openapi(routes.getSheet, sheets.getSheetDetail)
  .openapi(routes.declareConflict, sheets.declareConflict)
  .openapi(routes.saveSheet, sheets.saveSheet)
  .openapi(routes.addPhoto, withWriteLimit("UPLOAD_LIMITER", photos.add))
  .openapi(routes.getPhoto, photos.download)
  .openapi(routes.removePhoto, photos.remove)
  .openapi(routes.listGuests, guests.list)
  .openapi(routes.inviteGuest, guests.invite);
