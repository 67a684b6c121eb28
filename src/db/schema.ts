/**
 * Storage: the one source of truth for tables. API schemas are written separately in
 * `routes/<feature>/<f>.schemas.ts` because storage and contract change for different reasons.
 * Times are Unix epoch milliseconds.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

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
