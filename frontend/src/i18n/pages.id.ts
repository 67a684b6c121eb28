import { competitionsId } from "./competitions.id.ts";
import { accountId } from "./account.id.ts";
import { innovationId } from "./innovation.id.ts";
import { adminId } from "./admin.id.ts";
import { administrationId } from "./administration.id.ts";
import { discussionId } from "./discussion.id.ts";
import { rewardsId } from "./rewards.id.ts";
import { homeId } from "./home.id.ts";
import { teamId } from "./team.id.ts";
import { verifyId } from "./verify.id.ts";
import { careerId } from "./career.id.ts";
import { dailyId } from "./daily.id.ts";
import { awardsId } from "./awards.id.ts";
import { campaignsId } from "./campaigns.id.ts";
import { dashboardId } from "./dashboard.id.ts";
import { ideasId } from "./ideas.id.ts";
import { notificationsId } from "./notifications.id.ts";
import { reviewsId } from "./reviews.id.ts";
import { implementationId } from "./implementation.id.ts";
import { committeeEditorId } from "./committee-editor.id.ts";
import { pushId } from "./push.id.ts";
import { oidcId } from "./oidc.id.ts";
import { problemsId } from "./problems.id.ts";
import { apiTokensId } from "./api-tokens.id.ts";

/**
 * Bahasa Indonesia of the pages, one file per feature so features add strings without editing
 * another's. Fetched with the first page (`loadMessages`), not in the first download.
 */
export const pagesId = {
  ...ideasId,
  ...campaignsId,
  ...reviewsId,
  ...committeeEditorId,
  ...notificationsId,
  ...dashboardId,
  ...adminId,
  ...discussionId,
  ...rewardsId,
  ...homeId,
  ...teamId,
  ...verifyId,
  ...careerId,
  ...dailyId,
  ...awardsId,
  ...administrationId,
  ...implementationId,
  ...accountId,
  ...pushId,
  ...innovationId,
  ...oidcId,
  ...problemsId,
  ...apiTokensId,
  ...competitionsId,
} as const;
