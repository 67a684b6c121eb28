/**
 * Storage: the one source of truth for tables. API schemas are written separately in
 * `routes/<feature>/<f>.schemas.ts` because storage and contract change for different reasons.
 * Times are Unix epoch milliseconds.
 */
import { sql } from "drizzle-orm";
import { IDEA_STATUSES } from "../domain/idea-status.ts";
import {
  BUDGET_SOURCES,
  EVIDENCE_KINDS,
  INNOVATION_FORMS,
  INNOVATION_STAGES,
  INNOVATION_TYPES,
} from "../domain/innovation-profile.ts";
import { DEFAULT_TIME_ZONE, TIME_ZONE_IDS } from "../domain/time-zone.ts";
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";

const now = sql`(unixepoch('subsec') * 1000)`;

/** A campaign's announcement time, a campaign not announced yet counting as announced last. */
export const NOT_ANNOUNCED_LAST = "coalesce(announcement_at, 9007199254740991)";

export const agencies = sqliteTable("agencies", {
  id: integer("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  region: text("region").notNull(),
  /** JSON, read by `domain/agency-settings.ts`: public pages, the certificate signer and place. */
  settings: text("settings").notNull().default("{}"),
  /** IANA name, one of `TIME_ZONE_IDS` (WIB, WITA, WIT): every date of the agency reads in it. */
  timeZone: text("time_zone", { enum: TIME_ZONE_IDS }).notNull().default(DEFAULT_TIME_ZONE),
  /** A deactivated agency's people cannot sign in and its public pages are gone. */
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  deactivatedAt: integer("deactivated_at"),
  /** The emblem's object in R2 (PNG or JPEG), or none. */
  emblemKey: text("emblem_key"),
  createdAt: integer("created_at").notNull().default(now),
});

export const units = sqliteTable(
  "units",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    parentId: integer("parent_id").references((): AnySQLiteColumn => units.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("units_agency_code").on(t.agencyId, t.code), index("units_parent").on(t.parentId)],
);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    nip: text("nip").notNull().unique(),
    name: text("name").notNull(),
    email: text("email").notNull().unique(),
    position: text("position").notNull().default(""),
    /** Comma-separated, ordered: `asn,reviewer`. */
    roles: text("roles").notNull().default("asn"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    passwordHash: text("password_hash").notNull(),
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
    lastLoginAt: integer("last_login_at"),
  },
  (t) => [
    index("users_agency_unit").on(t.agencyId, t.unitId),
    index("users_agency_name").on(t.agencyId, t.name),
    // the admin's home: people who have not yet signed in once (never activated their account)
    index("users_never_signed_in")
      .on(t.agencyId, t.createdAt)
      .where(sql`last_login_at IS NULL AND active = 1`),
    check("users_nip_format", sql`length(${t.nip}) = 18`),
  ],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: integer("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
    userAgent: text("user_agent").notNull().default(""),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** Failed sign-ins, one row per failure, keyed by account identifier and by client address. */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey(),
    key: text("key").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("login_failures_key_at").on(t.key, t.at)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id").references(() => agencies.id),
    actorId: integer("actor_id").references(() => users.id),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: integer("subject_id"),
    /** JSON with what changed. */
    detail: text("detail").notNull().default("{}"),
    at: integer("at").notNull().default(now),
  },
  (t) => [index("audit_log_agency_at").on(t.agencyId, t.at), index("audit_log_actor_at").on(t.actorId, t.at)],
);

export const campaigns = sqliteTable(
  "campaigns",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** `open`: the agency's always-open Kotak Ide; `competition`: a programme with phases. */
    kind: text("kind", { enum: ["open", "competition"] }).notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** JSON array of category names. */
    categories: text("categories").notNull().default("[]"),
    submissionStart: integer("submission_start"),
    submissionEnd: integer("submission_end"),
    votingStart: integer("voting_start"),
    votingEnd: integer("voting_end"),
    reviewStart: integer("review_start"),
    reviewEnd: integer("review_end"),
    announcementAt: integer("announcement_at"),
    voteBudget: integer("vote_budget").notNull().default(5),
    reviewersPerIdea: integer("reviewers_per_idea").notNull().default(3),
    blindReview: integer("blind_review", { mode: "boolean" }).notNull().default(false),
    excludeSameUnitReviewers: integer("exclude_same_unit_reviewers", { mode: "boolean" }).notNull().default(true),
    hideVotesUntilClosed: integer("hide_votes_until_closed", { mode: "boolean" }).notNull().default(false),
    passingGrade: integer("passing_grade").notNull().default(70),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [
    index("campaigns_agency").on(t.agencyId, t.kind),
    // the scheduler's competitions in play, each minute, across agencies (`listSchedules`); the
    // query must spell the expression the same way for SQLite to use it
    index("campaigns_in_play").on(t.kind, sql.raw(NOT_ANNOUNCED_LAST)),
    check("campaigns_vote_budget", sql`${t.voteBudget} BETWEEN 1 AND 100`),
    check("campaigns_reviewers", sql`${t.reviewersPerIdea} BETWEEN 1 AND 10`),
    check("campaigns_passing_grade", sql`${t.passingGrade} BETWEEN 0 AND 100`),
  ],
);

/** The rubric of a campaign. */
export const criteria = sqliteTable(
  "criteria",
  {
    id: integer("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    key: text("key").notNull(),
    labelId: text("label_id").notNull(),
    labelEn: text("label_en").notNull(),
    descriptionId: text("description_id").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    weight: integer("weight").notNull(),
    scaleMax: integer("scale_max").notNull().default(5),
    position: integer("position").notNull(),
  },
  (t) => [
    uniqueIndex("criteria_campaign_key").on(t.campaignId, t.key),
    check("criteria_weight", sql`${t.weight} BETWEEN 1 AND 100`),
    check("criteria_scale", sql`${t.scaleMax} BETWEEN 2 AND 10`),
  ],
);

/** A campaign's review committee: reviewers and one or more chairs. */
export const campaignMembers = sqliteTable(
  "campaign_members",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: ["reviewer", "chair"] }).notNull(),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.userId] }), index("campaign_members_user").on(t.userId)],
);

