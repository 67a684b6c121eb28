/**
 * The badge catalogue. Badges are kept once earned (a later correction of points does not take
 * recognition back). Each says when it is granted:
 * - `event`: the event itself earns it (e.g. an idea shortlisted: its team gets *Terpilih*);
 * - `count`: the n-th paying occurrence of a rule (e.g. the 5th on-time review);
 * - `votes`: an idea of the person reaches n votes.
 */
import type { Bilingual } from "./levels.ts";
import type { RuleKey } from "./reward-rules.ts";

export type BadgeTrigger =
  | { kind: "event"; rule: RuleKey; minTeam?: number }
  | { kind: "count"; rule: RuleKey; count: number }
  | { kind: "votes"; count: number };

export type Badge = { key: string; name: Bilingual; description: Bilingual; trigger: BadgeTrigger };

export const BADGES = [
  {
    key: "ide_pertama",
    name: { id: "Ide Pertama", en: "First Idea" },
    description: { id: "Mengajukan ide pertama.", en: "Submitted a first idea." },
    trigger: { kind: "event", rule: "idea_submitted" },
  },
  {
    key: "penggagas_produktif",
    name: { id: "Penggagas Produktif", en: "Prolific Ideator" },
    description: { id: "Mengajukan 5 ide.", en: "Submitted 5 ideas." },
    trigger: { kind: "count", rule: "idea_submitted", count: 5 },
  },
  {
    key: "didukung_rekan",
    name: { id: "Didukung Rekan", en: "Backed by Peers" },
    description: { id: "Sebuah ide meraih 10 dukungan rekan.", en: "An idea gathered 10 votes from colleagues." },
    trigger: { kind: "votes", count: 10 },
  },
  {
    key: "terpilih",
    name: { id: "Terpilih", en: "Shortlisted" },
    description: { id: "Ide masuk nominasi tim penilai.", en: "An idea was shortlisted by the committee." },
    trigger: { kind: "event", rule: "idea_shortlisted" },
  },
  {
    key: "tim_hebat",
    name: { id: "Tim Hebat", en: "Great Team" },
    description: { id: "Ide yang digagas bersama tim disetujui.", en: "An idea written as a team was approved." },
    trigger: { kind: "event", rule: "idea_approved", minTeam: 2 },
  },
  {
    key: "diterapkan",
    name: { id: "Diterapkan", en: "Implemented" },
    description: { id: "Ide diterapkan dalam layanan.", en: "An idea was put into service." },
    trigger: { kind: "event", rule: "idea_implemented" },
  },
  {
    key: "direplikasi",
    name: { id: "Direplikasi", en: "Replicated" },
    description: { id: "Ide diadopsi oleh instansi lain.", en: "An idea was adopted by another agency." },
    trigger: { kind: "event", rule: "idea_replicated" },
  },
  {
    key: "reviewer_teladan",
    name: { id: "Reviewer Teladan", en: "Exemplary Reviewer" },
    description: { id: "Menyelesaikan 5 penilaian tepat waktu.", en: "Completed 5 reviews on time." },
    trigger: { kind: "count", rule: "review_on_time", count: 5 },
  },
  {
    key: "pendukung_aktif",
    name: { id: "Pendukung Aktif", en: "Active Supporter" },
    description: { id: "Memberi 25 dukungan pada ide rekan.", en: "Voted for colleagues' ideas 25 times." },
    trigger: { kind: "count", rule: "vote_cast", count: 25 },
  },
  {
    key: "rajin_berdiskusi",
    name: { id: "Rajin Berdiskusi", en: "Keen Discussant" },
    description: { id: "Menulis 20 komentar.", en: "Posted 20 comments." },
    trigger: { kind: "count", rule: "comment_posted", count: 20 },
  },
  {
    key: "penerima_penghargaan",
    name: { id: "Penerima Penghargaan", en: "Award Recipient" },
    description: { id: "Menerima penghargaan dari pimpinan.", en: "Received an award from the leadership." },
    trigger: { kind: "event", rule: "award_granted" },
  },
] as const satisfies readonly Badge[];

export type BadgeKey = (typeof BADGES)[number]["key"];

const BY_KEY = new Map<string, Badge>(BADGES.map((b) => [b.key, b]));

export const badgeOf = (key: string): Badge | undefined => BY_KEY.get(key);

/** The badge counted on a rule, if there is one (the engine reads that count only then). */
export function countedBadge(rule: RuleKey): (Badge & { trigger: { kind: "count" } }) | undefined {
  return (BADGES as readonly Badge[]).find(
    (b): b is Badge & { trigger: { kind: "count"; rule: RuleKey; count: number } } =>
      b.trigger.kind === "count" && b.trigger.rule === rule,
  );
}
