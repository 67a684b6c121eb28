import { createRouter } from "../../lib/create-router";
import { guard } from "../../middlewares/guard";
import { withWriteLimit } from "../../middlewares/rate-limit";
import * as handlers from "./voting.handlers";
import * as routes from "./voting.routes";

export const votingRouter = createRouter();
for (const path of ["/ideas/:id/vote", "/ideas/:id/vote-sources", "/ideas/:id/follow", "/campaigns/:id/my-votes"])
  votingRouter.use(path, guard("idea.participate"));

export const votingRoutes = votingRouter
  .openapi(routes.castVote, withWriteLimit("VOTE_LIMITER", handlers.castVote))
  .openapi(routes.retractVote, withWriteLimit("VOTE_LIMITER", handlers.retractVote))
  .openapi(routes.myVotes, handlers.myVotes)
  .openapi(routes.voteSources, handlers.voteSources)
  .openapi(routes.follow, handlers.follow)
  .openapi(routes.unfollow, handlers.unfollow);
