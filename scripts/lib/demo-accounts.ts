/**
 * The demo accounts as `npm start` prints them: per agency, each person's role in words, what they
 * lead (the committee they chair or sit on, the office of a leader) and how to sign in.
 */
import { CAMPAIGNS } from "../seed/ideas-data.ts";
import { kippCommittee, type SeedAgency, type SeedUser } from "../seed/organisation-data.ts";

const ROLE_WORDS: Record<string, string> = {
  superadmin: "platform admin (all agencies)",
  admin: "agency admin (users, units, campaigns, CSV import)",
  leader: "leader (announces awards, dashboards)",
  reviewer: "reviewer",
};

/**
 * One person's role in words.
 * @example roleOf(binjai, nurhayati) // "reviewer, chairs the committee of Kompetisi Inovasi Pelayanan Publik 2026"
 */
export function roleOf(agency: SeedAgency, user: SeedUser): string {
  const words = user.roles.filter((r) => r !== "asn").map((r) => ROLE_WORDS[r] ?? r);
  if (user.roles.includes("reviewer")) {
    const { chair } = kippCommittee(agency);
    const seat = chair.nip === user.nip ? "chairs the committee of" : "member of the committee of";
    words[words.indexOf(ROLE_WORDS.reviewer!)] = `reviewer, ${seat} ${CAMPAIGNS.kipp.title}`;
  }
  if (user.roles.includes("leader")) words.push(user.position);
  return words.length > 0 ? words.join("; ") : `ASN (${user.unit})`;
}

/** The lines printed under "Demo accounts", agency by agency. */
export function demoAccountLines(agencies: readonly SeedAgency[]): string[] {
  return agencies.flatMap((agency) => [
    "",
    `  ${agency.name}`,
    ...agency.users.flatMap((user) => [
      `    ${user.name} — ${roleOf(agency, user)}`,
      `        NIP ${user.nip}   ${user.email}`,
    ]),
  ]);
}