export const ideas = sqliteTable(
  "ideas",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    problem: text("problem").notNull().default(""),
    solution: text("solution").notNull().default(""),
    benefit: text("benefit").notNull().default(""),
    targetService: text("target_service").notNull().default(""),
    category: text("category").notNull().default(""),
    status: text("status", { enum: IDEA_STATUSES }).notNull().default("draft"),
    /** Shown in lists: not a draft, withdrawn or merged. A column so that list indexes can lead with it. */
    listed: integer("listed", { mode: "boolean" }).notNull().default(false),
    voteCount: integer("vote_count").notNull().default(0),
    commentCount: integer("comment_count").notNull().default(0),
    /** log10(max(votes,1)) + submitted_at seconds / 45000: "trending" without recomputation. */
    hot: real("hot").notNull().default(0),
    reviewScore: real("review_score"),
    decisionReason: text("decision_reason"),
    /** Hidden by the agency admin (moderation): out of lists and search, its reason shown on its page. */
    hiddenAt: integer("hidden_at"),
    hiddenReason: text("hidden_reason"),
    hiddenBy: integer("hidden_by").references(() => users.id),
    reportCount: integer("report_count").notNull().default(0),
    mergedIntoId: integer("merged_into_id").references((): AnySQLiteColumn => ideas.id),
    replicatesId: integer("replicates_id").references((): AnySQLiteColumn => ideas.id),
    replicationCount: integer("replication_count").notNull().default(0),
    submittedAt: integer("submitted_at"),
    decidedAt: integer("decided_at"),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
    /**
     * Title, problem and solution as the search index holds them (domain/search-normalise.ts:
     * folded, variants mapped, affixes off). Null until computed: the index holds the raw text
     * meanwhile and the scheduler fills these in (migrations/0011 indexes through them).
     */
    searchTitle: text("search_title"),
    searchProblem: text("search_problem"),
    searchSolution: text("search_solution"),
  },
  (t) => [
    index("ideas_list_new").on(t.agencyId, t.listed, t.submittedAt, t.id),
    index("ideas_list_votes").on(t.agencyId, t.listed, t.voteCount, t.id),
    index("ideas_list_hot").on(t.agencyId, t.listed, t.hot, t.id),
    index("ideas_list_comments").on(t.agencyId, t.listed, t.commentCount, t.id),
    index("ideas_list_score").on(t.agencyId, t.listed, t.reviewScore, t.id),
    index("ideas_campaign_new").on(t.campaignId, t.listed, t.submittedAt, t.id),
    index("ideas_campaign_votes").on(t.campaignId, t.listed, t.voteCount, t.id),
    index("ideas_status").on(t.agencyId, t.status, t.submittedAt, t.id),
    // the chair's ranking: the campaign's ideas in review and decided, not every idea of the campaign
    index("ideas_campaign_status").on(t.campaignId, t.status),
    index("ideas_author").on(t.authorId, t.createdAt),
    index("ideas_library").on(t.status, t.decidedAt),
    index("ideas_replicates").on(t.replicatesId),
    index("ideas_replicated").on(t.agencyId, t.replicationCount),
    index("ideas_reported").on(t.agencyId, t.reportCount),
    // the moderation page's "hidden" list: the few hidden ideas, not every idea of the agency
    index("ideas_hidden")
      .on(t.agencyId, t.hiddenAt)
      .where(sql`hidden_at IS NOT NULL`),
    // the scheduler's queue of ideas whose search text is still to be normalised
    index("ideas_search_pending")
      .on(t.id)
      .where(sql`search_title IS NULL OR search_problem IS NULL OR search_solution IS NULL`),
    check("ideas_counts", sql`${t.voteCount} >= 0 AND ${t.commentCount} >= 0`),
    check("ideas_listed", sql`${t.listed} = (${t.status} NOT IN ('draft', 'withdrawn', 'merged'))`),
    check("ideas_merged", sql`(${t.status} = 'merged') = (${t.mergedIntoId} IS NOT NULL)`),
  ],
);

/** The team: the author plus co-authors, who must accept (accepted_at) before they count. */
export const ideaAuthors = sqliteTable(
  "idea_authors",
  {
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: ["author", "coauthor"] }).notNull(),
    invitedAt: integer("invited_at").notNull(),
    acceptedAt: integer("accepted_at"),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.userId] }), index("idea_authors_user").on(t.userId, t.acceptedAt)],
);

/** Append-only workflow history. */
export const ideaEvents = sqliteTable(
  "idea_events",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    actorId: integer("actor_id").references(() => users.id),
    action: text("action").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    reason: text("reason"),
    at: integer("at").notNull(),
  },
  (t) => [index("idea_events_idea").on(t.ideaId, t.at), index("idea_events_agency_at").on(t.agencyId, t.at)],
);

