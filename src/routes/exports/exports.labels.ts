/**
 * Words of the exports and the dossier, in Bahasa Indonesia (what a spreadsheet or a printed page
 * shows; the API itself speaks in codes). The idea statuses match the SPA's `ideaStatus.*` strings.
 */
import type { IdeaStatus } from "../../domain/idea-status";
import type { RewardEventType, SubjectType } from "../../domain/rewards";

export const STATUS_LABEL: Record<IdeaStatus, string> = {
  draft: "Draf",
  submitted: "Diajukan",
  in_review: "Sedang dinilai",
  shortlisted: "Nominasi",
  approved: "Disetujui",
  implemented: "Diterapkan",
  rejected: "Ditolak",
  withdrawn: "Ditarik",
  merged: "Digabung",
};

/** Steps of an idea's history (`idea_events.action`), as the SPA's `ideaEvent.*` strings say them. */
const IDEA_EVENT_LABEL: Record<string, string> = {
  create: "Membuat draf",
  submit: "Mengajukan ide",
  withdraw: "Menarik ide",
  start_review: "Memulai penilaian",
  shortlist: "Memasukkan ke nominasi",
  approve: "Menyetujui ide",
  reject: "Menolak ide",
  implement: "Menandai ide sudah diterapkan",
  merge: "Menggabungkan ke ide lain",
  absorb: "Menggabungkan ide serupa ke sini",
};
export const ideaEventLabel = (action: string) => IDEA_EVENT_LABEL[action] ?? "Mengubah status";

/** What caused a ledger row (`point_ledger.event_type`). */
export const LEDGER_CAUSE_LABEL: Record<RewardEventType, string> = {
  idea_submitted: "Ide diajukan",
  idea_shortlisted: "Ide masuk nominasi",
  idea_approved: "Ide disetujui",
  idea_implemented: "Ide diterapkan",
  vote_cast: "Dukungan diberikan",
  comment_posted: "Komentar ditulis",
  review_completed: "Penilaian selesai",
  award_granted: "Penghargaan diberikan",
  vote_retracted: "Dukungan ditarik (koreksi)",
  comment_deleted: "Komentar dihapus (koreksi)",
  comment_hidden: "Komentar disembunyikan moderator (koreksi)",
  idea_withdrawn: "Ide ditarik (koreksi)",
  idea_merged: "Ide digabung sebagai duplikat (koreksi)",
  award_revoked: "Penghargaan dicabut (koreksi)",
};
export const ledgerCauseLabel = (eventType: string) => LEDGER_CAUSE_LABEL[eventType as RewardEventType] ?? eventType;

const SUBJECT_LABEL: Record<SubjectType, string> = {
  idea: "Ide",
  vote: "Dukungan",
  comment: "Komentar",
  review: "Penilaian",
  award: "Penghargaan",
};
/** The subject of a person's folded day of votes: how many, never which idea. @example votesLabel(3) // "3 dukungan" */
export const votesLabel = (count: number) => `${count} dukungan`;

/** @example subjectLabel("idea", 12) // "Ide #12" */
export const subjectLabel = (type: string, id: number) => `${SUBJECT_LABEL[type as SubjectType] ?? type} #${id}`;

export const ATTACHMENT_KIND_LABEL = { attachment: "Lampiran usulan", evidence: "Bukti penerapan" } as const;
