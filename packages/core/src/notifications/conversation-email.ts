import { z } from 'zod';
import { getDb } from '../db/client';
import { conversationUrl } from '../links/conversation-link';
import type { RenderedEmail } from './render-email';

const ZReplyPayload = z.object({ conversationId: z.uuid(), seq: z.number().int().positive() });

/**
 * Staff's replies the customer has not read, rendered at delivery (a minute after the first):
 * every unread message from staff since, and the signed link back into the conversation.
 * Read in the widget meanwhile, it is not sent.
 */
export async function renderConversationEmail(
  message: { subject: string; payload: unknown },
  customerBaseUrl: string,
): Promise<RenderedEmail | { skipped: string }> {
  const payload = ZReplyPayload.parse(message.payload);
  const conversation = await getDb().conversation.findUnique({
    where: { id: payload.conversationId },
    select: {
      customerName: true,
      customerReadSeq: true,
      station: { select: { name: true } },
      messages: {
        where: { author: { in: ['STAFF', 'ASSISTANT'] } },
        orderBy: { seq: 'asc' },
        select: { seq: true, body: true, staffUser: { select: { name: true } } },
      },
    },
  });
  if (!conversation) return { skipped: 'the conversation no longer exists' };
  const unread = conversation.messages.filter(
    (row) => row.seq >= payload.seq && row.seq > conversation.customerReadSeq,
  );
  if (unread.length === 0) return { skipped: 'the customer read the reply in the conversation' };
  const firstName = conversation.customerName.trim().split(/\s+/)[0] ?? '';
  return {
    subject: message.subject,
    text: [
      `Hi ${firstName},`,
      '',
      `${conversation.station.name} answered you:`,
      '',
      ...unread.flatMap((row) => [
        `${row.staffUser?.name.split(/\s+/)[0] ?? 'Assistant'}: ${row.body}`,
        '',
      ]),
      `Reply or read the whole conversation: ${new URL(conversationUrl(payload.conversationId), customerBaseUrl).href}`,
      '',
      'Hibachi at Home',
    ].join('\n'),
  };
}
