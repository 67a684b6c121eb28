/**
 * The artwork of a reward badge (src/domain/badges.ts): a medallion in the app's teal and amber
 * with one simple drawing per badge, grey while not yet earned. Decoration only (aria-hidden): the
 * badge's name beside it says what it is.
 */

/** The drawing of each badge, in a 48 × 48 box, as strokes. */
const DRAWINGS: Record<string, string[]> = {
  // a light bulb: the first idea
  ide_pertama: ["M24 13a7.5 7.5 0 0 0-4.5 13.5V30h9v-3.5A7.5 7.5 0 0 0 24 13z", "M21 34h6"],
  // a light bulb that shines: many ideas
  penggagas_produktif: [
    "M24 16a6.5 6.5 0 0 0-4 11.6V30h8v-2.4A6.5 6.5 0 0 0 24 16z",
    "M21.5 34h5",
    "M24 9.5v2.5",
    "M14.5 13.5l1.8 1.8",
    "M33.5 13.5l-1.8 1.8",
    "M11.5 22.5h2.5",
    "M34 22.5h2.5",
  ],
  // a heart: backed by peers
  didukung_rekan: ["M24 33s-9.5-5.6-9.5-11.8a5 5 0 0 1 9.5-2.6 5 5 0 0 1 9.5 2.6C33.5 27.4 24 33 24 33z"],
  // a star: shortlisted
  terpilih: ["M24 12.5l3.4 7 7.6 1.1-5.5 5.3 1.3 7.6L24 29.9l-6.8 3.6 1.3-7.6-5.5-5.3 7.6-1.1z"],
  // two people: a team
  tim_hebat: [
    "M20 22.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z",
    "M13 33c0-4.4 3.1-7 7-7s7 2.6 7 7",
    "M29 21a3 3 0 1 0 0-6",
    "M30 26c3 .4 5 2.8 5 6.5",
  ],
  // a tick: put into service
  diterapkan: ["M15.5 24.5l5.5 5.5 11.5-12"],
  // two arrows round: adopted elsewhere
  direplikasi: ["M16 21a8.5 8.5 0 0 1 15-4.5", "M31.5 12v4.8h-4.8", "M32 27a8.5 8.5 0 0 1-15 4.5", "M16.5 36v-4.8h4.8"],
  // a magnifier: reviews
  reviewer_teladan: ["M22 29a7 7 0 1 0 0-14 7 7 0 0 0 0 14z", "M27 27l6.5 6.5"],
  // two chevrons up: support given
  pendukung_aktif: ["M16.5 25l7.5-7.5 7.5 7.5", "M16.5 32.5l7.5-7.5 7.5 7.5"],
  // a speech bubble: discussion
  rajin_berdiskusi: ["M14.5 15.5h19v12.5H23l-5.5 4.5V28h-3z", "M19 20.5h10", "M19 24h6"],
  // a trophy: an award
  penerima_penghargaan: [
    "M18.5 13.5h11v6a5.5 5.5 0 0 1-11 0z",
    "M18.5 15.5h-3.5a3.5 3.5 0 0 0 3.8 5",
    "M29.5 15.5h3.5a3.5 3.5 0 0 1-3.8 5",
    "M24 25v5",
    "M19.5 34h9",
  ],
};

/** A ribbon medal, for a badge added to the catalogue after this SPA was built. */
const FALLBACK = ["M24 31a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z", "M19.5 19l-3.5-6", "M28.5 19l3.5-6"];

/** @param held whether the person earned it: in colour, else grey */
export function BadgeArt({ badgeKey, held }: { badgeKey: string; held: boolean }) {
  return (
    <svg
      class={held ? "badge-art is-held" : "badge-art"}
      width="48"
      height="48"
      viewBox="0 0 48 48"
      aria-hidden="true"
      focusable="false"
      data-badge={badgeKey}
    >
      <circle class="badge-art-disc" cx="24" cy="24" r="23" />
      <circle class="badge-art-ring" cx="24" cy="24" r="19.5" />
      <g class="badge-art-drawing">
        {(DRAWINGS[badgeKey] ?? FALLBACK).map((d) => (
          <path key={d} d={d} />
        ))}
      </g>
    </svg>
  );
}
