import { type StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { netPaidCents } from '../money/net-paid';
import { addDays, instantToLocal, localToInstant, todayInTimeZone, toLocalDate } from '../time';
import { balanceDue } from '../money/balance-due';
import { awaitsOutcome } from './staff-booking-actions';
import { chefOf, mayStart, type MyEvent, type MyEvents } from './my-events';

/** How far ahead "My events" lists a chef's events. */
const AHEAD_DAYS = 60;

/**
 * `GET /api/admin/my-events`: a chef's own events from today on (station-local), phone-first:
 * time, address with a maps link, party, menu counts, requests, the balance to collect and the
 * customer's phone. Only their events: the query is by the account's own chef.
 */
export async function getMyEvents(options: { scope: StaffScope; now?: Date }): Promise<MyEvents> {
  const chefId = chefOf(options.scope);
  const now = options.now ?? new Date();
  const chef = await getDb().chef.findUniqueOrThrow({
    where: { id: chefId },
    include: { station: true },
  });
  const zone = chef.station.timezone;
  const today = todayInTimeZone(zone, now);
  const from = localToInstant({ date: today, time: '00:00' }, zone) ?? now;
  const until = localToInstant({ date: addDays(today, AHEAD_DAYS), time: '00:00' }, zone) ?? now;
  const bookings = await getDb().booking.findMany({
    where: {
      chefId,
      status: { in: ['PENDING_PAYMENT', 'CONFIRMED', 'COMPLETED'] },
      startsAt: { gte: from, lt: until },
    },
    include: {
      customer: { select: { name: true, phone: true } },
      payments: true,
      menuLines: { orderBy: [{ kind: 'asc' }, { name: 'asc' }] },
    },
    orderBy: { startsAt: 'asc' },
  });
  return {
    chef: { name: chef.name },
    station: {
      name: chef.station.name,
      timezone: zone,
      currency: chef.station.currency,
      locale: chef.station.locale,
    },
    today,
    events: bookings.map((booking) => {
      const address = {
        line1: booking.addressLine1,
        line2: booking.addressLine2,
        city: booking.city,
        postalCode: booking.postalCode,
      };
      const place = [address.line1, address.line2, address.city, address.postalCode]
        .filter(Boolean)
        .join(', ');
      return {
        id: booking.id,
        reference: booking.reference,
        status: booking.status as MyEvent['status'],
        version: booking.version,
        date: toLocalDate(booking.eventDate),
        time: booking.startTime,
        endTime: instantToLocal(booking.endsAt, zone).time,
        address,
        mapsUrl: `https://www.openstreetmap.org/search?query=${encodeURIComponent(place)}`,
        adults: booking.adults,
        children: booking.children,
        menu: booking.menuLines.map((line) => ({ name: line.name, quantity: line.quantity })),
        specialRequests: booking.specialRequests,
        balanceCents: balanceDue(
          booking.status,
          booking.totalCents,
          netPaidCents(booking.payments),
        ),
        customer: booking.customer,
        canComplete: chef.station.chefsMayComplete && awaitsOutcome(booking, now),
        startedAt: booking.startedAt?.toISOString() ?? null,
        canStart: chef.station.chefsMayComplete && mayStart(booking, now),
      };
    }),
  };
}
