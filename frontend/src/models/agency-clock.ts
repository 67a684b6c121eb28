import { computed } from "@preact/signals";
import type { Me } from "../api/auth";
import { currentUser } from "./session";

export type TimeZone = Me["agency"]["timeZone"];

/** Before anyone signs in (the public pages), dates read in Western Indonesian Time. */
const FALLBACK: TimeZone = "Asia/Jakarta";

/**
 * The clock every date of the signed-in person's agency is read on: WIB, WITA or WIT, whatever the
 * device's own setting (an ASN of Makassar on a phone set to Jakarta sees Makassar's deadlines).
 */
export const agencyTimeZone = computed<TimeZone>(() => currentUser.value?.agency.timeZone ?? FALLBACK);
