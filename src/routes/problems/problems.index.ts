import { createRouter } from "../../lib/create-router";
import * as handlers from "./problems.handlers";
import * as routes from "./problems.routes";

/** `/problems/summary` and `/problems/import` before `/problems/{id}`, which would refuse them as ids. */
export const problemsRoutes = createRouter()
  .openapi(routes.listProblems, handlers.listProblems)
  .openapi(routes.createProblem, handlers.createProblem)
  .openapi(routes.problemSummary, handlers.problemSummary)
  .openapi(routes.importComplaints, handlers.importComplaints)
  .openapi(routes.getProblem, handlers.getProblem)
  .openapi(routes.updateProblem, handlers.updateProblem)
  .openapi(routes.mergeProblem, handlers.mergeProblem)
  .openapi(routes.splitProblem, handlers.splitProblem)
  .openapi(routes.openCampaign, handlers.openCampaign)
  .openapi(routes.listIdeaProblems, handlers.listIdeaProblems)
  .openapi(routes.setIdeaProblems, handlers.setIdeaProblems);
