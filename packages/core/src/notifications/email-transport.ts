import { createTransport } from 'nodemailer';

export type OutgoingMail = {
  /** Stable per outbox message, so a redelivered e-mail can be recognised as the same one. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  /** A calendar invitation, sent as the text/calendar part calendars act on (nodemailer icalEvent). */
  icalEvent?: { method: 'REQUEST' | 'CANCEL'; filename: string; content: string };
  /** Documents the customer keeps (the accepted proposal's PDF). */
  attachments?: MailAttachment[];
};

export type MailAttachment = { filename: string; content: Buffer; contentType: string };

/** Where e-mails go: SMTP in every environment (tests use a local SMTP server). */
export type EmailTransport = {
  /** A send that takes longer is aborted (and retried later), so a batch has a known bound. */
  readonly sendTimeoutMs: number;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

/** Failures the SMTP server says are permanent (5xx): retrying cannot help. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** nodemailer over SMTP; every send is aborted after `sendTimeoutMs` however slow the server. */
export function createSmtpTransport(
  smtpUrl: string,
  { sendTimeoutMs = 30_000 }: { sendTimeoutMs?: number } = {},
): EmailTransport {
  const transporter = createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: sendTimeoutMs,
  });
  return {
    sendTimeoutMs,
    async send(mail) {
      await transporter.sendMail({ ...mail, signal: AbortSignal.timeout(sendTimeoutMs) });
    },
    close() {
      transporter.close();
    },
  };
}