export const attachments = sqliteTable(
  "attachments",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    r2Key: text("r2_key").notNull().unique(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    /** `attachment`: part of the proposal; `evidence`: proof of implementation. */
    kind: text("kind", { enum: ["attachment", "evidence"] })
      .notNull()
      .default("attachment"),
    uploadedBy: integer("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [index("attachments_idea").on(t.ideaId)],
);

export const votes = sqliteTable(
  "votes",
  {
    id: integer("id").primaryKey(),
    // no foreign keys on the agency, campaign and unit: the vote copies them from its idea and voter
    // in the statement that writes it (an `INSERT … SELECT`), and each would cost a read (issue 22);
    // the idea and the voter keep theirs
    agencyId: integer("agency_id").notNull(),
    campaignId: integer("campaign_id").notNull(),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** The voter's unit when they voted: where support came from. */
    unitId: integer("unit_id").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("votes_idea_user").on(t.ideaId, t.userId),
    index("votes_user_campaign").on(t.userId, t.campaignId),
  ],
);

export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    /** One level of replies: a reply's parent is a top-level comment. */
    parentId: integer("parent_id").references((): AnySQLiteColumn => comments.id),
    body: text("body").notNull(),
    editedAt: integer("edited_at"),
    deletedAt: integer("deleted_at"),
    hiddenAt: integer("hidden_at"),
    hiddenReason: text("hidden_reason"),
    hiddenBy: integer("hidden_by").references(() => users.id),
    reportCount: integer("report_count").notNull().default(0),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("comments_idea").on(t.ideaId, t.parentId, t.createdAt),
    index("comments_reported").on(t.agencyId, t.reportCount),
    index("comments_hidden")
      .on(t.agencyId, t.hiddenAt)
      .where(sql`hidden_at IS NOT NULL`),
  ],
);

export const commentReports = sqliteTable(
  "comment_reports",
  {
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] })],
);

/** Reports of an idea to the agency admin, one per person, with the reason. */
export const ideaReports = sqliteTable(
  "idea_reports",
  {
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.userId] })],
);

export const commentMentions = sqliteTable(
  "comment_mentions",
  {
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] }), index("comment_mentions_user").on(t.userId)],
);

export const follows = sqliteTable(
  "follows",
  {
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.userId] }), index("follows_user").on(t.userId)],
);

// ── Review committees (issue 6) ─────────────────────────────────────────────────────────────

export const reviewAssignments = sqliteTable(
  "review_assignments",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    reviewerId: integer("reviewer_id")
      .notNull()
      .references(() => users.id),
    dueAt: integer("due_at").notNull(),
    assignedBy: integer("assigned_by").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    /** When the scheduler last reminded the reviewer (at most once per due date). */
    remindedAt: integer("reminded_at"),
  },
  (t) => [
    uniqueIndex("review_assignments_idea_reviewer").on(t.ideaId, t.reviewerId),
    index("review_assignments_reviewer").on(t.reviewerId, t.dueAt),
    index("review_assignments_campaign").on(t.campaignId, t.reviewerId),
    // the scheduler's reminder looks up assignments falling due in the next 48 hours
    index("review_assignments_due").on(t.dueAt),
  ],
);

export const reviews = sqliteTable(
  "reviews",
  {
    id: integer("id").primaryKey(),
    assignmentId: integer("assignment_id")
      .notNull()
      .unique()
      .references(() => reviewAssignments.id),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    reviewerId: integer("reviewer_id")
      .notNull()
      .references(() => users.id),
    /** JSON: `{ [criterionKey]: score }` on each criterion's scale. */
    scores: text("scores").notNull().default("{}"),
    /** Weighted mean of `scores`, scaled to 0–100; null until every criterion is scored. */
    score: real("score"),
    /** Private to the committee. */
    note: text("note").notNull().default(""),
    recommendation: text("recommendation", { enum: ["shortlist", "approve", "reject"] }),
    state: text("state", { enum: ["draft", "submitted"] })
      .notNull()
      .default("draft"),
    submittedAt: integer("submitted_at"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("reviews_idea").on(t.ideaId, t.state),
    index("reviews_campaign_reviewer").on(t.campaignId, t.reviewerId, t.state),
  ],
);

/** What was implemented, where and when, with evidence (an attachment of kind `evidence`). */
export const implementationReports = sqliteTable("implementation_reports", {
  ideaId: integer("idea_id")
    .primaryKey()
    .references(() => ideas.id),
  agencyId: integer("agency_id")
    .notNull()
    .references(() => agencies.id),
  implementedOn: text("implemented_on").notNull(),
  unitId: integer("unit_id")
    .notNull()
    .references(() => units.id),
  summary: text("summary").notNull(),
  evidenceAttachmentId: integer("evidence_attachment_id").references(() => attachments.id),
  /** What it has achieved so far (figures, reach), in the team's words; null when not yet said. */
  results: text("results"),
  /** The innovation's form (`domain/library.ts`, PP 38/2017): the library filters by it; null when not said. */
  form: text("form", { enum: INNOVATION_FORMS }),
  reportedBy: integer("reported_by")
    .notNull()
    .references(() => users.id),
  createdAt: integer("created_at").notNull(),
});

/** Follow-up news of an implemented idea from its team: append-only, each with optional figures. */
export const implementationUpdates = sqliteTable(
  "implementation_updates",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => implementationReports.ideaId),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    /** JSON: `[{ label, value, unit }]`, the measures the update reports. */
    figures: text("figures").notNull().default("[]"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("implementation_updates_idea").on(t.ideaId, t.id)],
);

// ── Rewards (issue 7) ───────────────────────────────────────────────────────────────────────

