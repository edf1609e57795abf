import type { TStartConversationInput } from '@hibachi/core/conversations/conversation.schema';

/** The chat's first form as text; on a manage page the booking stands for the contact fields. */
export type StartValues = {
  station?: string;
  name?: string;
  email?: string;
  message: string;
  /** The honeypot: people never see or fill it. */
  website?: string;
};

/**
 * `POST /api/conversations`: the contact (or the booking of the page), the first message with
 * its own id when there is one, and the honeypot as filled in (the server refuses a bot's).
 */
export function toStartConversationInput(
  values: StartValues,
  booking: { reference: string; token: string } | undefined,
  messageId: string,
): TStartConversationInput {
  const text = values.message.trim();
  const message = text ? { clientMessageId: messageId, body: text } : undefined;
  // Sent as filled in: only a bot fills the hidden field, and the server refuses it.
  const website = (values.website ?? '') as '';
  return booking
    ? { ...booking, message, website }
    : {
        station: values.station ?? '',
        name: values.name ?? '',
        email: values.email ?? '',
        message,
        website,
      };
}
