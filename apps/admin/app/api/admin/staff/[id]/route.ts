import { ok, readJsonBody } from '@hibachi/core/http';
import { updateStaff } from '@hibachi/core/staff';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const PATCH = staffRoute<{ id: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await updateStaff({
      scope: staff,
      accountId: params.id,
      input: await readJsonBody(request),
      requestId,
    }),
  ),
);
