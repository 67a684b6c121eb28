/**
 * An RFC 5322 message: UTF-8 headers as encoded words, a multipart/alternative body with the plain
 * text first and simple HTML second, both base64 (lines of 76), and the Message-ID derived from
 * the outbox row's dedupe key so the same cause always carries the same id.
 */
import { sha256Hex } from "../lib/tokens";

export type MailContent = { subject: string; text: string; html: string };

export type Envelope = {
  from: string;
  fromName: string;
  to: string;
  toName: string;
  dedupeKey: string;
  date: Date;
  /** A one-click unsubscribe address (List-Unsubscribe), when the kind can be turned off. */
  unsubscribeUrl?: string;
};

const encoder = new TextEncoder();

function base64(text: string): string {
  let s = "";
  for (const b of encoder.encode(text)) s += String.fromCharCode(b);
  return btoa(s);
}

/** `=?UTF-8?B?…?=` when the text is not plain ASCII. */
export function encodeWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${base64(text)}?=`;
}

const wrap = (b64: string) => b64.replace(/.{1,76}/g, "$&\r\n");

/** The Message-ID of a dedupe key: the same key, the same id, on every attempt. */
export async function messageIdOf(dedupeKey: string, domain: string): Promise<string> {
  return `<${(await sha256Hex(dedupeKey)).slice(0, 40)}@${domain}>`;
}

export async function buildMessage(envelope: Envelope, content: MailContent): Promise<string> {
  const domain = envelope.from.split("@")[1] ?? "gagas.local";
  const boundary = `gagas-${(await sha256Hex(`${envelope.dedupeKey}:boundary`)).slice(0, 24)}`;
  const headers = [
    `From: ${encodeWord(envelope.fromName)} <${envelope.from}>`,
    `To: ${encodeWord(envelope.toName.replace(/[\r\n<>"]/g, " "))} <${envelope.to}>`,
    `Subject: ${encodeWord(content.subject.replace(/[\r\n]/g, " "))}`,
    `Date: ${envelope.date.toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: ${await messageIdOf(envelope.dedupeKey, domain)}`,
    "MIME-Version: 1.0",
    "Auto-Submitted: auto-generated",
    ...(envelope.unsubscribeUrl
      ? [`List-Unsubscribe: <${envelope.unsubscribeUrl}>`, "List-Unsubscribe-Post: List-Unsubscribe=One-Click"]
      : []),
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const part = (type: string, body: string) =>
    [
      `--${boundary}`,
      `Content-Type: ${type}; charset=utf-8`,
      "Content-Transfer-Encoding: base64",
      "",
      wrap(base64(body)),
    ].join("\r\n");
  return [
    ...headers,
    "",
    part("text/plain", content.text),
    part("text/html", content.html),
    `--${boundary}--`,
    "",
  ].join("\r\n");
}
