import { changesOf, runNamedBatch } from "../../db/client";
import {
  announceAwardStatements,
  announcedAwardId,
  announcedBy,
  getAwardReferences,
  getCertificate,
  getCertificateByCode,
  listAwards,
  markerOf,
  revokeAwardStatements,
  revokedBy,
  type NewAward,
} from "../../db/queries/awards.queries";
import { rewardStatements } from "../../db/queries/rewards.queries";
import { getPublicAgency } from "../../db/queries/agencies.queries";
import { parseAgencySettings, placeAndDate, signerFor } from "../../domain/agency-settings";
import { planAward } from "../../domain/awards";
import {
  CODE_BYTES,
  certificateCode,
  normalizeCertificateCode,
  printedNip,
  verificationPath,
} from "../../domain/certificate";
import { tanggalIndonesia } from "../../domain/time-zone";
import { readEmblem } from "../agency/agency.emblem";
import type { Actor } from "../../env";
import type { AppRouteHandler } from "../../lib/create-router";
import { decodeCursor, pageOf } from "../../lib/cursor";
import type { Database } from "../../db/client";
import { ApiError, notFound, validationError } from "../../lib/problem";
import { PUBLIC_CACHE } from "../../lib/http-cache";
import { iso } from "../../lib/time";
import { actorOf, authorize } from "../../middlewares/guard";
import { renderCertificate } from "./awards.certificate";
import type * as routes from "./awards.routes";
import { toAwards, toHallOfFame } from "./awards.view";

/** A fresh certificate code: 140 random bits. */
const newCode = () => certificateCode(crypto.getRandomValues(new Uint8Array(CODE_BYTES)));

async function loadAward(db: Database, actor: Actor, id: number) {
  const rows = await listAwards(db, { agencyId: actor.agencyId, id, limit: 1 });
  const [award] = toAwards(rows, actor);
  if (!award) throw notFound("award");
  return award;
}

export const announce: AppRouteHandler<typeof routes.announce> = async (c) => {
  const actor = actorOf(c);
  const body = c.req.valid("json");
  const db = c.var.db;
  const request = { ...body.recipients, ideaIds: body.ideaIds };
  const plan = planAward(request, await getAwardReferences(db, request), actor.agencyId, actor.userId);
  if (!plan.ok) throw validationError(plan.errors);
  const now = Date.now();
  const award: NewAward = {
    agencyId: actor.agencyId,
    announcerId: actor.userId,
    title: body.title,
    citation: body.citation,
    periodLabel: body.periodLabel,
    bonusPoints: body.bonusPoints,
    people: plan.people.map((userId) => ({ userId, code: newCode() })),
    units: plan.units.map((unitId) => ({ unitId, code: newCode() })),
    ideaIds: plan.ideas,
    at: now,
  };
  const marker = markerOf(award);
  // the bonus of each person, in the same batch, paid only if the award itself was written
  const rewards =
    plan.people.length > 0
      ? await rewardStatements(
          db,
          {
            type: "award_granted",
            agencyId: actor.agencyId,
            actorId: actor.userId,
            at: now,
            awardId: announcedAwardId(marker),
            recipientIds: plan.people,
            points: body.bonusPoints,
          },
          { when: announcedBy(marker) },
        )
      : [];
  const { inserted } = await runNamedBatch(db, { ...announceAwardStatements(db, award), rewards });
  if (changesOf(inserted) === 0) {
    throw new ApiError(
      409,
      "award.already_announced",
      "Your agency already announced an award with this title for this period",
    );
  }
  return c.json(await loadAward(db, actor, inserted!.meta.last_row_id), 201);
};

export const revoke: AppRouteHandler<typeof routes.revoke> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const { id } = c.req.valid("param");
  const { reason } = c.req.valid("json");
  const award = await loadAward(db, actor, id);
  const already = () => new ApiError(409, "award.already_revoked", "This award was already revoked");
  if (award.revoked) throw already();
  const revocation = { awardId: id, agencyId: actor.agencyId, actorId: actor.userId, reason, at: Date.now() };
  // the points it paid go back in the same batch, only if this batch revoked it
  const reversal = await rewardStatements(
    db,
    { type: "award_revoked", agencyId: actor.agencyId, actorId: actor.userId, at: revocation.at, awardId: id },
    { when: revokedBy(revocation) },
  );
  const { revoked: updated } = await runNamedBatch(db, { ...revokeAwardStatements(db, revocation), reversal });
  if (changesOf(updated) === 0) throw already();
  return c.json(await loadAward(db, actor, id), 200);
};

