/**
 * What the audit log records: every admin and moderation action, by its key (`<subject>.<verb>`)
 * with what it says in both languages. `recordAudit` takes only these keys, so a new action cannot
 * be written without a label for the audit page and its CSV.
 */
import type { Bilingual } from "./levels.ts";

export const AUDIT_ACTION_LABELS = {
  "agency.create": { id: "Membuat instansi", en: "Created an agency" },
  "agency.update": { id: "Mengubah pengaturan instansi", en: "Changed the agency's settings" },
  "search_synonyms.update": { id: "Mengubah sinonim pencarian", en: "Changed the search synonyms" },
  "agency.emblem_set": { id: "Mengganti lambang instansi", en: "Set the agency's emblem" },
  "agency.emblem_remove": { id: "Menghapus lambang instansi", en: "Removed the agency's emblem" },
  "agency.oidc_update": { id: "Mengubah penyedia identitas (OIDC)", en: "Changed the identity provider (OIDC)" },
  "agency.deactivate": { id: "Menonaktifkan instansi", en: "Deactivated the agency" },
  "agency.reactivate": { id: "Mengaktifkan kembali instansi", en: "Reactivated the agency" },
  "unit.create": { id: "Menambah unit kerja", en: "Created a unit" },
  "unit.update": { id: "Mengubah unit kerja", en: "Changed a unit" },
  "unit.deactivate": { id: "Menonaktifkan unit kerja", en: "Deactivated a unit" },
  "user.create": { id: "Membuat akun", en: "Created an account" },
  "user.update": { id: "Mengubah akun", en: "Changed an account" },
  "user.deactivate": { id: "Menonaktifkan akun", en: "Deactivated an account" },
  "user.reset_password": { id: "Membuat kata sandi sementara", en: "Issued a temporary password" },
  "user.import": { id: "Mengimpor akun dari CSV", en: "Imported accounts from CSV" },
  "user.activation_send": { id: "Mengirim tautan aktivasi lewat surel", en: "E-mailed activation links" },
  "user.activation_sheet": { id: "Mencetak lembar aktivasi", en: "Printed an activation sheet" },
  "campaign.create": { id: "Membuat kompetisi", en: "Created a campaign" },
  "campaign.update": { id: "Mengubah kompetisi", en: "Changed a campaign" },
  "committee.update": { id: "Mengubah komite", en: "Changed a committee" },
  "review.reopen": { id: "Membuka kembali penilaian", en: "Reopened a review" },
  "competition.configure": {
    id: "Mengatur babak dan syarat kompetisi",
    en: "Configured a competition's rounds and gates",
  },
  "round.open": { id: "Membuka babak kompetisi", en: "Opened a competition round" },
  "round.close": { id: "Menutup babak kompetisi", en: "Closed a competition round" },
  "guest.invite": { id: "Mengundang penilai eksternal", en: "Invited an external reviewer" },
  "reward_rules.update": { id: "Menerbitkan aturan poin", en: "Published reward rules" },
  "award.announce": { id: "Mengumumkan penghargaan", en: "Announced an award" },
  "award.revoke": { id: "Mencabut penghargaan", en: "Revoked an award" },
  "comment.hide": { id: "Menyembunyikan komentar", en: "Hid a comment" },
  "comment.restore": { id: "Menampilkan kembali komentar", en: "Restored a comment" },
  "comment.dismiss_reports": { id: "Menolak laporan komentar", en: "Dismissed a comment's reports" },
  "idea.hide": { id: "Menyembunyikan ide", en: "Hid an idea" },
  "idea.restore": { id: "Menampilkan kembali ide", en: "Restored an idea" },
  "idea.dismiss_reports": { id: "Menolak laporan ide", en: "Dismissed an idea's reports" },
  "webhook.create": { id: "Menambah webhook", en: "Added a webhook" },
  "webhook.delete": { id: "Menghentikan webhook", en: "Stopped a webhook" },
  "innovation_profile.update": { id: "Menyimpan profil inovasi", en: "Saved an innovation profile" },
  "innovation_evidence.add": { id: "Menambah bukti inovasi", en: "Added innovation evidence" },
  "innovation_evidence.remove": { id: "Menghapus bukti inovasi", en: "Removed innovation evidence" },
  "problem.import": { id: "Mengimpor keluhan warga", en: "Imported citizen complaints" },
  "problem.create": { id: "Menulis tantangan", en: "Wrote a challenge" },
  "problem.update": { id: "Mengubah masalah", en: "Changed a problem" },
  "problem.merge": { id: "Menggabungkan masalah", en: "Merged problems" },
  "problem.split": { id: "Memecah masalah", en: "Split a problem" },
  "service_token.create": { id: "Membuat token layanan API", en: "Created a service API token" },
  "service_token.revoke": { id: "Mencabut token layanan API", en: "Revoked a service API token" },
} as const satisfies Record<string, Bilingual>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as [AuditAction, ...AuditAction[]];

/** An action's words; an action no longer in the catalogue (an old row) reads as its key. */
export const auditActionLabel = (action: string): Bilingual =>
  (AUDIT_ACTION_LABELS as Record<string, Bilingual>)[action] ?? { id: action, en: action };

/** What an audit row is about. */
export const AUDIT_SUBJECTS = [
  "agency",
  "unit",
  "user",
  "campaign",
  "review",
  "comment",
  "idea",
  "reward_rules",
  "award",
  "webhook",
  "problem",
  "service_token",
] as const;
export type AuditSubject = (typeof AUDIT_SUBJECTS)[number];
