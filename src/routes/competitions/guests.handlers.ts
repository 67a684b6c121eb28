import { recordAudit } from "../../db/queries/audit.queries";
import { runBatch } from "../../db/client";
import { createGuestStatements, emailTaken, getUserIdByEmail, listGuests } from "../../db/queries/competitions.queries";
import { ACTIVATION_TTL_MS } from "../../domain/account-tokens";
import { localDateTime, zoneAbbreviation } from "../../domain/time-zone";
import type { AppRouteHandler } from "../../lib/create-router";
import { hashPassword } from "../../lib/password";
import { conflict } from "../../lib/problem";
import { iso } from "../../lib/time";
import { randomToken, sha256Hex } from "../../lib/tokens";
import { actorOf } from "../../middlewares/guard";
import { publicOriginOf } from "../../outbound/mail-config";
import type * as routes from "./competitions.routes";

export const list: AppRouteHandler<typeof routes.listGuests> = async (c) => {
  const actor = actorOf(c);
  const rows = await listGuests(c.var.db, actor.agencyId);
  return c.json({ items: rows.map((r) => ({ ...r, invitedAt: iso(r.invitedAt) })) }, 200);
};

/** Where a NIP would be: `TAMU` and 14 random digits — never a valid NIP, so never mistaken for one. */
function placeholderNip(): string {
  const digits = [...crypto.getRandomValues(new Uint8Array(14))].map((b) => String(b % 10)).join("");
  return `TAMU${digits}`;
}

export const invite: AppRouteHandler<typeof routes.inviteGuest> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const body = c.req.valid("json");
  if (await emailTaken(db, body.email)) throw conflict("user.email_taken", "An account with this e-mail exists");
  const now = Date.now();
  const token = randomToken();
  const tokenHash = await sha256Hex(token);
  const expiresAt = now + ACTIVATION_TTL_MS;
  const statements = createGuestStatements(db, {
    agencyId: actor.agencyId,
    name: body.name,
    email: body.email,
    institution: body.institution,
    expertise: body.expertise,
    placeholderNip: placeholderNip(),
    // nobody knows it: the guest sets their own through the invitation link
    passwordHash: await hashPassword(randomToken()),
    invitedBy: actor.userId,
    now,
    tokenHash,
    expiresAt,
    mail: {
      url: `${publicOriginOf(c.env)}/aktivasi?token=${token}`,
      expiresText: `${localDateTime(expiresAt, actor.timeZone)} ${zoneAbbreviation(actor.timeZone)}`,
    },
  });
  await runBatch(db, [
    ...statements,
    recordAudit(db, {
      agencyId: actor.agencyId,
      actorId: actor.userId,
      action: "guest.invite",
      subjectType: "user",
      subjectId: null,
      detail: { email: body.email, institution: body.institution },
      at: now,
    }),
  ]);
  const id = (await getUserIdByEmail(db, body.email))!;
  return c.json(
    {
      id,
      name: body.name,
      email: body.email,
      institution: body.institution,
      expertise: body.expertise,
      invitedAt: iso(now),
      activated: false,
    },
    201,
  );
};
