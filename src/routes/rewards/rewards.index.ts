import { createRouter } from "../../lib/create-router";
import * as handlers from "./rewards.handlers";
import * as routes from "./rewards.routes";
import * as rules from "./rules.handlers";

export const rewardsRoutes = createRouter()
  .openapi(routes.getMyRewards, handlers.getMyRewards)
  .openapi(routes.listLedger, handlers.listLedger)
  .openapi(routes.listBadges, handlers.listBadges)
  .openapi(routes.getRules, handlers.getRules)
  .openapi(routes.publishRules, handlers.publishRules)
  .openapi(routes.listRuleVersions, rules.listRuleVersions)
  .openapi(routes.previewRules, rules.previewRules)
  .openapi(routes.getLeaderboard, handlers.getLeaderboard);
