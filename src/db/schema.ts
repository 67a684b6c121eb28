/**
 * Storage: the one source of truth for tables. API schemas are written separately in
 * `routes/<feature>/<f>.schemas.ts` because storage and contract change for different reasons.
 * Times are Unix epoch milliseconds.
 */
import { sql } from "drizzle-orm";
import { IDEA_STATUSES } from "../domain/idea-status";
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

export const agencies = sqliteTable("agencies", {
  id: integer("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  region: text("region").notNull(),
  /** JSON: `{ hallOfFamePublic: boolean, rewardRulesVersion: number }` */
  settings: text("settings").notNull().default("{}"),
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
  (t) => [index("audit_log_agency_at").on(t.agencyId, t.at)],
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
    mergedIntoId: integer("merged_into_id").references((): AnySQLiteColumn => ideas.id),
    replicatesId: integer("replicates_id").references((): AnySQLiteColumn => ideas.id),
    replicationCount: integer("replication_count").notNull().default(0),
    submittedAt: integer("submitted_at"),
    decidedAt: integer("decided_at"),
    createdAt: integer("created_at").notNull().default(now),
    updatedAt: integer("updated_at").notNull().default(now),
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
    index("ideas_author").on(t.authorId, t.createdAt),
    index("ideas_library").on(t.status, t.decidedAt),
    index("ideas_replicates").on(t.replicatesId),
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
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    ideaId: integer("idea_id")
      .notNull()
      .references(() => ideas.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** The voter's unit when they voted: where support came from. */
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
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
