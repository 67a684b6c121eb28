/** Awards as the API shows them: to the agency's people, and on the public Hall of Fame. */
import type { AwardRows } from "../../db/queries/awards.queries";
import { can } from "../../domain/policy";
import type { Actor } from "../../env";
import { iso } from "../../lib/time";

type AwardRow = AwardRows["page"][number];
type RecipientRow = AwardRows["recipients"][number];

function grouped<T extends { awardId: number }>(rows: readonly T[]) {
  const by = new Map<number, T[]>();
  for (const row of rows) by.set(row.awardId, [...(by.get(row.awardId) ?? []), row]);
  return by;
}

/**
 * Each award with its recipients and ideas. A certificate code is shown only to whoever may
 * download that certificate (the recipient, leaders, admins): a code is the key to verifying it.
 */
export function toAwards(rows: AwardRows, actor: Actor, awardsShown: readonly AwardRow[] = rows.page) {
  const recipients = grouped(rows.recipients);
  const ideas = grouped(rows.linked);
  return awardsShown.map((a) => ({
    id: a.id,
    title: a.title,
    citation: a.citation,
    periodLabel: a.periodLabel,
    bonusPoints: a.bonusPoints,
    announcedAt: iso(a.announcedAt),
    announcedBy: { id: a.announcerId, name: a.announcerName, position: a.announcerPosition },
    recipients: (recipients.get(a.id) ?? []).map((r) => toRecipient(r, actor)),
    ideas: (ideas.get(a.id) ?? []).map(({ id, title }) => ({ id, title })),
    revoked:
      a.revokedAt !== null
        ? {
            at: iso(a.revokedAt),
            by: { id: a.revokerId ?? 0, name: a.revokerName ?? "" },
            reason: a.revocationReason ?? "",
          }
        : null,
  }));
}

function toRecipient(r: RecipientRow, actor: Actor) {
  const mayDownload = can(actor, "award.certificate", {
    agencyId: actor.agencyId,
    ...(r.userId !== null ? { ownerId: r.userId } : {}),
  });
  return {
    id: r.id,
    kind: r.userId !== null ? ("person" as const) : ("unit" as const),
    user: r.userId !== null ? { id: r.userId, name: r.personName ?? "", position: r.personPosition ?? "" } : null,
    unit: { id: r.unitId, name: r.unitName },
    certificateCode: mayDownload ? r.certificateCode : null,
    canDownloadCertificate: mayDownload,
  };
}

/** The public view: names, positions, units and idea titles; no ids of people, codes, NIP or e-mail. */
export function toHallOfFame(rows: AwardRows, awardsShown: readonly AwardRow[]) {
  const recipients = grouped(rows.recipients);
  const ideas = grouped(rows.linked);
  return awardsShown.map((a) => ({
    id: a.id,
    title: a.title,
    citation: a.citation,
    periodLabel: a.periodLabel,
    announcedAt: iso(a.announcedAt),
    announcedBy: { name: a.announcerName, position: a.announcerPosition },
    recipients: (recipients.get(a.id) ?? []).map((r) =>
      r.userId !== null
        ? { kind: "person" as const, name: r.personName ?? "", position: r.personPosition ?? "", unitName: r.unitName }
        : { kind: "unit" as const, name: r.unitName, position: null, unitName: r.unitName },
    ),
    ideas: (ideas.get(a.id) ?? []).map(({ title }) => ({ title })),
  }));
}
