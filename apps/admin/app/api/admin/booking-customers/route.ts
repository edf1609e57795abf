import { findBookingCustomer } from '@hibachi/core/bookings';
import { ok } from '@hibachi/core/http';
import { consumeRateLimit } from '@hibachi/core/rate-limit';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(async (request, { staff }) => {
  await consumeRateLimit('staffCustomerLookup', `staff:${staff.staffId}`);
  return ok(
    await findBookingCustomer({
      scope: staff,
      query: Object.fromEntries(new URL(request.url).searchParams),
    }),
  );
});