/** Append-only. Corrections are new negative rows, never updates. */
export const pointLedger = sqliteTable(
  "point_ledger",
  {
    id: integer("id").primaryKey(),
    // no foreign keys on the agency and unit: a row copies them from its person as the reward state
    // read them in the same request (agencies and units are never deleted), and each would cost a
    // read per row (issue 22)
    agencyId: integer("agency_id").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** The user's unit when the points were earned: unit leaderboards credit it. */
    unitId: integer("unit_id").notNull(),
    points: integer("points").notNull(),
    eventType: text("event_type").notNull(),
    subjectType: text("subject_type", { enum: ["idea", "vote", "comment", "review", "award"] }).notNull(),
    subjectId: integer("subject_id").notNull(),
    ruleKey: text("rule_key").notNull(),
    rulesVersion: integer("rules_version").notNull(),
    /** Retrying the cause can never pay twice. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    actorId: integer("actor_id").references(() => users.id),
    /** Day in the agency's time zone (YYYY-MM-DD), for daily caps. */
    day: text("day").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [
    index("point_ledger_user_at").on(t.userId, t.at),
    // daily caps count today's paying rows and count badges sum a rule's rows: `points` in the index
    // keeps both inside it, and a cap reads the paying rows only (issue 22)
    index("point_ledger_user_rule_day_points").on(t.userId, t.ruleKey, t.day, t.points),
  ],
);

/**
 * The running totals of a person or unit: one row per (agency, subject), its all-time points and the
 * points of the newest year, quarter and month it has folded, side by side (issue 22: a fold writes
 * one row a subject, not one a period). A period's key is stored with its points; a board of the
 * current period reads the rows whose key is that period, so a key gone stale simply drops out.
 */
export const pointTotals = sqliteTable(
  "point_totals",
  {
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    subjectType: text("subject_type", { enum: ["user", "unit"] }).notNull(),
    subjectId: integer("subject_id").notNull(),
    allPoints: integer("all_points").notNull().default(0),
    /** `YYYY` */
    yearKey: text("year_key").notNull(),
    yearPoints: integer("year_points").notNull().default(0),
    /** `YYYY-Qn` */
    quarterKey: text("quarter_key").notNull(),
    quarterPoints: integer("quarter_points").notNull().default(0),
    /** `YYYY-MM` */
    monthKey: text("month_key").notNull(),
    monthPoints: integer("month_points").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.subjectType, t.subjectId] }),
    // people only: a unit board reads its agency's few units by the primary key, and a unit's
    // totals then move without index entries (one row written: docs/cost-and-round-trips.md)
    index("point_totals_month_board")
      .on(t.agencyId, t.monthKey, t.monthPoints)
      .where(sql`subject_type = 'user'`),
    index("point_totals_quarter_board")
      .on(t.agencyId, t.quarterKey, t.quarterPoints)
      .where(sql`subject_type = 'user'`),
    index("point_totals_year_board")
      .on(t.agencyId, t.yearKey, t.yearPoints)
      .where(sql`subject_type = 'user'`),
    index("point_totals_all_board")
      .on(t.agencyId, t.allPoints)
      .where(sql`subject_type = 'user'`),
  ],
);

export const userBadges = sqliteTable(
  "user_badges",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    badgeKey: text("badge_key").notNull(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** JSON: what earned it. */
    cause: text("cause").notNull().default("{}"),
    at: integer("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.badgeKey] })],
);

/** Versioned reward rules per agency; the newest version is in force. */
export const rewardRules = sqliteTable(
  "reward_rules",
  {
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    version: integer("version").notNull(),
    /** JSON: `{ [ruleKey]: { points, dailyCap?, perSubjectCap? } }`. */
    rules: text("rules").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.version] })],
);

export const awards = sqliteTable(
  "awards",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    title: text("title").notNull(),
    citation: text("citation").notNull(),
    periodLabel: text("period_label").notNull(),
    bonusPoints: integer("bonus_points").notNull().default(0),
    announcedBy: integer("announced_by")
      .notNull()
      .references(() => users.id),
    announcedAt: integer("announced_at").notNull(),
    /**
     * A revoked award stays on record: its certificates verify as revoked, its points are reversed.
     * The three are set together by one guarded UPDATE (a CHECK would cost a rebuild of the table).
     */
    revokedAt: integer("revoked_at"),
    revokedBy: integer("revoked_by").references(() => users.id),
    revocationReason: text("revocation_reason"),
  },
  (t) => [index("awards_agency_at").on(t.agencyId, t.announcedAt)],
);

/** One row per recipient (a person, or a unit); each has its own verifiable certificate. */
export const awardRecipients = sqliteTable(
  "award_recipients",
  {
    id: integer("id").primaryKey(),
    awardId: integer("award_id")
      .notNull()
      .references(() => awards.id),
    userId: integer("user_id").references(() => users.id),
    unitId: integer("unit_id").references(() => units.id),
    /** Unguessable, public: `GET /api/v1/certificates/{code}`. */
    certificateCode: text("certificate_code").notNull().unique(),
  },
  (t) => [
    index("award_recipients_award").on(t.awardId),
    index("award_recipients_user").on(t.userId),
    check("award_recipients_one", sql`(${t.userId} IS NULL) <> (${t.unitId} IS NULL)`),
  ],
);

export const awardIdeas = sqliteTable(
  "award_ideas",
  {
    awardId: integer("award_id")
      .notNull()
      .references(() => awards.id),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
  },
  // the leader's home: "is this idea named by any award yet?" by idea
  (t) => [primaryKey({ columns: [t.awardId, t.ideaId] }), index("award_ideas_idea").on(t.ideaId)],
);

// ── Notifications and the scheduler (issue 8) ───────────────────────────────────────────────

export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    /** JSON: what the UI needs to say it (idea id and title, actor name, points, …). */
    payload: text("payload").notNull().default("{}"),
    /** One notification per cause and person: a retried cause changes nothing. */
    dedupeKey: text("dedupe_key").notNull().unique(),
    createdAt: integer("created_at").notNull(),
    readAt: integer("read_at"),
  },
  (t) => [index("notifications_user").on(t.userId, t.id), index("notifications_unread").on(t.userId, t.readAt)],
);

/** Kinds a person turned off (everything is on by default). */
export const notificationMutes = sqliteTable(
  "notification_mutes",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** Each phase a campaign entered, recorded once by the scheduler. */
export const campaignPhaseEvents = sqliteTable(
  "campaign_phase_events",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    phase: text("phase").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.phase] })],
);

