import { runBatch, type Statement } from "../../db/client";
import {
  issueTokenStatements,
  listActivationByUnit,
  listNotActivated,
  listUnitActivation,
} from "../../db/queries/account-tokens.queries";
import { recordAudit } from "../../db/queries/audit.queries";
import { enqueueMail } from "../../db/queries/outbox.queries";
import { getUnit } from "../../db/queries/units.queries";
import { getProfile } from "../../db/queries/users.queries";
import { ACTIVATION_TTL_MS, activationCode, tokenLookupValue } from "../../domain/account-tokens";
import { localDateTime, zoneAbbreviation } from "../../domain/time-zone";
import { chunk } from "../../lib/chunk";
import type { AppRouteHandler } from "../../lib/create-router";
import { notFound } from "../../lib/problem";
import { randomToken, sha256Hex } from "../../lib/tokens";
import { actorOf } from "../../middlewares/guard";
import { publicOriginOf } from "../../outbound/mail-config";
import { renderActivationSheet } from "./activation-sheet";
import type * as routes from "./activation.routes";

/** People per transaction: three statements each, well under D1's limits. */
const PEOPLE_PER_BATCH = 50;

export const overview: AppRouteHandler<typeof routes.overview> = async (c) => {
  const actor = actorOf(c);
  return c.json({ units: await listActivationByUnit(c.var.db, actor.agencyId) }, 200);
};

export const unitPeople: AppRouteHandler<typeof routes.unitPeople> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  if (!(await getUnit(c.var.db, actor.agencyId, id))) throw notFound("unit");
  return c.json({ people: await listUnitActivation(c.var.db, actor.agencyId, id) }, 200);
};

export const send: AppRouteHandler<typeof routes.send> = async (c) => {
  const actor = actorOf(c);
  const { unitId } = c.req.valid("json");
  const db = c.var.db;
  if (unitId !== undefined && !(await getUnit(db, actor.agencyId, unitId))) throw notFound("unit");
  const people = await listNotActivated(db, actor.agencyId, unitId);
  const now = Date.now();
  const expiresAt = now + ACTIVATION_TTL_MS;
  const expiresText = `${localDateTime(expiresAt, actor.timeZone)} ${zoneAbbreviation(actor.timeZone)}`;
  const origin = publicOriginOf(c.env);
  const slices = chunk(people, PEOPLE_PER_BATCH);
  for (const [i, slice] of slices.entries()) {
    const statements: Statement[] = [];
    for (const person of slice) {
      const token = randomToken();
      const tokenHash = await sha256Hex(token);
      statements.push(
        ...issueTokenStatements(db, {
          agencyId: actor.agencyId,
          userId: person.id,
          purpose: "activation",
          channel: "email",
          tokenHash,
          now,
          expiresAt,
        }),
        enqueueMail(db, {
          agencyId: actor.agencyId,
          userId: person.id,
          kind: "activation",
          payload: { url: `${origin}/aktivasi?token=${token}`, expiresText },
          dedupeKey: `activation:${tokenHash}`,
          now,
        }),
      );
    }
    statements.push(
      recordAudit(db, {
        agencyId: actor.agencyId,
        actorId: actor.userId,
        action: "user.activation_send",
        subjectType: "user",
        subjectId: null,
        detail: { unitId: unitId ?? null, batch: i + 1, of: slices.length, userIds: slice.map((p) => p.id) },
        at: now,
      }),
    );
    await runBatch(db, statements);
  }
  return c.json({ queued: people.length }, 200);
};

export const sheet: AppRouteHandler<typeof routes.sheet> = async (c) => {
  const actor = actorOf(c);
  const { unitId } = c.req.valid("json");
  const db = c.var.db;
  const [unit, profile] = await Promise.all([getUnit(db, actor.agencyId, unitId), getProfile(db, actor.userId)]);
  if (!unit || !profile) throw notFound("unit");
  const people = await listNotActivated(db, actor.agencyId, unitId);
  const now = Date.now();
  const expiresAt = now + ACTIVATION_TTL_MS;
  const origin = publicOriginOf(c.env);
  const slips = people.map((p) => ({ ...p, code: activationCode() }));
  const slices = chunk(slips, PEOPLE_PER_BATCH);
  for (const [i, slice] of slices.entries()) {
    const statements: Statement[] = [];
    for (const slip of slice) {
      statements.push(
        ...issueTokenStatements(db, {
          agencyId: actor.agencyId,
          userId: slip.id,
          purpose: "activation",
          channel: "sheet",
          tokenHash: await sha256Hex(tokenLookupValue(slip.code)),
          now,
          expiresAt,
        }),
      );
    }
    statements.push(
      recordAudit(db, {
        agencyId: actor.agencyId,
        actorId: actor.userId,
        action: "user.activation_sheet",
        subjectType: "unit",
        subjectId: unitId,
        detail: { batch: i + 1, of: slices.length, userIds: slice.map((p) => p.id) },
        at: now,
      }),
    );
    await runBatch(db, statements);
  }
  const bytes = await renderActivationSheet({
    agencyName: profile.agencyName,
    unitName: unit.name,
    activationAddress: `${origin.replace(/^https?:\/\//, "")}/aktivasi`,
    validUntil: `${localDateTime(expiresAt, actor.timeZone)} ${zoneAbbreviation(actor.timeZone)}`,
    slips: slips.map((s) => ({ name: s.name, nip: s.nip, code: s.code, url: `${origin}/aktivasi?kode=${s.code}` })),
    issuedAt: new Date(now),
  });
  return c.body(bytes, 200, {
    "content-type": "application/pdf",
    "content-disposition": `attachment; filename="aktivasi-${unit.code.replace(/[^A-Za-z0-9_-]/g, "_")}.pdf"`,
    "content-length": String(bytes.byteLength),
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  });
};
