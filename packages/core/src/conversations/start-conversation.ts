import 'server-only';
import { requireCustomerBooking } from '../bookings/require-customer-booking';
import { getDb } from '../db/client';
import { inTransaction } from '../db/transaction';
import { sealConversationContact } from '../crypto/customer-fields';
import { AppError } from '../errors/app-error';
import { consumeRateLimit } from '../rate-limit/rate-limiter';
import { parseInput } from '../validation';
import { appendMessage } from './append-message';
import { ZStartConversationInput, type TCustomerConversation } from './conversation.schema';
import {
  afterCustomerMessage,
  conversationCookie,
  readConversation,
} from './customer-conversation';

/**
 * `POST /api/conversations`: opens a conversation at a station (name and e-mail), or on a
 * booking (its reference and manage token: linked, name and e-mail from the booking), with
 * an optional first message. Returns it with the cookie that proves it from now on.
 */
export async function startConversation(options: {
  input: unknown;
  address: string;
}): Promise<{ conversation: TCustomerConversation; cookie: string }> {
  const input = parseInput(ZStartConversationInput, options.input);
  await consumeRateLimit('chatStart', `ip:${options.address}`);
  const opening = await openingOf(input);
  const id = await inTransaction(async (tx) => {
    const created = await tx.conversation.create({ data: opening, select: { id: true } });
    if (input.message)
      await appendMessage(tx, created.id, { author: 'CUSTOMER', ...input.message });
    return created.id;
  });
  if (input.message) await afterCustomerMessage(id, opening.stationId, 1);
  return { conversation: await readConversation(id, 0), cookie: conversationCookie(id) };
}

async function openingOf(input: ReturnType<typeof ZStartConversationInput.parse>) {
  if (input.reference && input.token) {
    const booking = await requireCustomerBooking(input.reference, { token: input.token });
    return {
      stationId: booking.stationId,
      bookingId: booking.id,
      ...sealConversationContact(booking.customer),
    };
  }
  const station = await getDb().station.findFirst({
    where: { slug: input.station ?? '', active: true },
    select: { id: true },
  });
  if (!station)
    throw new AppError('VALIDATION_FAILED', 'Please check the highlighted fields.', {
      details: { station: ['Choose one of our locations'] },
    });
  return {
    stationId: station.id,
    ...sealConversationContact({ name: input.name ?? '', email: input.email ?? '' }),
  };
}