export const list: AppRouteHandler<typeof routes.list> = async (c) => {
  const actor = actorOf(c);
  const { cursor, limit } = c.req.valid("query");
  const after = cursor ? decodeCursor(cursor, ["number", "number"] as const) : undefined;
  const rows = await listAwards(c.var.db, { agencyId: actor.agencyId, limit, ...(after ? { after } : {}) });
  const page = pageOf(rows.page, limit, (a) => [a.announcedAt, a.id]);
  return c.json({ items: toAwards(rows, actor, page.items), nextCursor: page.nextCursor }, 200);
};

export const get: AppRouteHandler<typeof routes.get> = async (c) => {
  const actor = actorOf(c);
  return c.json(await loadAward(c.var.db, actor, c.req.valid("param").id), 200);
};

export const certificate: AppRouteHandler<typeof routes.certificate> = async (c) => {
  const actor = actorOf(c);
  const { id, recipientId } = c.req.valid("param");
  const row = await getCertificate(c.var.db, id, recipientId);
  if (!row) throw notFound("certificate");
  authorize(actor, "award.certificate", {
    agencyId: row.agencyId,
    ...(row.userId !== null ? { ownerId: row.userId } : {}),
  });
  if (row.revokedAt !== null)
    throw new ApiError(409, "award.revoked", "This award was revoked: its certificate is void");
  const person = row.userId !== null;
  const settings = parseAgencySettings(row.agencySettings);
  const signer = signerFor(settings, { name: row.announcerName, position: row.announcerPosition });
  const bytes = await renderCertificate({
    agencyName: row.agencyName,
    emblem: await readEmblem(c.env.ATTACHMENTS, row.emblemKey),
    recipient: person
      ? {
          name: row.personName ?? "",
          nip: row.personNip ? printedNip(row.personNip) : null,
          detail: [row.personPosition, row.unitName].filter(Boolean).join(" · "),
        }
      : { name: row.unitName, nip: null, detail: `Unit kerja ${row.agencyName}` },
    title: row.title,
    citation: row.citation,
    periodLabel: row.periodLabel,
    date: placeAndDate(settings.signingPlace, tanggalIndonesia(row.announcedAt, row.timeZone)),
    signer: { ...signer, nip: signer.nip ? printedNip(signer.nip) : null },
    code: row.code,
    verifyUrl: new URL(verificationPath(row.code), c.req.url).toString(),
    issuedAt: new Date(row.announcedAt),
  });
  return c.body(bytes, 200, {
    "content-type": "application/pdf",
    "content-disposition": `attachment; filename="piagam-${row.code}.pdf"`,
    "content-length": String(bytes.byteLength),
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  });
};

export const hallOfFame: AppRouteHandler<typeof routes.hallOfFame> = async (c) => {
  const { agencySlug } = c.req.valid("param");
  const { cursor, limit } = c.req.valid("query");
  const db = c.var.db;
  const agency = await getPublicAgency(db, agencySlug);
  if (!agency || !parseAgencySettings(agency.settings).hallOfFamePublic) throw notFound("hall of fame");
  const after = cursor ? decodeCursor(cursor, ["number", "number"] as const) : undefined;
  const rows = await listAwards(db, { agencyId: agency.id, limit, inForce: true, ...(after ? { after } : {}) });
  const page = pageOf(rows.page, limit, (a) => [a.announcedAt, a.id]);
  c.header("cache-control", PUBLIC_CACHE);
  return c.json(
    {
      agency: { name: agency.name, region: agency.region, timeZone: agency.timeZone },
      items: toHallOfFame(rows, page.items),
      nextCursor: page.nextCursor,
    },
    200,
  );
};

export const verify: AppRouteHandler<typeof routes.verify> = async (c) => {
  const code = normalizeCertificateCode(c.req.valid("param").code);
  const row = code ? await getCertificateByCode(c.var.db, code) : undefined;
  if (!row) throw notFound("certificate");
  c.header("cache-control", PUBLIC_CACHE);
  return c.json(
    {
      valid: row.revokedAt === null,
      revokedAt: row.revokedAt === null ? null : iso(row.revokedAt),
      code: row.code,
      award: { title: row.title, periodLabel: row.periodLabel, announcedAt: iso(row.announcedAt) },
      recipient: { name: row.personName ?? row.unitName ?? "" },
      agency: { name: row.agencyName, timeZone: row.timeZone },
    },
    200,
  );
};
