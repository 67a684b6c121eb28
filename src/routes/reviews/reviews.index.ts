import { createRouter } from "../../lib/create-router";
import * as assignments from "./assignments.handlers";
import * as committee from "./committee.handlers";
import * as implementation from "./implementation.handlers";
import * as ranking from "./ranking.handlers";
import * as reviews from "./reviews.handlers";
import * as routes from "./reviews.routes";

export const reviewsRoutes = createRouter()
  .openapi(routes.getCommittee, committee.getCommittee)
  .openapi(routes.putCommittee, committee.putCommittee)
  .openapi(routes.committeeCandidates, committee.committeeCandidates)
  .openapi(routes.startReview, assignments.startReview)
  .openapi(routes.listAssignments, assignments.listAssignments)
  .openapi(routes.assign, assignments.assign)
  .openapi(routes.unassign, assignments.unassign)
  .openapi(routes.myQueue, reviews.myQueue)
  .openapi(routes.getAssignment, reviews.getAssignmentDetail)
  .openapi(routes.saveDraft, reviews.saveDraft)
  .openapi(routes.submitReview, reviews.submitReview)
  .openapi(routes.reopenReview, reviews.reopenReview)
  .openapi(routes.ranking, ranking.ranking)
  .openapi(routes.rankingCsv, ranking.rankingCsv)
  .openapi(routes.reviewsCsv, ranking.reviewsCsv)
  .openapi(routes.reportImplementation, implementation.reportImplementation)
  .openapi(routes.getImplementation, implementation.getImplementation)
  .openapi(routes.listImplementationUpdates, implementation.listUpdates)
  .openapi(routes.addImplementationUpdate, implementation.addUpdate);
