import {
  getCareerSources,
  getMyRecord,
  getRecordByCode,
  getSharedPerson,
  issueRecord,
  listMyRecords,
  revokeRecord,
  startSharing,
  stopSharing,
} from "../../db/queries/career.queries";
import type { Database } from "../../db/client";
import {
  buildCareerRecord,
  normalizeRecordCode,
  recordCode,
  RECORD_CODE_BYTES,
  type CareerRecord,
} from "../../domain/career-record";
import { printedNip, verificationPath } from "../../domain/certificate";
import type { AppRouteHandler } from "../../lib/create-router";
import { PUBLIC_CACHE } from "../../lib/http-cache";
import { ApiError, notFound } from "../../lib/problem";
import { iso } from "../../lib/time";
import { randomToken } from "../../lib/tokens";
import { actorOf } from "../../middlewares/guard";
import { renderCareerRecord } from "./career.pdf";
import type * as routes from "./career.routes";

/** Records a person may issue in 24 hours: enough for any appraisal, a bound on a loop. */
const ISSUE_LIMIT = 20;
const DAY_MS = 86_400_000;

async function liveRecord(db: Database, userId: number, now: number): Promise<CareerRecord> {
  const sources = await getCareerSources(db, userId);
  if (!sources) throw notFound("person");
  return buildCareerRecord(sources, now);
}

const toIssued = (r: { id: number; code: string; issuedAt: number; revokedAt: number | null }) => ({
  id: r.id,
  code: r.code,
  issuedAt: iso(r.issuedAt),
  revokedAt: r.revokedAt === null ? null : iso(r.revokedAt),
});

const withoutNip = (record: CareerRecord) => {
  const { nip: _nip, ...person } = record.person;
  return { ...record, person };
};

export const getMine: AppRouteHandler<typeof routes.getMine> = async (c) => {
  const actor = actorOf(c);
  const now = Date.now();
  const [record, mine] = await Promise.all([
    liveRecord(c.var.db, actor.userId, now),
    listMyRecords(c.var.db, actor.userId),
  ]);
  return c.json(
    {
      record,
      share: { enabled: mine.shareCode !== null, code: mine.shareCode },
      issued: mine.issued.map(toIssued),
    },
    200,
  );
};

export const issue: AppRouteHandler<typeof routes.issue> = async (c) => {
  const actor = actorOf(c);
  const db = c.var.db;
  const now = Date.now();
  const record = await liveRecord(db, actor.userId, now);
  const row = await issueRecord(
    db,
    {
      agencyId: actor.agencyId,
      userId: actor.userId,
      code: recordCode(crypto.getRandomValues(new Uint8Array(RECORD_CODE_BYTES))),
      content: JSON.stringify(record),
      issuedAt: now,
    },
    { count: ISSUE_LIMIT, since: now - DAY_MS },
  );
  if (!row) throw new ApiError(409, "career_record.too_many", `At most ${ISSUE_LIMIT} records a day`);
  return c.json(toIssued(row), 201);
};

export const pdf: AppRouteHandler<typeof routes.pdf> = async (c) => {
  const actor = actorOf(c);
  const row = await getMyRecord(c.var.db, actor.userId, c.req.valid("param").id);
  if (!row) throw notFound("record");
  if (row.revokedAt !== null) throw new ApiError(409, "career_record.revoked", "This record was revoked");
  const record = JSON.parse(row.content) as CareerRecord;
  const printed = { ...record, person: { ...record.person, nip: printedNip(record.person.nip) } };
  const bytes = await renderCareerRecord(
    printed,
    row.code,
    new URL(verificationPath(row.code), c.req.url).toString(),
    new Date(row.issuedAt),
  );
  return c.body(bytes, 200, {
    "content-type": "application/pdf",
    "content-disposition": `attachment; filename="rekam-jejak-${row.code}.pdf"`,
    "content-length": String(bytes.byteLength),
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  });
};

export const revoke: AppRouteHandler<typeof routes.revoke> = async (c) => {
  const actor = actorOf(c);
  const { id } = c.req.valid("param");
  const row = await revokeRecord(c.var.db, actor.userId, id, Date.now());
  if (row) return c.json(toIssued(row), 200);
  if (await getMyRecord(c.var.db, actor.userId, id))
    throw new ApiError(409, "career_record.revoked", "This record was revoked already");
  throw notFound("record");
};

export const share: AppRouteHandler<typeof routes.share> = async (c) => {
  const actor = actorOf(c);
  const { enabled } = c.req.valid("json");
  if (!enabled) {
    await stopSharing(c.var.db, actor.userId);
    return c.json({ enabled: false, code: null }, 200);
  }
  const code = randomToken(24);
  await startSharing(c.var.db, { userId: actor.userId, agencyId: actor.agencyId, code, at: Date.now() });
  return c.json({ enabled: true, code }, 200);
};

export const verify: AppRouteHandler<typeof routes.verify> = async (c) => {
  const code = normalizeRecordCode(c.req.valid("param").code);
  const row = code ? await getRecordByCode(c.var.db, code) : undefined;
  if (!row) throw notFound("record");
  const record = JSON.parse(row.content) as CareerRecord;
  c.header("cache-control", PUBLIC_CACHE);
  return c.json(
    {
      valid: row.revokedAt === null,
      revokedAt: row.revokedAt === null ? null : iso(row.revokedAt),
      code: row.code,
      issuedAt: iso(row.issuedAt),
      asOf: record.asOf,
      timeZone: record.timeZone,
      person: withoutNip(record).person,
      level: { name: record.level.name, points: record.level.points },
      totals: record.totals,
      years: record.years.map((y) => y.year),
    },
    200,
  );
};

export const shared: AppRouteHandler<typeof routes.shared> = async (c) => {
  const { code } = c.req.valid("param");
  const userId = /^[A-Za-z0-9_-]{20,64}$/.test(code) ? await getSharedPerson(c.var.db, code) : undefined;
  if (userId === undefined) throw notFound("shared record");
  // the person may stop sharing at any moment: no public cache
  c.header("cache-control", "no-store");
  return c.json(withoutNip(await liveRecord(c.var.db, userId, Date.now())), 200);
};
