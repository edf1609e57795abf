import { z } from 'zod';
import { getDb } from '../db/client';
import { conversationUrl } from '../links/conversation-link';
import type { OutboxRendering } from './render-outbox-email';

const ZReplyPayload = z.object({ conversationId: z.uuid(), seq: z.number().int().positive() });

/**
 * Staff's replies the customer has not read, rendered at delivery (a minute after the first):
 * every unread message from staff since, and the signed link back into the conversation.
 * Read in the widget meanwhile, it is not sent (the outbox still shows the replies it held).
 */
export async function renderConversationEmail(
  message: { subject: string; payload: unknown },
  customerBaseUrl: string,
): Promise<OutboxRendering> {
  const payload = ZReplyPayload.parse(message.payload);
  const conversation = await getDb().conversation.findUnique({
    where: { id: payload.conversationId },
    select: {
      customerName: true,
      customerReadSeq: true,
      station: { select: { name: true } },
      messages: {
        where: { author: { in: ['STAFF', 'ASSISTANT'] }, seq: { gte: payload.seq } },
        orderBy: { seq: 'asc' },
        select: { seq: true, body: true, staffUser: { select: { name: true } } },
      },
    },
  });
  if (!conversation) return { skipped: 'the conversation no longer exists' };
  const unread = conversation.messages.filter((row) => row.seq > conversation.customerReadSeq);
  const firstName = conversation.customerName.trim().split(/\s+/)[0] ?? '';
  const email = (replies: typeof unread) => ({
    subject: message.subject,
    text: [
      `Hi ${firstName},`,
      '',
      `${conversation.station.name} answered you:`,
      '',
      ...replies.flatMap((row) => [
        `${row.staffUser?.name.split(/\s+/)[0] ?? 'Assistant'}: ${row.body}`,
        '',
      ]),
      `Reply or read the whole conversation: ${new URL(conversationUrl(payload.conversationId), customerBaseUrl).href}`,
      '',
      'Hibachi at Home',
    ].join('\n'),
  });
  if (unread.length === 0)
    return {
      skipped: 'the customer read the reply in the conversation',
      ...(conversation.messages.length > 0 ? { email: email(conversation.messages) } : {}),
    };
  return { email: email(unread) };
}
