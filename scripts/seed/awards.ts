/**
 * The demo's announced awards (awards-data.ts): the award signed by the agency's leader, a
 * recipient row per person (the idea's author) and unit with a certificate code, the linked idea
 * and the audit row. Runs BEFORE rewards.ts, which pays each person recipient the bonus from these
 * rows exactly as the reward engine would (`award_granted`).
 *
 * Certificate codes are derived from a hash of agency, title and recipient, so a rerun writes the
 * same codes and adds nothing (`ON CONFLICT DO NOTHING`), and the README can name them. They are
 * guessable by whoever reads this file: fine for a demo, never for real awards (the API draws 140
 * random bits per code).
 */
import { createHash } from "node:crypto";
import { sql, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { auditLog, awardIdeas, awardRecipients, awards } from "../../src/db/schema.ts";
import { CODE_BYTES, certificateCode } from "../../src/domain/certificate.ts";
import { AWARDS, type SeedAward } from "./awards-data.ts";
import { IDEAS } from "./ideas-data.ts";
import { ideaId } from "./ideas.ts";
import { AGENCIES } from "./organisation-data.ts";
import { agencyId, insertSelect, onConflictDoNothing, qb, sqlText, unitId, userId } from "./sql.ts";

const DAY = 86_400_000;

/** The demo code of a recipient: `nip:<NIP>` or `unit:<code>`. */
export function demoCertificateCode(award: SeedAward, recipient: string): string {
  const digest = createHash("sha256").update(`gagas-demo|${award.agency}|${award.title}|${recipient}`).digest();
  return certificateCode(new Uint8Array(digest.subarray(0, CODE_BYTES)));
}

/** Who receives an award and who signs it, from the organisation and idea data. */
export function demoRecipients(award: SeedAward) {
  const agency = AGENCIES.find((a) => a.slug === award.agency)!;
  const idea = IDEAS[award.agency]!.find((i) => i.title === award.idea)!;
  const leader = agency.users.find((u) => u.roles.includes("leader"))!;
  const people = [idea.author].map((nip) => ({ nip, code: demoCertificateCode(award, `nip:${nip}`) }));
  const units = (award.units ?? []).map((code) => ({ code, certificate: demoCertificateCode(award, `unit:${code}`) }));
  return { leader, people, units };
}

const aw = alias(awards, "aw");

function awardSql(award: SeedAward, base: number): string[] {
  const { agency: slug, title, periodLabel } = award;
  const { leader, people, units } = demoRecipients(award);
  const theAward = sql`${awards.agencyId} = ${agencyId(slug)} AND ${awards.title} = ${title} AND ${awards.periodLabel} = ${periodLabel}`;
  const id = qb.select({ id: awards.id }).from(awards).where(theAward);
  const at = base - award.daysAgo * DAY;
  const list = (items: SQLWrapper[]) =>
    sql.join(
      items.map((x) => sql`${x}`),
      sql`, `,
    );
  return [
    insertSelect(
      awards,
      {
        agencyId: agencyId(slug),
        title,
        citation: award.citation,
        periodLabel,
        bonusPoints: award.bonusPoints,
        announcedBy: userId(leader.nip),
        announcedAt: at,
      },
      sql`WHERE NOT EXISTS (SELECT 1 FROM ${awards} WHERE ${theAward})`,
    ),
    ...people.map((p) =>
      insertSelect(
        awardRecipients,
        { awardId: id, userId: userId(p.nip), unitId: null, certificateCode: p.code },
        sql`WHERE 1 ${onConflictDoNothing(awardRecipients.certificateCode)}`,
      ),
    ),
    ...units.map((u) =>
      insertSelect(
        awardRecipients,
        { awardId: id, userId: null, unitId: unitId(slug, u.code), certificateCode: u.certificate },
        sql`WHERE 1 ${onConflictDoNothing(awardRecipients.certificateCode)}`,
      ),
    ),
    insertSelect(
      awardIdeas,
      { awardId: id, ideaId: ideaId(slug, award.idea) },
      sql`WHERE 1 ${onConflictDoNothing(awardIdeas.awardId, awardIdeas.ideaId)}`,
    ),
    insertSelect(
      auditLog,
      {
        agencyId: agencyId(slug),
        actorId: userId(leader.nip),
        action: "award.announce",
        subjectType: "award",
        subjectId: id,
        detail: sql`json_object('title', ${title}, 'periodLabel', ${periodLabel}, 'bonusPoints', ${award.bonusPoints},
         'userIds', json_array(${list(people.map((p) => userId(p.nip)))}),
         'unitIds', json_array(${list(units.map((u) => unitId(slug, u.code)))}),
         'ideaIds', json_array(${ideaId(slug, award.idea)}))`,
        at: aw.announcedAt,
      },
      sql`FROM ${awards} ${aw} WHERE ${aw.id} = ${id}
       AND NOT EXISTS (SELECT 1 FROM ${auditLog} WHERE ${auditLog.action} = 'award.announce' AND ${auditLog.subjectType} = 'award' AND ${auditLog.subjectId} = ${id})`,
    ),
  ].map(sqlText);
}

/**
 * @param base the clock of the first run (awards are placed a few days before it, after the ideas' last steps)
 */
export function awardsSql(base = Date.now()): string[] {
  return AWARDS.flatMap((award) => awardSql(award, base));
}

/** The demo's certificate codes, for the README: `node --import ./scripts/lib/resolve-ts.mjs scripts/seed/awards.ts`. */
if (import.meta.main) {
  for (const award of AWARDS) {
    const { people, units } = demoRecipients(award);
    for (const p of people) console.log(`${award.agency}\t${award.title}\tNIP ${p.nip}\t${p.code}`);
    for (const u of units) console.log(`${award.agency}\t${award.title}\tunit ${u.code}\t${u.certificate}`);
  }
}