/**
 * Words an agency treats as the same in search (`Disdukcapil`, `Dinas Kependudukan dan Pencatatan
 * Sipil`): a query for one finds the others. Edited by the agency admin; read at query time, so a
 * change needs no reindexing.
 */
export const searchSynonyms = sqliteTable(
  "search_synonyms",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** JSON array of two or more words or phrases, as the admin wrote them. */
    terms: text("terms").notNull(),
    updatedAt: integer("updated_at").notNull().default(now),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [index("search_synonyms_agency").on(t.agencyId, t.id)],
);

/** How far the scheduler has turned each source table's rows into notifications (by id). */
export const jobWatermarks = sqliteTable("job_watermarks", {
  name: text("name").primaryKey(),
  lastId: integer("last_id").notNull().default(0),
});

// ── Dashboards (issue 8) ────────────────────────────────────────────────────────────────────

/**
 * Running counters the scheduler keeps from new rows (idea events, votes, comments), so that a
 * dashboard reads a few rows instead of the whole history. `campaign_id` 0 = the whole agency.
 * Metrics: `funnel` (bucket = status reached), `submitted_month` (YYYY-MM), `submitted_category`,
 * `submitted_unit` (unit id), `decision_ms_sum` / `decision_count` (bucket "all").
 */
export const statsCounters = sqliteTable(
  "stats_counters",
  {
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    campaignId: integer("campaign_id").notNull(),
    metric: text("metric").notNull(),
    bucket: text("bucket").notNull(),
    value: integer("value").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.campaignId, t.metric, t.bucket] })],
);

/** Who took part, and how (`submitted`, `voted`, `commented`, `any`), per campaign (0 = anywhere in the agency). */
export const participants = sqliteTable(
  "participants",
  {
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    campaignId: integer("campaign_id").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** `any` rows count each person once, whatever they did. */
    activity: text("activity", { enum: ["submitted", "voted", "commented", "any"] }).notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.campaignId, t.activity, t.userId] })],
);

// ── Reaching people outside the app (issue 17) ──────────────────────────────────────────────

/**
 * One-time links and codes: account activation (e-mailed link or printed code) and password reset.
 * Only the SHA-256 of the token is stored; a token is used once, expires, and is revoked when the
 * account is activated or its password reset through another one.
 */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    purpose: text("purpose", { enum: ["activation", "reset"] }).notNull(),
    /** `email` (a link in an e-mail) or `sheet` (a code on the printed activation sheet). */
    channel: text("channel", { enum: ["email", "sheet"] }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("account_tokens_user").on(t.userId, t.purpose)],
);

