import { getStaffBooking } from '@hibachi/core/bookings';
import { ok } from '@hibachi/core/http';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const GET = staffRoute<{ id: string }>(async (_request, { staff, params }) =>
  ok(await getStaffBooking({ scope: staff, bookingId: params.id })),
);
