/**
 * The enums and limits of the API that the SPA shows, in one place it may import (with `type
 * AppType`, the only way from `frontend/` into `src/`): the route schemas use the same constants,
 * so a changed status, role or length changes both. Pure values only: nothing here runs.
 */
export { AWARD_LIMITS } from "./awards";
export { REMOVABLE_STATUSES } from "./attachments";
export { ENTRY_GROUPS } from "./eligibility";
export { PROBLEM_TITLE_MAX } from "./complaint-grouping";
export { SUBMISSION_MINIMUMS, IDEA_STATUSES, LISTED_STATUSES, TRANSITIONS, type IdeaStatus } from "./idea-status";
export { TEAM_OPEN_STATUSES } from "./idea-team";
export { LIBRARY_STAGES } from "./library";
export { NOTIFICATION_KINDS } from "./notifications";
export { IMPLEMENTATION_LIMITS } from "./implementation";
export {
  BUDGET_SOURCES,
  EVIDENCE_KINDS,
  INNOVATION_FORMS,
  INNOVATION_STAGES,
  INNOVATION_TYPES,
  MAX_INDICATORS,
  PROFILE_LIMITS,
} from "./innovation-profile";
export {
  ADMIN_LIMITS,
  AWARD_TEXT_LIMITS,
  CAMPAIGN_LIMITS,
  COMMENT_LIMITS,
  COMPETITION_LIMITS,
  IDEA_LIMITS,
  PROBLEM_LIMITS,
  REVIEW_LIMITS,
  SEARCH_MAX,
} from "./limits";
export { EMAIL_MAX, NAME_MAX, POSITION_MAX } from "./person";
export { NIP_LENGTH } from "./nip";
export { PERIOD_KINDS } from "./reward-periods";
export { RULE_KEYS } from "./reward-rules";
export { PHASES, type Phase } from "./campaign-phase";
export { RECOMMENDATIONS } from "./review";
export { ASSIGNABLE_ROLES } from "./roles";
export { SETTINGS_LIMITS } from "./agency-settings";
export { VOTABLE_STATUSES } from "./voting";
