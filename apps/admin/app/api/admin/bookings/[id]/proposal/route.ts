import { sendProposal } from '@hibachi/core/bookings';
import { ok } from '@hibachi/core/http';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** E-mails the customer their proposal link again. */
export const POST = staffRoute<{ id: string }>(async (_request, { staff, params, requestId }) =>
  ok(await sendProposal({ scope: staff, bookingId: params.id, requestId })),
);
