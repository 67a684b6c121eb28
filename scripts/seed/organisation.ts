import initialize from "@phi-ag/argon2/node";
import { AGENCIES, DEMO_PASSWORD } from "./organisation-data.ts";
import { agencyId, lit, unitId } from "./sql.ts";

/** Agencies, their unit trees and their ASN. Every row is keyed naturally, so a rerun adds nothing. */
export async function organisationSql(): Promise<string[]> {
  const argon2 = await initialize();
  const hash = (password: string) =>
    argon2.hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1, hashLength: 32 }).encoded;
  const out: string[] = [];
  for (const agency of AGENCIES) {
    out.push(
      `INSERT INTO agencies (slug, name, region, settings) VALUES (${lit(agency.slug)}, ${lit(agency.name)}, ${lit(agency.region)}, '{"hallOfFamePublic":true}') ON CONFLICT(slug) DO NOTHING;`,
    );
    // parents first: the data lists a parent before its children
    for (const unit of agency.units) {
      const parent = unit.parent ? unitId(agency.slug, unit.parent) : "NULL";
      out.push(
        `INSERT INTO units (agency_id, parent_id, code, name) SELECT ${agencyId(agency.slug)}, ${parent}, ${lit(unit.code)}, ${lit(unit.name)} WHERE 1 ON CONFLICT(agency_id, code) DO NOTHING;`,
      );
    }
    for (const user of agency.users) {
      out.push(
        `INSERT INTO users (agency_id, unit_id, nip, name, email, position, roles, password_hash) SELECT ${agencyId(agency.slug)}, ${unitId(agency.slug, user.unit)}, ${lit(user.nip)}, ${lit(user.name)}, ${lit(user.email)}, ${lit(user.position)}, ${lit(user.roles.join(","))}, ${lit(hash(DEMO_PASSWORD))} WHERE NOT EXISTS (SELECT 1 FROM users WHERE nip = ${lit(user.nip)});`,
      );
    }
  }
  return out;
}
