import { ok, readJsonBody } from '@hibachi/core/http';
import { settleOwedRefund } from '@hibachi/core/payments';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const POST = staffRoute<{ id: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await settleOwedRefund({
      scope: staff,
      paymentId: params.id,
      input: await readJsonBody(request),
      requestId,
    }),
  ),
);
