import { ok, readJsonBody } from '@hibachi/core/http';
import { eraseCustomer } from '@hibachi/core/privacy';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const POST = staffRoute<{ id: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await eraseCustomer({
      scope: staff,
      customerId: params.id,
      input: await readJsonBody(request),
      requestId,
    }),
  ),
);
