import { getHome as readHome, COUNT_CAP, type HomeRows } from "../../db/queries/home.queries";
import { badgeOf } from "../../domain/badges";
import { currentPhase, type CampaignSchedule, type Phase } from "../../domain/campaign-phase";
import { levelFor } from "../../domain/levels";
import type { AppRouteHandler } from "../../lib/create-router";
import { iso, isoOrNull } from "../../lib/time";
import { actorOf } from "../../middlewares/guard";
import type * as routes from "./me.routes";

const SHOWN = 3;
const FEED = 8;

/** When the current phase ends (upcoming: when submission opens); null for the always-open Kotak Ide. */
export function deadlineOf(c: CampaignSchedule, phase: Phase, now: number): number | null {
  switch (phase) {
    case "upcoming":
      return c.submissionStart;
    case "submission":
      return c.submissionEnd;
    case "voting":
      return c.votingEnd;
    case "review":
      return c.reviewEnd !== null && c.reviewEnd > now ? c.reviewEnd : c.announcementAt;
    default:
      return null;
  }
}

const count = (rows: readonly unknown[]) => Math.min(rows.length, COUNT_CAP + 1);

function toFeed(rows: HomeRows) {
  const entries = [
    ...rows.recentAwards.map((a) => ({ kind: "award" as const, ...a })),
    ...rows.recentImplemented.map((i) => ({ kind: "implemented" as const, ...i })),
  ];
  return entries
    .sort((a, b) => b.at - a.at)
    .slice(0, FEED)
    .map((e) => ({
      kind: e.kind,
      id: e.id,
      title: e.title,
      at: iso(e.at),
      leader: { name: e.leaderName, position: e.leaderPosition },
    }));
}

export const getHome: AppRouteHandler<typeof routes.getHome> = async (c) => {
  const actor = actorOf(c);
  const now = Date.now();
  const admin = actor.roles.includes("admin");
  const leader = actor.roles.includes("leader");
  const rows = await readHome(c.var.db, {
    agencyId: actor.agencyId,
    userId: actor.userId,
    leader,
    admin,
    now,
  });
  const badge = rows.badge ? badgeOf(rows.badge.badgeKey) : undefined;
  return c.json(
    {
      todo: {
        drafts: {
          count: count(rows.drafts),
          items: rows.drafts.slice(0, SHOWN).map((d) => ({ id: d.id, title: d.title, updatedAt: iso(d.updatedAt) })),
        },
        invitations: {
          count: count(rows.invitations),
          items: rows.invitations.slice(0, SHOWN).map((i) => ({
            ideaId: i.ideaId,
            title: i.title,
            authorName: i.authorName,
            invitedAt: iso(i.invitedAt),
          })),
        },
        reviewsDue: {
          count: count(rows.reviewsDue),
          overdue: rows.reviewsDue.filter((r) => r.dueAt < now).length,
          items: rows.reviewsDue.slice(0, SHOWN + 2).map((r) => ({
            assignmentId: r.id,
            ideaId: r.ideaId,
            title: r.title,
            campaignTitle: r.campaignTitle,
            dueAt: iso(r.dueAt),
          })),
        },
        decisions: rows.decisions.filter((d) => d.waiting > 0),
        awardsToAnnounce: leader ? rows.awardable : null,
        reportsToModerate: admin ? Math.min(rows.reportedIdeas + rows.reportedComments, COUNT_CAP + 1) : null,
        notActivated: admin ? rows.notActivated : null,
      },
      campaigns: rows.openCampaigns.map((campaign) => {
        const phase = currentPhase(campaign, now);
        return {
          id: campaign.id,
          title: campaign.title,
          kind: campaign.kind,
          phase,
          deadline: isoOrNull(deadlineOf(campaign, phase, now)),
        };
      }),
      rewards: {
        points: rows.points,
        level: levelFor(rows.points),
        newestBadge: badge && rows.badge ? { key: badge.key, name: badge.name, earnedAt: iso(rows.badge.at) } : null,
      },
      feed: toFeed(rows),
    },
    200,
  );
};
