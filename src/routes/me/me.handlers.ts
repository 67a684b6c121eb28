import { listActivityOf, listAuditAbout, listSessionsOf } from "../../db/queries/personal-data.queries";
import { getProfile as readProfile } from "../../db/queries/users.queries";
import type { Database } from "../../db/client";
import { localDay } from "../../domain/time-zone";
import type { AppRouteHandler } from "../../lib/create-router";
import { notFound } from "../../lib/problem";
import { actorOf } from "../../middlewares/guard";
import { toAuditEntry } from "../audit-log/audit-log.handlers";
import { toMe } from "../auth/auth.handlers";
import type * as routes from "./me.routes";

async function profileOf(db: Database, userId: number) {
  const row = await readProfile(db, userId);
  if (!row) throw notFound("user");
  return {
    ...toMe(row),
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    lastLoginAt: row.lastLoginAt,
  };
}

/** Of an import batch, only what it did to this person: the others' data is not theirs to take. */
function ownPart(detail: Record<string, unknown>, nip: string): Record<string, unknown> {
  const created = Array.isArray(detail.created) && detail.created.includes(nip);
  const updated = Array.isArray(detail.updated)
    ? (detail.updated as { nip?: string; changes?: unknown }[]).find((u) => u.nip === nip)
    : undefined;
  return created ? { created: true } : { changes: updated?.changes ?? {} };
}

export const getProfile: AppRouteHandler<typeof routes.getProfile> = async (c) => {
  return c.json({ profile: await profileOf(c.var.db, actorOf(c).userId) }, 200);
};

export const exportMyData: AppRouteHandler<typeof routes.exportMyData> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  // what the person may do is the policy's answer of today, not data stored about them
  const { can: _abilities, ...profile } = await profileOf(db, actor.userId);
  const [sessionRows, auditRows, activity] = await Promise.all([
    listSessionsOf(db, actor.userId),
    listAuditAbout(db, { userId: actor.userId, agencyId: actor.agencyId, nip: profile.nip }),
    listActivityOf(db, actor.userId),
  ]);
  const auditTrail = auditRows
    .map(toAuditEntry)
    .map((entry) =>
      entry.action === "user.import" ? { ...entry, detail: ownPart(entry.detail, profile.nip) } : entry,
    );
  const now = Date.now();
  c.header("content-disposition", `attachment; filename="gagas-data-saya-${localDay(now, actor.timeZone)}.json"`);
  c.header("cache-control", "no-store");
  return c.json(
    {
      exportedAt: now,
      profile,
      sessions: sessionRows.map((s) => ({ ...s, current: s.id === actor.sessionId })),
      auditTrail,
      ideas: activity.team,
      votes: activity.votes,
      comments: activity.comments,
      reviews: activity.reviews.map((r) => ({ ...r, scores: JSON.parse(r.scores) as Record<string, number> })),
      points: activity.ledger,
      badges: activity.badges,
      mutedNotifications: activity.mutes.map((m) => m.kind),
    },
    200,
  );
};
