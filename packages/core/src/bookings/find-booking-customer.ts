import 'server-only';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { emailIndex, phoneIndex } from '../crypto/customer-fields';
import { getDb } from '../db/client';
import { requireStationInScope } from '../stations/station-in-scope';
import { toLocalDate } from '../time';
import { parseInput } from '../validation';
import { ZBookingCustomerQuery, type TBookingCustomer } from './staff-new-booking.schema';

/**
 * GET /api/admin/booking-customers?station=…&email=…|phone=…: the customer a phone order is
 * for, found by the exact e-mail or phone (blind index: the data is sealed, so there is no
 * partial search), among those who have booked with the station before. None when none:
 * staff then type the contact in, and the booking creates the customer.
 */
export async function findBookingCustomer(
  options: StaffRequest & { query: unknown },
): Promise<{ customer: TBookingCustomer | null }> {
  assertCan(options.scope, 'bookings.create');
  const query = parseInput(ZBookingCustomerQuery, options.query);
  const stationId = await requireStationInScope(options.scope, query.station);
  const customer = await getDb().customer.findFirst({
    where: {
      ...(query.email
        ? { emailHash: emailIndex(query.email) }
        : { phoneHash: phoneIndex(query.phone ?? '') }),
      erasedAt: null,
      bookings: { some: { stationId } },
    },
    select: {
      name: true,
      email: true,
      phone: true,
      bookings: {
        where: { stationId },
        select: { eventDate: true },
        orderBy: { eventDate: 'desc' },
      },
    },
    orderBy: { createdAt: 'asc' },
  });
  if (!customer) return { customer: null };
  const last = customer.bookings[0]?.eventDate;
  return {
    customer: {
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      bookings: customer.bookings.length,
      lastEventDate: last ? toLocalDate(last) : null,
    },
  };
}
