/**
 * What each outbox kind says, in Bahasa Indonesia first and English below it (one message serves
 * both, as official Indonesian mail often does), as plain text and as simple HTML. Person-written
 * text (idea titles, names, reasons) is escaped in the HTML and never put in the subject.
 */
import { localDateTime, zoneAbbreviation, type TimeZone } from "../domain/time-zone";
import { escapeHtml } from "../lib/html";
import type { MailContent } from "./mail-message";

export type MailContext = {
  origin: string;
  agencyName: string;
  recipientName: string;
  timeZone: TimeZone;
  payload: Record<string, unknown>;
  /** Present for kinds a person can turn off by e-mail. */
  unsubscribeUrl?: string;
};

type Part = { lead: string; action?: { label: string; url: string }; details?: string[] };
type Template = (ctx: MailContext) => { subject: string; id: Part; en: Part };

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

const DECISION_ID: Record<string, string> = {
  start_review: "masuk tahap penilaian",
  shortlist: "masuk daftar pendek",
  approve: "disetujui",
  reject: "tidak dilanjutkan",
  implement: "dinyatakan terlaksana",
  merge: "digabungkan dengan ide lain",
};
const DECISION_EN: Record<string, string> = {
  start_review: "is now in review",
  shortlist: "was shortlisted",
  approve: "was approved",
  reject: "was not taken forward",
  implement: "is marked implemented",
  merge: "was merged into another idea",
};

const TEMPLATES: Record<string, Template> = {
  activation: (c) => ({
    subject: `Aktifkan akun Gagas Anda / Activate your Gagas account`,
    id: {
      lead: `Yth. ${c.recipientName}, ${c.agencyName} membuatkan akun Gagas untuk Anda. Buka tautan berikut untuk membuat kata sandi sendiri dan masuk. Tautan hanya berlaku sekali dan sampai ${str(c.payload.expiresText)}.`,
      action: { label: "Aktifkan akun", url: str(c.payload.url) },
    },
    en: {
      lead: `Dear ${c.recipientName}, ${c.agencyName} created a Gagas account for you. Open the link to set your own password and sign in. The link works once, until ${str(c.payload.expiresText)}.`,
      action: { label: "Activate account", url: str(c.payload.url) },
    },
  }),
  guest_invitation: (c) => ({
    subject: `Undangan penilai eksternal / Invitation to review`,
    id: {
      lead: `Yth. ${c.recipientName}, ${c.agencyName} mengundang Anda sebagai penilai eksternal kompetisi inovasi. Buka tautan berikut untuk membuat kata sandi; Anda hanya akan melihat inovasi yang ditugaskan kepada Anda. Tautan hanya berlaku sekali dan sampai ${str(c.payload.expiresText)}.`,
      action: { label: "Terima undangan", url: str(c.payload.url) },
    },
    en: {
      lead: `Dear ${c.recipientName}, ${c.agencyName} invites you to review its innovation competition as an external reviewer. Open the link to set a password; you will see only the innovations assigned to you. The link works once, until ${str(c.payload.expiresText)}.`,
      action: { label: "Accept the invitation", url: str(c.payload.url) },
    },
  }),
  password_reset: (c) => ({
    subject: `Atur ulang kata sandi Gagas / Reset your Gagas password`,
    id: {
      lead: `Yth. ${c.recipientName}, ada permintaan untuk mengatur ulang kata sandi akun Gagas Anda. Tautan berlaku sekali, selama 30 menit. Setelah kata sandi diganti, semua sesi Anda berakhir. Abaikan surel ini bila Anda tidak memintanya.`,
      action: { label: "Atur ulang kata sandi", url: str(c.payload.url) },
    },
    en: {
      lead: `Dear ${c.recipientName}, someone asked to reset the password of your Gagas account. The link works once, for 30 minutes. Once the password is changed every session of yours ends. Ignore this e-mail if it was not you.`,
      action: { label: "Reset password", url: str(c.payload.url) },
    },
  }),
  review_due: (c) => {
    const due = `${localDateTime(Number(c.payload.dueAt), c.timeZone)} ${zoneAbbreviation(c.timeZone)}`;
    const url = `${c.origin}/penilaian/${str(c.payload.assignmentId)}`;
    return {
      subject: `Pengingat penilaian / Review reminder`,
      id: {
        lead: `Penilaian Anda untuk ide "${str(c.payload.title)}" jatuh tempo ${due}.`,
        action: { label: "Buka penilaian", url },
      },
      en: {
        lead: `Your review of the idea "${str(c.payload.title)}" is due ${due}.`,
        action: { label: "Open the review", url },
      },
    };
  },
  decision_on_my_idea: (c) => {
    const action = str(c.payload.action);
    const url = `${c.origin}/ide/${str(c.payload.ideaId)}`;
    const reason = str(c.payload.reason);
    return {
      subject: `Keputusan atas ide Anda / A decision on your idea`,
      id: {
        lead: `Ide Anda "${str(c.payload.title)}" ${DECISION_ID[action] ?? action}.`,
        details: reason ? [`Alasan: ${reason}`] : [],
        action: { label: "Lihat ide", url },
      },
      en: {
        lead: `Your idea "${str(c.payload.title)}" ${DECISION_EN[action] ?? action}.`,
        details: reason ? [`Reason: ${reason}`] : [],
        action: { label: "See the idea", url },
      },
    };
  },
  mention: (c) => {
    const url = `${c.origin}/ide/${str(c.payload.ideaId)}#komentar-${str(c.payload.commentId)}`;
    return {
      subject: `Anda disebut dalam diskusi / You were mentioned`,
      id: {
        lead: `${str(c.payload.actorName)} menyebut Anda dalam diskusi ide "${str(c.payload.title)}".`,
        action: { label: "Buka diskusi", url },
      },
      en: {
        lead: `${str(c.payload.actorName)} mentioned you in the discussion of "${str(c.payload.title)}".`,
        action: { label: "Open the discussion", url },
      },
    };
  },
  award_received: (c) => {
    const url = `${c.origin}/penghargaan/${str(c.payload.awardId)}`;
    return {
      subject: `Selamat, Anda menerima penghargaan / You received an award`,
      id: { lead: `Anda menerima penghargaan "${str(c.payload.title)}".`, action: { label: "Lihat penghargaan", url } },
      en: { lead: `You received the award "${str(c.payload.title)}".`, action: { label: "See the award", url } },
    };
  },
  digest: (c) => {
    const items = Array.isArray(c.payload.items) ? (c.payload.items as Record<string, unknown>[]) : [];
    const line = (lang: "id" | "en") => (i: Record<string, unknown>) => {
      const title = str(i.title);
      const count = Number(i.count) || 0;
      if (i.kind === "vote_on_my_idea")
        return lang === "id" ? `${count} dukungan baru untuk "${title}"` : `${count} new supporters of "${title}"`;
      return lang === "id" ? `${count} komentar baru pada "${title}"` : `${count} new comments on "${title}"`;
    };
    const url = `${c.origin}/notifikasi`;
    return {
      subject: `Ringkasan harian Gagas / Your Gagas daily digest`,
      id: {
        lead: `Yth. ${c.recipientName}, ini yang terjadi pada ide Anda sejak kemarin:`,
        details: items.map(line("id")),
        action: { label: "Buka notifikasi", url },
      },
      en: {
        lead: `Dear ${c.recipientName}, here is what happened on your ideas since yesterday:`,
        details: items.map(line("en")),
        action: { label: "Open notifications", url },
      },
    };
  },
};