/**
 * Messages that leave the system, written in the same batch as their cause and sent by the
 * scheduler with retries. `dedupe_key` is unique (one message per cause and person) and gives
 * the Message-ID, so a retried cause or a retried send never makes a second message.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    /** JSON: what the template needs (a link, an idea's title, …); emptied once sent when it holds a secret. */
    payload: text("payload").notNull().default("{}"),
    dedupeKey: text("dedupe_key").notNull().unique(),
    state: text("state", { enum: ["pending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    /** A sender holds a message until this time, so two overlapping runs never send it twice. */
    leaseUntil: integer("lease_until").notNull().default(0),
    lastError: text("last_error"),
    /** Random, for the message's unsubscribe link (it can only move the kind to in-app only). */
    unsubscribeToken: text("unsubscribe_token"),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
  },
  (t) => [index("outbox_due").on(t.state, t.nextAttemptAt), uniqueIndex("outbox_unsubscribe").on(t.unsubscribeToken)],
);

/** How a person wants a kind delivered when it differs from the kind's default (`domain/notifications`). */
export const notificationChannels = sqliteTable(
  "notification_channels",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    channel: text("channel", { enum: ["email", "digest", "app"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

// ── Push and webhooks (issue 17) ────────────────────────────────────────────────────────────

/** A browser (the installed PWA) that receives Web Push for its person (RFC 8030/8291). */
export const pushSubscriptions = sqliteTable(
  "push_subscriptions",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** the push service's URL for this browser: one browser, one row */
    endpoint: text("endpoint").notNull().unique(),
    /** the browser's P-256 public key and auth secret, base64url */
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("push_subscriptions_user").on(t.userId)],
);

/** An admin's HTTPS endpoint that receives the agency's notifications of chosen kinds, signed. */
export const webhooks = sqliteTable(
  "webhooks",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    name: text("name").notNull(),
    url: text("url").notNull(),
    /** JSON array of notification kinds it receives */
    kinds: text("kinds").notNull(),
    /** the HMAC-SHA256 key; shown once at creation, needed at every delivery */
    secret: text("secret").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    deletedAt: integer("deleted_at"),
  },
  (t) => [index("webhooks_agency").on(t.agencyId)],
);

/**
 * The queue and log of messages that leave through push or a webhook: one row per notification and
 * target, written in the notification's batch, sent by the scheduler with retries and backoff.
 */
export const deliveries = sqliteTable(
  "deliveries",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    channel: text("channel", { enum: ["push", "webhook"] }).notNull(),
    notificationId: integer("notification_id")
      .notNull()
      .references(() => notifications.id),
    /** the push subscription (deleted with it) or the webhook */
    subscriptionId: integer("subscription_id").references(() => pushSubscriptions.id, { onDelete: "cascade" }),
    webhookId: integer("webhook_id").references(() => webhooks.id),
    /** `<channel>:<notification>:<target>`: a retried cause never queues twice */
    dedupeKey: text("dedupe_key").notNull().unique(),
    state: text("state", { enum: ["pending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** when the scheduler may (re)try it; while a try runs, pushed out by a lease */
    nextAttemptAt: integer("next_attempt_at").notNull(),
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("deliveries_due").on(t.state, t.nextAttemptAt),
    index("deliveries_webhook").on(t.webhookId, t.id),
    check(
      "deliveries_target",
      sql`(${t.channel} = 'push' AND ${t.subscriptionId} IS NOT NULL) OR (${t.channel} = 'webhook' AND ${t.webhookId} IS NOT NULL)`,
    ),
  ],
);

/**
 * The ranking's vote-burst finding per idea (domain/voting.ts `detectBurst`), computed when the
 * ranking first needs it and kept until the idea's votes change: triggers on `votes`
 * (migrations/0020) delete the row on every vote and retraction, so a kept finding is always that of
 * the idea's current votes. Without it every opening of the ranking read every vote of every ranked
 * idea (9,384 rows at the bench's L scale).
 */
export const ideaBurstFindings = sqliteTable("idea_burst_findings", {
  // no foreign key: a cache never stands in the way of removing its idea
  ideaId: integer("idea_id").primaryKey(),
  /** the idea's vote count the finding was computed from: a finding saved while a vote raced it is not used */
  voteCount: integer("vote_count").notNull(),
  flagged: integer("flagged", { mode: "boolean" }).notNull(),
  /** the reported window (see `BurstFinding`); all null when the idea has no votes */
  windowStart: integer("window_start"),
  windowEnd: integer("window_end"),
  windowVotes: integer("window_votes"),
  windowFromAuthorUnit: integer("window_from_author_unit"),
  computedAt: integer("computed_at").notNull(),
});

// ── Innovation profile, evidence and dossier (issue 20.1, 20.2, 20.6) ─────────────────────────

/**
 * The innovation profile of an approved idea (IID/KIPP fields), one per idea, edited by its team
 * and admins until a competition round's entry sets `locked_at` (`lockProfile`).
 */
export const innovationProfiles = sqliteTable(
  "innovation_profiles",
  {
    ideaId: integer("idea_id")
      .primaryKey()
      .references(() => ideas.id),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    stage: text("stage", { enum: INNOVATION_STAGES }).notNull(),
    /** `YYYY-MM-DD` on the agency's calendar */
    trialDate: text("trial_date"),
    implementationDate: text("implementation_date"),
    innovationType: text("innovation_type", { enum: INNOVATION_TYPES }).notNull(),
    form: text("form", { enum: INNOVATION_FORMS }).notNull(),
    /** a key of `URUSAN_LABEL` (domain/innovation-profile.ts) */
    urusan: text("urusan").notNull(),
    /** JSON array of SDG numbers 1–17 */
    sdgs: text("sdgs").notNull().default("[]"),
    objectives: text("objectives").notNull(),
    targetGroups: text("target_groups").notNull(),
    /** whole rupiah */
    budgetAmount: integer("budget_amount"),
    budgetSource: text("budget_source", { enum: BUDGET_SOURCES }),
    legalBasisNumber: text("legal_basis_number"),
    legalBasisDate: text("legal_basis_date"),
    videoUrl: text("video_url"),
    /** JSON: `[{ key, name, unit, before, after }]`; evidence names an indicator by its key */
    indicators: text("indicators").notNull().default("[]"),
    /** set once the profile is entered in a competition round; no change after */
    lockedAt: integer("locked_at"),
    updatedBy: integer("updated_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("innovation_profiles_agency").on(t.agencyId),
    check("innovation_profiles_video_https", sql`${t.videoUrl} IS NULL OR ${t.videoUrl} LIKE 'https://%'`),
  ],
);

/** A piece of evidence in a typed slot: a file (bytes in R2, as attachments) or an https link. */
export const innovationEvidence = sqliteTable(
  "innovation_evidence",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    kind: text("kind", { enum: EVIDENCE_KINDS }).notNull(),
    /** the indicator of the profile it supports; null: the innovation as a whole */
    indicatorKey: text("indicator_key"),
    title: text("title").notNull(),
    url: text("url"),
    r2Key: text("r2_key").unique(),
    fileName: text("file_name"),
    contentType: text("content_type"),
    size: integer("size"),
    addedBy: integer("added_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("innovation_evidence_idea").on(t.ideaId, t.id),
    check(
      "innovation_evidence_file_or_link",
      sql`(${t.url} IS NULL) <> (${t.r2Key} IS NULL) AND (${t.url} IS NULL OR ${t.url} LIKE 'https://%')`,
    ),
  ],
);

// ── Sign-in with the agency's own OpenID provider (docs/sign-in-oidc.md) ─────────────────────────

/**
 * An agency's OpenID Connect provider, set by its admin. The client secret is AES-GCM encrypted with
 * the Worker secret OIDC_SECRET_KEY (src/lib/secret-box.ts); the row never holds it in clear.
 */
export const agencyOidc = sqliteTable(
  "agency_oidc",
  {
    agencyId: integer("agency_id")
      .primaryKey()
      .references(() => agencies.id),
    /** what the sign-in button says: "Masuk dengan <displayName>" */
    displayName: text("display_name").notNull(),
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    /** `v1.<iv>.<ciphertext>` base64url, or null for a public client (PKCE alone) */
    clientSecretSealed: text("client_secret_sealed"),
    scope: text("scope").notNull().default("openid profile"),
    /** the claim of the ID token (or UserInfo) that carries the NIP */
    nipClaim: text("nip_claim").notNull().default("nip"),
    /** false: password sign-in is refused for the agency's people; they use the provider */
    passwordSignIn: integer("password_sign_in", { mode: "boolean" }).notNull().default(true),
    updatedAt: integer("updated_at").notNull(),
    updatedBy: integer("updated_by").references(() => users.id),
  },
  (t) => [check("agency_oidc_scope_openid", sql`(' ' || ${t.scope} || ' ') LIKE '% openid %'`)],
);

/**
 * A sign-in through the provider in flight: state, nonce and PKCE verifier kept on the server, bound
 * to the browser that started it (the hash of a cookie's value), taken once (deleted when used).
 */
export const oidcStates = sqliteTable(
  "oidc_states",
  {
    /** SHA-256 of the `state` parameter */
    stateHash: text("state_hash").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** SHA-256 of the value of the browser's `__Host-gagas_oidc` cookie */
    browserHash: text("browser_hash").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    /** the same-origin page to open after signing in */
    next: text("next").notNull().default("/"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("oidc_states_expiry").on(t.expiresAt)],
);

// ── Problem bank: citizen complaints grouped into problems (issue 21.1) ─────────────────────

/**
 * A problem worth solving: a group of similar citizen complaints (`source` = complaints) or a
 * challenge an admin wrote (`challenge`). `signature` holds the normalised words the grouping
 * compares new complaints with; `complaint_count` is kept exact by every batch that moves complaints.
 */
export const problems = sqliteTable(
  "problems",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** the unit concerned, if any */
    unitId: integer("unit_id").references(() => units.id),
    category: text("category").notNull().default(""),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    source: text("source", { enum: ["complaints", "challenge"] }).notNull(),
    /** space-separated normalised words (domain/complaint-grouping.ts) */
    signature: text("signature").notNull().default(""),
    complaintCount: integer("complaint_count").notNull().default(0),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("problems_agency_count").on(t.agencyId, t.complaintCount, t.id),
    index("problems_agency_group").on(t.agencyId, t.unitId, t.category),
    check("problems_count", sql`${t.complaintCount} >= 0`),
  ],
);

/**
 * One citizen complaint as imported: never the complainant's name, phone, e-mail or NIK (the import
 * drops such columns and strips such numbers from the text). `external_id` is the report's id in
 * SP4N-LAPOR! or the agency's own complaint app: importing it again changes nothing.
 */
export const complaints = sqliteTable(
  "complaints",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    problemId: integer("problem_id")
      .notNull()
      .references(() => problems.id),
    externalId: text("external_id").notNull(),
    receivedAt: integer("received_at").notNull(),
    channel: text("channel").notNull().default(""),
    category: text("category").notNull().default(""),
    title: text("title").notNull().default(""),
    text: text("text").notNull(),
    location: text("location").notNull().default(""),
    unitId: integer("unit_id").references(() => units.id),
    status: text("status").notNull().default(""),
    importedBy: integer("imported_by").references(() => users.id),
    importedAt: integer("imported_at").notNull(),
  },
  (t) => [
    uniqueIndex("complaints_agency_external").on(t.agencyId, t.externalId),
    index("complaints_problem").on(t.problemId, t.receivedAt),
  ],
);

/** An idea that answers a problem (linked by its team or an admin). */
export const problemIdeas = sqliteTable(
  "problem_ideas",
  {
    problemId: integer("problem_id")
      .notNull()
      .references(() => problems.id),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    linkedBy: integer("linked_by").references(() => users.id),
    linkedAt: integer("linked_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.problemId, t.ideaId] }), index("problem_ideas_idea").on(t.ideaId)],
);

/** A campaign a leader opened from a problem. */
export const problemCampaigns = sqliteTable(
  "problem_campaigns",
  {
    problemId: integer("problem_id")
      .notNull()
      .references(() => problems.id),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.problemId, t.campaignId] }), index("problem_campaigns_campaign").on(t.campaignId)],
);

// ---------------------------------------------------------------------------------------------
// API tokens (issue 21.5): access for other systems without a browser cookie
// ---------------------------------------------------------------------------------------------

/**
 * A bearer token for another system. `personal`: acts as its person (`user_id`), never beyond the
 * chosen scopes nor the person's own permissions; `service`: the agency's, tied to no person. Only
 * the SHA-256 of the secret is stored (`token_hash`); `prefix` is its first characters, to tell
 * tokens apart in a list. Revoked and expired rows stay for the record.
 */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    kind: text("kind", { enum: ["personal", "service"] }).notNull(),
    /** the person a personal token acts as; null for a service token */
    userId: integer("user_id").references(() => users.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    /** JSON array of scopes (domain/api-scopes) */
    scopes: text("scopes").notNull(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
    revokedBy: integer("revoked_by").references(() => users.id),
  },
  (t) => [
    index("api_tokens_user").on(t.userId, t.createdAt),
    index("api_tokens_agency_kind").on(t.agencyId, t.kind, t.createdAt),
    check(
      "api_tokens_owner",
      sql`(${t.kind} = 'personal' AND ${t.userId} IS NOT NULL) OR (${t.kind} = 'service' AND ${t.userId} IS NULL)`,
    ),
  ],
);

// ── Career record: the innovation portfolio (issue 21.2) ────────────────────────────────────

/**
 * An issued innovation record (rekam jejak inovasi): what the person's record held on the day it was
 * issued, frozen, with the public code its PDF carries. Revoking keeps the row: the code then
 * verifies as revoked.
 */
export const careerRecords = sqliteTable(
  "career_records",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** Unguessable, public: `GET /api/v1/career-records/{code}`. */
    code: text("code").notNull().unique(),
    /** JSON `CareerRecord` (`domain/career-record.ts`) as it stood when issued. */
    content: text("content").notNull(),
    issuedAt: integer("issued_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("career_records_user").on(t.userId, t.id)],
);

/** A person's public share page of their live record: present while they share it, gone when they stop. */
export const careerShares = sqliteTable("career_shares", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id),
  agencyId: integer("agency_id")
    .notNull()
    .references(() => agencies.id),
  /** Unguessable, in the public address `/rekam-jejak/bagikan/{code}`; a new one each time sharing starts. */
  code: text("code").notNull().unique(),
  createdAt: integer("created_at").notNull(),
});

// ── Competition rounds, eligibility gates, external reviewers (issue 20.3–20.5) ─────────────

/** A campaign run as a competition of several rounds: its gates (JSON, `domain/eligibility.ts` `Gates`). */
export const competitions = sqliteTable("competitions", {
  campaignId: integer("campaign_id")
    .primaryKey()
    .references(() => campaigns.id),
  agencyId: integer("agency_id")
    .notNull()
    .references(() => agencies.id),
  gates: text("gates").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** One round of a competition; its items (JSON) are a checklist (pass/fail) or a rubric. */
export const competitionRounds = sqliteTable(
  "competition_rounds",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["checklist", "rubric"] }).notNull(),
    /** share of the final score, 0–100 */
    weight: integer("weight").notNull(),
    advanceMode: text("advance_mode", { enum: ["all", "top", "grade"] }).notNull(),
    /** N for `top`, the grade for `grade` */
    advanceValue: integer("advance_value"),
    /** JSON: `[{ key, label, weight, scaleMax }]` */
    items: text("items").notNull(),
    blind: integer("blind", { mode: "boolean" }).notNull().default(true),
    normalised: integer("normalised", { mode: "boolean" }).notNull().default(false),
    /** presentation slots: the first slot and each slot's length */
    slotStart: integer("slot_start"),
    slotMinutes: integer("slot_minutes"),
    state: text("state", { enum: ["draft", "open", "closed"] })
      .notNull()
      .default("draft"),
    openedAt: integer("opened_at"),
    closedAt: integer("closed_at"),
  },
  (t) => [
    uniqueIndex("competition_rounds_position").on(t.campaignId, t.position),
    check("competition_rounds_weight", sql`${t.weight} BETWEEN 0 AND 100`),
  ],
);

/** A round's panel: colleagues with the reviewer role or external (guest) reviewers. */
export const roundMembers = sqliteTable(
  "round_members",
  {
    roundId: integer("round_id")
      .notNull()
      .references(() => competitionRounds.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] }), index("round_members_user").on(t.userId)],
);

