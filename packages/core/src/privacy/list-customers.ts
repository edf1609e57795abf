import 'server-only';
import { assertCan, type StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { ACTIVE_STATUSES_SQL } from '../scheduling/active-statuses';
import { parseInput } from '../validation';
import { emailIndex, phoneIndex } from '../crypto/customer-fields';
import { ZCustomerLookupQuery, type TCustomerSummary } from './customer-data.schema';
import { toLocalDate } from '../time';
import { conversationsOf } from './customer-data';

/**
 * `GET /api/admin/customers?email=…|phone=…` (super admin): the customers with exactly that
 * e-mail or phone, found by blind index (the data is sealed: no partial search), with what
 * export and erasure would cover.
 */
export async function listCustomers(options: {
  scope: StaffScope;
  query: unknown;
  now?: Date;
}): Promise<TCustomerSummary[]> {
  assertCan(options.scope, 'customers.privacy');
  const query = parseInput(ZCustomerLookupQuery, options.query);
  const now = options.now ?? new Date();
  const customers = await getDb().customer.findMany({
    where: query.email
      ? { emailHash: emailIndex(query.email) }
      : { phoneHash: phoneIndex(query.phone ?? '') },
    orderBy: { createdAt: 'asc' },
    take: 20,
  });
  return Promise.all(
    customers.map(async (customer) => {
      const [counts] = await getDb().$queryRaw<
        { bookings: number; upcoming: number; last: Date | null; conversations: number }[]
      >`
        SELECT (SELECT count(*)::int FROM "Booking" WHERE "customerId" = ${customer.id}::uuid) AS bookings,
               (SELECT count(*)::int FROM "Booking" WHERE "customerId" = ${customer.id}::uuid
                   AND status IN ${ACTIVE_STATUSES_SQL} AND "endsAt" > ${now}) AS upcoming,
               (SELECT max("eventDate") FROM "Booking" WHERE "customerId" = ${customer.id}::uuid) AS last,
               (SELECT count(*)::int FROM (${conversationsOf(customer.id, customer.emailHash)}) c) AS conversations`;
      return {
        id: customer.id,
        name: customer.name,
        email: customer.email,
        phone: customer.phone,
        createdAt: customer.createdAt.toISOString(),
        erasedAt: customer.erasedAt?.toISOString() ?? null,
        bookings: counts?.bookings ?? 0,
        upcomingBookings: counts?.upcoming ?? 0,
        lastEventDate: counts?.last ? toLocalDate(counts.last) : null,
        conversations: counts?.conversations ?? 0,
      };
    }),
  );
}