function textPart(p: Part): string {
  return [
    p.lead,
    ...(p.details ?? []).map((d) => `- ${d}`),
    ...(p.action ? [`${p.action.label}: ${p.action.url}`] : []),
  ].join("\n\n");
}

function htmlPart(p: Part, lang: string): string {
  const details = p.details?.length ? `<ul>${p.details.map((d) => `<li>${escapeHtml(d)}</li>`).join("")}</ul>` : "";
  const action = p.action
    ? `<p><a href="${escapeHtml(p.action.url)}" style="display:inline-block;padding:10px 16px;background:#0b5cad;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(p.action.label)}</a></p>`
    : "";
  return `<div lang="${lang}"><p>${escapeHtml(p.lead)}</p>${details}${action}</div>`;
}

/** @returns null for a kind without a template (it stays in the outbox as failed) */
export function renderMail(kind: string, ctx: MailContext): MailContent | null {
  const template = TEMPLATES[kind];
  if (!template) return null;
  const { subject, id, en } = template(ctx);
  const footerId = ctx.unsubscribeUrl
    ? `Tidak ingin menerima surel jenis ini? Berhenti berlangganan: ${ctx.unsubscribeUrl}`
    : "Surel ini dikirim otomatis oleh Gagas; mohon tidak dibalas.";
  const footerEn = ctx.unsubscribeUrl
    ? `Don't want these e-mails? Unsubscribe: ${ctx.unsubscribeUrl}`
    : "This e-mail was sent automatically by Gagas; please do not reply.";
  const text = [textPart(id), "— English —", textPart(en), "--", `Gagas · ${ctx.agencyName}`, footerId, footerEn].join(
    "\n\n",
  );
  const unsubscribe = ctx.unsubscribeUrl
    ? `<p><a href="${escapeHtml(ctx.unsubscribeUrl)}">Berhenti berlangganan / Unsubscribe</a></p>`
    : "";
  const html = `<!doctype html><html lang="id"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1f24;max-width:560px">
<p style="font-weight:700">Gagas · ${escapeHtml(ctx.agencyName)}</p>${htmlPart(id, "id")}<hr>${htmlPart(en, "en")}
<hr><p style="font-size:13px;color:#555">${escapeHtml(footerId)}<br>${escapeHtml(footerEn)}</p>${unsubscribe}</body></html>`;
  return { subject, text, html };
}
