import { getDb } from '../db/client';
import type { InviteBooking } from './booking-invite';
import type { EmailBooking } from './render-email';

/** The bookings a batch of outbox messages speak of, read once for the batch, by id. */
export async function loadEmailBookings(
  messages: readonly { bookingId: string | null }[],
): Promise<Map<string, EmailBooking & InviteBooking>> {
  const bookings = await getDb().booking.findMany({
    where: { id: { in: messages.flatMap((message) => message.bookingId ?? []) } },
    include: {
      station: {
        select: { name: true, timezone: true, locale: true, menuLockHours: true, reviewUrl: true },
      },
      payments: { select: { status: true, amountCents: true, refundedCents: true } },
      customer: { select: { name: true, email: true } },
      menuLines: {
        select: { name: true, quantity: true },
        orderBy: [{ kind: 'asc' }, { name: 'asc' }],
      },
    },
  });
  return new Map(bookings.map((booking) => [booking.id, booking]));
}
