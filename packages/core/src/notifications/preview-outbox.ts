import { getDb } from '../db/client';
import { getServerEnv } from '../env';
import { outboxRenderContext, renderOutboxText } from './render-outbox-email';

export type OutboxPreview = {
  id: string;
  status: string;
  to: string;
  subject: string;
  createdAt: Date;
  /** The text as the admin outbox shows it: as it would be sent now, or why it cannot be. */
  text: string;
};

/**
 * The newest outbox e-mails rendered as they would be sent, for developers without an
 * SMTP server (`pnpm mail:outbox`), by the renderer delivery and the admin outbox use.
 * Refused in production: it shows customer data.
 */
export async function previewOutbox(
  options: { limit?: number; nodeEnv?: string; now?: Date } = {},
): Promise<OutboxPreview[]> {
  if ((options.nodeEnv ?? getServerEnv().NODE_ENV) === 'production')
    throw new Error('The outbox preview is for development only.');
  const messages = await getDb().outboxMessage.findMany({
    orderBy: { createdAt: 'desc' },
    take: options.limit ?? 5,
  });
  const context = await outboxRenderContext(messages, {
    now: options.now ?? new Date(),
    purpose: 'show',
  });
  return Promise.all(
    messages.map(async (message) => ({
      id: message.id,
      status: message.status,
      to: message.recipient,
      subject: message.subject,
      createdAt: message.createdAt,
      text: await renderOutboxText(message, context),
    })),
  );
}
