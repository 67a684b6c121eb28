import initialize from "@phi-ag/argon2/node";
import { sql } from "drizzle-orm";
import { agencies, units, users } from "../../src/db/schema.ts";
import { AGENCIES, DEMO_PASSWORD } from "./organisation-data.ts";
import { agencyId, db, insertSelect, onConflictDoNothing, sqlText, unitId } from "./sql.ts";

/** Agencies, their unit trees and their ASN. Every row is keyed naturally, so a rerun adds nothing. */
export async function organisationSql(): Promise<string[]> {
  const argon2 = await initialize();
  const hash = (password: string) =>
    argon2.hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1, hashLength: 32 }).encoded;
  const out: string[] = [];
  for (const agency of AGENCIES) {
    out.push(
      sqlText(
        db
          .insert(agencies)
          .values({
            slug: agency.slug,
            name: agency.name,
            region: agency.region,
            settings: '{"hallOfFamePublic":true}',
          })
          .onConflictDoNothing({ target: agencies.slug }),
      ),
    );
    // parents first: the data lists a parent before its children
    for (const unit of agency.units) {
      out.push(
        sqlText(
          insertSelect(
            units,
            {
              agencyId: agencyId(agency.slug),
              parentId: unit.parent ? unitId(agency.slug, unit.parent) : null,
              code: unit.code,
              name: unit.name,
            },
            sql`WHERE 1 ${onConflictDoNothing(units.agencyId, units.code)}`,
          ),
        ),
      );
    }
    for (const user of agency.users) {
      out.push(
        sqlText(
          insertSelect(
            users,
            {
              agencyId: agencyId(agency.slug),
              unitId: unitId(agency.slug, user.unit),
              nip: user.nip,
              name: user.name,
              email: user.email,
              position: user.position,
              roles: user.roles.join(","),
              passwordHash: hash(DEMO_PASSWORD),
            },
            sql`WHERE NOT EXISTS (SELECT 1 FROM ${users} WHERE ${users.nip} = ${user.nip})`,
          ),
        ),
      );
    }
  }
  return out;
}
