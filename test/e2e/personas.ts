import { AGENCIES, DEMO_PASSWORD, type SeedAgency, type SeedUser } from "../../scripts/seed/organisation-data.ts";

export { DEMO_PASSWORD };

export type Persona = SeedUser & { agency: SeedAgency; unitName: string };

/** A demo account as the seed stored it, with its agency and unit names. */
function persona(nip: string): Persona {
  for (const agency of AGENCIES) {
    const user = agency.users.find((u) => u.nip === nip);
    if (user) {
      const unitName = agency.units.find((u) => u.code === user.unit)?.name ?? user.unit;
      return { ...user, agency, unitName };
    }
  }
  throw new Error(`no demo user with NIP ${nip}`);
}

// Each journey that changes an account (failed sign-ins, password, sessions) has one of its own,
// so no test depends on what another did to a shared account.

/** Dewi Anggraini Sembiring, Dukcapil Binjai: the everyday ASN of the journeys. */
export const DEWI = persona("199104172015032001");
/** Sri Wahyuni Lubis, BKPSDM Binjai: ASN and agency admin (two roles on the profile). */
export const SRI_ADMIN = persona("198507222010012003");
/** One per language × viewport: each mistypes their password once or twice. */
export const MISTYPERS = [
  persona("199312052019031004"),
  persona("198806112011012002"),
  persona("199208142017032002"),
  persona("199405272019031003"),
] as const;
/** Fails five times and gets throttled. */
export const RIZKI_THROTTLED = persona("199002282014021003");
/** Changes her password on the profile. */
export const NURUL_CHANGES_PASSWORD = persona("199506162020122001");
/** Has an admin-reset password and must choose a new one. */
export const IQBAL_MUST_CHANGE = persona("199109192015031002");
/** Signs out on all devices. */
export const AI_TWO_DEVICES = persona("198912302015022001");
/** Review committee chairs of the demo (scripts/seed/reviews.ts): each still has a review to write. */
export const CHAIR_BINJAI = persona("197805142003122004");
export const CHAIR_ANDIR = persona("198111252006042003");
export const CHAIR_LHOKSEUMAWE = persona("197903032005022001");
export const CHAIR_PANGKALPINANG = persona("198005252006041002");
/** Budi Santoso Tarigan: a reviewer (not the chair) of Binjai's KIPP 2026, which reviews blind. */
export const REVIEWER_BINJAI = persona("198009302005011005");
/** H. Irwansyah Nasution, Sekretaris Daerah of Binjai: a leader, reads the dashboard and announces awards. */
export const LEADER_BINJAI = persona("197011041995031001");
/** Binjai colleagues the leader honours in the award journeys: one per language × viewport. */
export const AWARD_RECIPIENTS = [
  persona("198009302005011005"),
  persona("199312052019031004"),
  persona("198806112011012002"),
  persona("199002282014021003"),
] as const;
/** Yuliana Putri, Pangkalpinang: her implemented idea collects notifications; Rizal comments on it. */
export const YULIANA = persona("199207242016032003");
export const RIZAL = persona("199611032020121001");
/** Rahmat Hidayat Siregar, Binjai: the platform admin, who registers and deactivates agencies. */
export const RAHMAT_PLATFORM = persona("198203152006041002");
/** Teuku Mahfud Ridha, Lhokseumawe's admin: the agency's settings and its reward rules. */
export const TEUKU_ADMIN = persona("198410102009041001");
/** Andi Pratama Ginting, Kominfo Binjai: writes the idea and comment that colleagues report. */
export const ANDI = persona("199312052019031004");
/** Lily Suryani, Pangkalpinang's admin: the emblem, the public library and the certificate signer. */
export const LILY_ADMIN = persona("198311112008012002");
/** Fadli Yusuf, DPMPTSP Lhokseumawe: replicates a replica from the shared library (a third generation). */
export const FADLI = persona("198207072007011003");
