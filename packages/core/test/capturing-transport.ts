import type { EmailTransport, OutgoingMail } from '../src/notifications/email-transport';

/** An e-mail transport that keeps what it is given, for tests that read the mail sent. */
export function capturingTransport(): { sent: OutgoingMail[]; transport: EmailTransport } {
  const sent: OutgoingMail[] = [];
  const transport: EmailTransport = {
    sendTimeoutMs: 1_000,
    send: (mail) => {
      sent.push(mail);
      return Promise.resolve();
    },
    close() {},
  };
  return { sent, transport };
}
