import { ok } from '@hibachi/core/http';
import { resetStaffPassword } from '@hibachi/core/staff';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const POST = staffRoute<{ id: string }>(async (_request, { staff, params, requestId }) =>
  ok(await resetStaffPassword({ scope: staff, accountId: params.id, requestId })),
);