/** An innovation (an approved idea) entered into a competition, once it passed the gates. */
export const competitionEntries = sqliteTable(
  "competition_entries",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    group: text("entry_group", { enum: ["umum", "replikasi", "khusus"] }).notNull(),
    /** `YYYY-MM-DD`: the day the innovation started running */
    operatingSince: text("operating_since").notNull(),
    /** the calendar year of entry in the agency's zone (one entry per innovation per year) */
    year: integer("year").notNull(),
    enteredBy: integer("entered_by")
      .notNull()
      .references(() => users.id),
    enteredAt: integer("entered_at").notNull(),
  },
  (t) => [
    uniqueIndex("competition_entries_idea").on(t.campaignId, t.ideaId),
    index("competition_entries_idea_year").on(t.ideaId, t.year),
    index("competition_entries_unit").on(t.campaignId, t.unitId, t.group),
  ],
);

/** An entry in a round and how it came out. */
export const roundEntries = sqliteTable(
  "round_entries",
  {
    roundId: integer("round_id")
      .notNull()
      .references(() => competitionRounds.id),
    entryId: integer("entry_id")
      .notNull()
      .references(() => competitionEntries.id),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    outcome: text("outcome", { enum: ["pending", "advanced", "eliminated"] })
      .notNull()
      .default("pending"),
    /** the round's score (normalised when the round says so), written when it closes */
    score: real("score"),
    rawScore: real("raw_score"),
    rank: integer("rank"),
    scheduledAt: integer("scheduled_at"),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.entryId] }), index("round_entries_entry").on(t.entryId)],
);

