/**
 * Sends the due messages of the outbox over one SMTP connection. A message is marked sent as soon
 * as the server accepted it (250 after DATA): whatever happens next (the server hanging up on
 * QUIT, the run dying) it is never sent again. A refused or failed message is tried again with
 * backoff; the rest of the run goes on (on a fresh connection when the old one broke).
 */
import type { Database } from "../db/client";
import { markMailFailed, markMailSent, takeDueMail, type DueMail } from "../db/queries/outbox.queries";
import { SECRET_MAIL_KINDS, SEND_BATCH, SEND_LEASE_MS, retryDelayMs } from "../domain/outbox";
import type { MailConfig } from "../outbound/mail-config";
import { buildMessage } from "../outbound/mail-message";
import { renderMail } from "../outbound/mail-templates";
import { SmtpError, SmtpSession } from "../outbound/smtp-connection";

export type SendReport = { sent: number; failed: number };

function render(mail: DueMail, config: MailConfig) {
  const unsubscribeUrl = mail.unsubscribeToken
    ? `${config.origin}/berhenti-langganan?token=${mail.unsubscribeToken}`
    : undefined;
  const content = renderMail(mail.kind, {
    origin: config.origin,
    agencyName: mail.agencyName,
    recipientName: mail.name,
    timeZone: mail.timeZone,
    payload: JSON.parse(mail.payload) as Record<string, unknown>,
    ...(unsubscribeUrl ? { unsubscribeUrl } : {}),
  });
  return content ? { content, unsubscribeUrl } : null;
}

export async function sendDueMail(db: Database, config: MailConfig, now: number): Promise<SendReport> {
  const mails = await takeDueMail(db, now, now + SEND_LEASE_MS, SEND_BATCH);
  const report: SendReport = { sent: 0, failed: 0 };
  if (mails.length === 0) return report;
  const fail = async (mail: DueMail, error: string, permanent: boolean) => {
    report.failed++;
    await markMailFailed(db, mail, { error, permanent, retryAt: now + retryDelayMs(mail.attempts + 1) });
  };

  let session: SmtpSession | null = null;
  const helo = new URL(config.origin).hostname || "gagas";
  for (const mail of mails) {
    const rendered = render(mail, config);
    if (!rendered || !mail.userActive) {
      await fail(mail, rendered ? "recipient deactivated" : `no template for ${mail.kind}`, true);
      continue;
    }
    const raw = await buildMessage(
      {
        from: config.from,
        fromName: config.fromName,
        to: mail.email,
        toName: mail.name,
        dedupeKey: mail.dedupeKey,
        date: new Date(now),
        ...(rendered.unsubscribeUrl ? { unsubscribeUrl: rendered.unsubscribeUrl } : {}),
      },
      rendered.content,
    );
    try {
      session ??= await SmtpSession.open({ ...config, helo });
      await session.send(config.from, mail.email, raw);
    } catch (error) {
      const permanent = error instanceof SmtpError && error.permanent;
      await fail(mail, error instanceof Error ? error.message : String(error), permanent);
      // a refusal leaves the connection usable; anything else (timeout, hang-up) does not
      if (session && error instanceof SmtpError && error.code > 0) {
        await session.reset().catch(() => {
          session = null;
        });
      } else {
        session?.abort();
        session = null;
      }
      continue;
    }
    await markMailSent(db, mail.id, Date.now(), (SECRET_MAIL_KINDS as readonly string[]).includes(mail.kind));
    report.sent++;
  }
  if (session) await (session as SmtpSession).close();
  return report;
}
