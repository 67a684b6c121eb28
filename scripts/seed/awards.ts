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
import { CODE_BYTES, certificateCode } from "../../src/domain/certificate.ts";
import { AWARDS, type SeedAward } from "./awards-data.ts";
import { IDEAS } from "./ideas-data.ts";
import { ideaId } from "./ideas.ts";
import { AGENCIES } from "./organisation-data.ts";
import { agencyId, lit, unitId, userId } from "./sql.ts";

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

function awardSql(award: SeedAward, base: number): string[] {
  const { agency: slug, title, periodLabel } = award;
  const { leader, people, units } = demoRecipients(award);
  const id = `(SELECT id FROM awards WHERE agency_id = ${agencyId(slug)} AND title = ${lit(title)} AND period_label = ${lit(periodLabel)})`;
  const at = base - award.daysAgo * DAY;
  return [
    `INSERT INTO awards (agency_id, title, citation, period_label, bonus_points, announced_by, announced_at)
     SELECT ${agencyId(slug)}, ${lit(title)}, ${lit(award.citation)}, ${lit(periodLabel)}, ${award.bonusPoints}, ${userId(leader.nip)}, ${at}
     WHERE NOT EXISTS (SELECT 1 FROM awards WHERE agency_id = ${agencyId(slug)} AND title = ${lit(title)} AND period_label = ${lit(periodLabel)});`,
    ...people.map(
      (p) => `INSERT INTO award_recipients (award_id, user_id, unit_id, certificate_code)
     SELECT ${id}, ${userId(p.nip)}, NULL, ${lit(p.code)} WHERE 1 ON CONFLICT(certificate_code) DO NOTHING;`,
    ),
    ...units.map(
      (u) => `INSERT INTO award_recipients (award_id, user_id, unit_id, certificate_code)
     SELECT ${id}, NULL, ${unitId(slug, u.code)}, ${lit(u.certificate)} WHERE 1 ON CONFLICT(certificate_code) DO NOTHING;`,
    ),
    `INSERT INTO award_ideas (award_id, idea_id) SELECT ${id}, ${ideaId(slug, award.idea)} WHERE 1 ON CONFLICT(award_id, idea_id) DO NOTHING;`,
    `INSERT INTO audit_log (agency_id, actor_id, action, subject_type, subject_id, detail, at)
     SELECT ${agencyId(slug)}, ${userId(leader.nip)}, 'award.announce', 'award', ${id},
       json_object('title', ${lit(title)}, 'periodLabel', ${lit(periodLabel)}, 'bonusPoints', ${award.bonusPoints},
         'userIds', json_array(${people.map((p) => userId(p.nip)).join(", ")}),
         'unitIds', json_array(${units.map((u) => unitId(slug, u.code)).join(", ")}),
         'ideaIds', json_array(${ideaId(slug, award.idea)})), aw.announced_at
     FROM awards aw WHERE aw.id = ${id}
       AND NOT EXISTS (SELECT 1 FROM audit_log WHERE action = 'award.announce' AND subject_type = 'award' AND subject_id = ${id});`,
  ];
}

/**
 * @param base the clock of the first run (awards are placed a few days before it, after the ideas' last steps)
 */
export function awardsSql(base = Date.now()): string[] {
  return AWARDS.flatMap((award) => awardSql(award, base));
}

/** The demo's certificate codes, for the README: `node scripts/seed/awards.ts`. */
if (import.meta.main) {
  for (const award of AWARDS) {
    const { people, units } = demoRecipients(award);
    for (const p of people) console.log(`${award.agency}\t${award.title}\tNIP ${p.nip}\t${p.code}`);
    for (const u of units) console.log(`${award.agency}\t${award.title}\tunit ${u.code}\t${u.certificate}`);
  }
}
