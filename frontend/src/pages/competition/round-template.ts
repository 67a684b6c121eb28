import type { Gates, RoundInput } from "../../api/competitions";

/** A round as the form edits it: the items as lines of text. */
export type RoundDraft = Omit<RoundInput, "items"> & { itemsText: string };

/** KIPP's figures: two years (one for a replication), 10 general and 5 replication entries, once a year. */
export const KIPP_GATES: Gates = {
  minYears: { umum: 2, replikasi: 1, khusus: 2 },
  quotaPerUnit: { umum: 10, replikasi: 5, khusus: null },
  onePerYear: true,
};

const round = (over: Partial<RoundDraft> & Pick<RoundDraft, "name" | "kind" | "itemsText">): RoundDraft => ({
  weight: 0,
  advance: { mode: "all" },
  blind: true,
  normalised: false,
  slotStart: null,
  slotMinutes: null,
  memberIds: [],
  ...over,
});

/**
 * KIPP's stages as three rounds: the administrative check (a checklist, everything must pass),
 * proposal evaluation on the provincial variant's substance items (70 %, passing grade 85), and
 * presentation and interview (30 %, half-hour slots).
 */
export const kippRounds = (): RoundDraft[] => [
  round({
    name: "Seleksi administrasi",
    kind: "checklist",
    advance: { mode: "grade", grade: 100 },
    itemsText: "Proposal lengkap sesuai format\nDasar hukum (SK) inovasi\nSudah berjalan sesuai syarat kelompok",
  }),
  round({
    name: "Evaluasi proposal",
    kind: "rubric",
    weight: 70,
    advance: { mode: "grade", grade: 85 },
    itemsText:
      "Urgensi masalah; 20; 5\nKebaruan; 20; 5\nImplementasi; 20; 5\nDampak sebelum dan sesudah; 20; 5\nDapat direplikasi; 20; 5",
  }),
  round({
    name: "Presentasi dan wawancara",
    kind: "rubric",
    weight: 30,
    advance: { mode: "top", n: 99 },
    slotMinutes: 30,
    itemsText: "Paparan; 50; 10\nWawancara; 50; 10",
  }),
];

export const emptyRound = (n: number): RoundDraft =>
  round({ name: `Babak ${n}`, kind: "rubric", itemsText: "Kebaruan; 50; 5\nKemanfaatan; 50; 5" });

const slug = (label: string, i: number) =>
  label
    .normalize("NFD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 36) || `butir_${i + 1}`;

/** The lines of an items box as items: `name; weight; scale` for a rubric, the name alone for a checklist. */
export function parseItems(kind: RoundDraft["kind"], text: string): RoundInput["items"] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => {
      const [label = "", weight = "0", scale = "5"] = line.split(";").map((p) => p.trim());
      return kind === "checklist"
        ? { key: slug(label, i), label, weight: 0, scaleMax: 1 }
        : { key: slug(label, i), label, weight: Number(weight) || 0, scaleMax: Number(scale) || 5 };
    });
}

export const itemsText = (items: RoundInput["items"], kind: RoundDraft["kind"]) =>
  items.map((i) => (kind === "checklist" ? i.label : `${i.label}; ${i.weight}; ${i.scaleMax}`)).join("\n");
