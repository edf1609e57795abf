import { ok } from '@hibachi/core/http';
import { activateChef } from '@hibachi/core/stations';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const POST = staffRoute<{ id: string }>(async (_request, { staff, params, requestId }) =>
  ok(await activateChef({ scope: staff, chefId: params.id, requestId })),
);
