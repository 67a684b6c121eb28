import type { TimeZone } from "../../api/agency";

/** West to east; `satisfies` makes a zone the contract adds or drops fail to compile here. */
const WEST_TO_EAST = { "Asia/Jakarta": 0, "Asia/Makassar": 1, "Asia/Jayapura": 2 } satisfies Record<TimeZone, number>;

/** Indonesia's three zones, in the order the form offers them. */
export const TIME_ZONES = (Object.keys(WEST_TO_EAST) as TimeZone[]).sort((a, b) => WEST_TO_EAST[a] - WEST_TO_EAST[b]);
