import { ok } from '@hibachi/core/http';
import { deactivateStaff } from '@hibachi/core/staff';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const POST = staffRoute<{ id: string }>(async (_request, { staff, params, requestId }) =>
  ok(await deactivateStaff({ scope: staff, accountId: params.id, requestId })),
);
