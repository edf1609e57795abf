import { ok } from '@hibachi/core/http';
import { exportCustomerData } from '@hibachi/core/privacy';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** The customer's data as a JSON download (the envelope's `data`), never cached. */
export const GET = staffRoute<{ id: string }>(async (_request, { staff, params, requestId }) =>
  ok(await exportCustomerData({ scope: staff, customerId: params.id, requestId }), {
    headers: {
      'Content-Disposition': `attachment; filename="customer-data.json"`,
      'Cache-Control': 'no-store',
    },
  }),
);
