import { createTransport } from 'nodemailer';

export type OutgoingMail = {
  /** Stable per outbox message, so a redelivered e-mail can be recognised as the same one. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
};

/** Where e-mails go: SMTP in every environment (tests use a local SMTP server). */
export type EmailTransport = {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

/** Failures the SMTP server says are permanent (5xx): retrying cannot help. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** nodemailer over SMTP, with timeouts short enough to fit inside a delivery lease. */
export function createSmtpTransport(smtpUrl: string): EmailTransport {
  const transporter = createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      await transporter.sendMail(mail);
    },
    close() {
      transporter.close();
    },
  };
}
