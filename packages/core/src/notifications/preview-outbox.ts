import { getDb } from '../db/client';
import { getServerEnv } from '../env';
import { loadEmailBookings } from './email-bookings';
import { renderEmail, supersededReason } from './render-email';

export type OutboxPreview = {
  id: string;
  status: string;
  to: string;
  subject: string;
  createdAt: Date;
  /** The text as it would be sent now, or why it cannot be rendered. */
  text: string;
};

/**
 * The newest outbox e-mails rendered as they would be sent, for developers without an
 * SMTP server (`pnpm mail:outbox`). Refused in production: it shows customer data.
 */
export async function previewOutbox(
  options: { limit?: number; nodeEnv?: string } = {},
): Promise<OutboxPreview[]> {
  const env = getServerEnv();
  if ((options.nodeEnv ?? env.NODE_ENV) === 'production')
    throw new Error('The outbox preview is for development only.');
  const messages = await getDb().outboxMessage.findMany({
    orderBy: { createdAt: 'desc' },
    take: options.limit ?? 5,
  });
  const bookings = await loadEmailBookings(messages);
  return messages.map((message) => {
    const booking = message.bookingId ? bookings.get(message.bookingId) : undefined;
    let text: string;
    try {
      const superseded = booking && supersededReason(message, booking);
      text = !booking
        ? '(the booking no longer exists)'
        : superseded
          ? `(would not be sent: ${superseded})`
          : renderEmail(message, booking, env.PUBLIC_CUSTOMER_URL).text;
    } catch (error) {
      text = `(cannot be rendered: ${error instanceof Error ? error.message : String(error)})`;
    }
    return {
      id: message.id,
      status: message.status,
      to: message.recipient,
      subject: message.subject,
      createdAt: message.createdAt,
      text,
    };
  });
}