/** One panel member's sheet for one entry in one round: conflict declaration, scores, submission. */
export const roundAssignments = sqliteTable(
  "round_assignments",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    roundId: integer("round_id")
      .notNull()
      .references(() => competitionRounds.id),
    entryId: integer("entry_id")
      .notNull()
      .references(() => competitionEntries.id),
    reviewerId: integer("reviewer_id")
      .notNull()
      .references(() => users.id),
    /** `undeclared` until the reviewer declares; `conflict` takes the sheet out of the round */
    conflict: text("conflict", { enum: ["undeclared", "none", "conflict"] })
      .notNull()
      .default("undeclared"),
    conflictReason: text("conflict_reason").notNull().default(""),
    /** JSON: `{ [itemKey]: value }` */
    scores: text("scores").notNull().default("{}"),
    score: real("score"),
    note: text("note").notNull().default(""),
    state: text("state", { enum: ["draft", "submitted"] })
      .notNull()
      .default("draft"),
    submittedAt: integer("submitted_at"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("round_assignments_sheet").on(t.roundId, t.entryId, t.reviewerId),
    index("round_assignments_reviewer").on(t.reviewerId, t.roundId),
  ],
);

/** An external reviewer's account details: the `users` row holds `guest` as its only role. */
export const guestReviewers = sqliteTable(
  "guest_reviewers",
  {
    userId: integer("user_id")
      .primaryKey()
      .references(() => users.id),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    institution: text("institution").notNull(),
    expertise: text("expertise").notNull().default(""),
    invitedBy: integer("invited_by")
      .notNull()
      .references(() => users.id),
    invitedAt: integer("invited_at").notNull(),
  },
  (t) => [index("guest_reviewers_agency").on(t.agencyId, t.invitedAt)],
);

/**
 * A photo a panel member took for one item of a checklist round (field verification), on their own
 * sheet: the bytes in R2 (the attachments' bucket, under `rounds/<round>/<sheet>/…`), the row here.
 */
export const roundPhotos = sqliteTable(
  "round_photos",
  {
    id: integer("id").primaryKey(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => roundAssignments.id),
    /** the checklist item's key in its round's `items` */
    itemKey: text("item_key").notNull(),
    r2Key: text("r2_key").notNull().unique(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    uploadedBy: integer("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("round_photos_sheet").on(t.assignmentId, t.itemKey)],
);
