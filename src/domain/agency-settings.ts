/**
 * What an agency admin decides for the whole agency (`agencies.settings`, JSON): which pages the
 * public may see, and who signs the certificates and where. Reading never fails: a value that is
 * missing or of the wrong kind reads as its default, so an old or damaged row still serves pages.
 */

/** The official who signs every certificate of the agency (e.g. the Sekda), instead of the announcing leader. */
export type CertificateSigner = { name: string; position: string; nip: string | null };

export type AgencySettings = {
  /** the Hall of Fame at `/hall-of-fame/{slug}` for everyone, signed in or not */
  hallOfFamePublic: boolean;
  /** the agency's implemented innovations at `/pustaka/instansi/{slug}` for everyone */
  libraryPublic: boolean;
  /** its implemented innovations in the shared library of every agency (default on; off: its own people only) */
  libraryShared: boolean;
  /** null: the leader who announced the award signs */
  signer: CertificateSigner | null;
  /** the place written before the date ("Binjai, 23 November 2026"); "" for the date alone */
  signingPlace: string;
};

export const DEFAULT_AGENCY_SETTINGS: AgencySettings = {
  hallOfFamePublic: false,
  libraryPublic: false,
  libraryShared: true,
  signer: null,
  signingPlace: "",
};

/** Limits of the settings' texts, shared by the contract and the form. */
export const SETTINGS_LIMITS = { signerName: 200, signerPosition: 200, signingPlace: 100 } as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const text = (value: unknown) => (typeof value === "string" ? value : "");

function signerOf(value: unknown): CertificateSigner | null {
  if (!isRecord(value) || !text(value.name).trim() || !text(value.position).trim()) return null;
  const nip = text(value.nip);
  return { name: text(value.name), position: text(value.position), nip: nip || null };
}

/**
 * @example parseAgencySettings('{"hallOfFamePublic":true}') // { hallOfFamePublic: true, libraryPublic: false, signer: null, signingPlace: "" }
 * @example parseAgencySettings("not json").hallOfFamePublic // false
 */
export function parseAgencySettings(json: string): AgencySettings {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return DEFAULT_AGENCY_SETTINGS;
  }
  if (!isRecord(parsed)) return DEFAULT_AGENCY_SETTINGS;
  return {
    hallOfFamePublic: parsed.hallOfFamePublic === true,
    libraryPublic: parsed.libraryPublic === true,
    libraryShared: parsed.libraryShared !== false,
    signer: signerOf(parsed.signer),
    signingPlace: text(parsed.signingPlace),
  };
}

export const serializeAgencySettings = (settings: AgencySettings) => JSON.stringify(settings);

/** The settings whose values differ, `{ key: { from, to } }` (for the audit log). */
export function changedSettings(from: AgencySettings, to: AgencySettings) {
  const out: Partial<Record<keyof AgencySettings, { from: unknown; to: unknown }>> = {};
  for (const key of Object.keys(to) as (keyof AgencySettings)[]) {
    if (JSON.stringify(from[key]) !== JSON.stringify(to[key])) out[key] = { from: from[key], to: to[key] };
  }
  return out;
}

/**
 * Who signs a certificate: the agency's signer when it named one, else the leader who announced.
 * @example signerFor(DEFAULT_AGENCY_SETTINGS, { name: "H. Irwansyah", position: "Sekda" }) // { name: "H. Irwansyah", position: "Sekda", nip: null }
 */
export function signerFor(settings: AgencySettings, announcer: { name: string; position: string }): CertificateSigner {
  return settings.signer ?? { name: announcer.name, position: announcer.position, nip: null };
}

/**
 * The line above the signature, as Indonesian letters write it.
 * @example placeAndDate("Binjai", "23 November 2026") // "Binjai, 23 November 2026"
 */
export const placeAndDate = (place: string, date: string) => (place.trim() ? `${place.trim()}, ${date}` : date);
