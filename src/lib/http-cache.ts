/** Public answers (Hall of Fame, public library, certificate verification) may be kept by browsers and the edge for five minutes. */
export const PUBLIC_CACHE = "public, max-age=300";
