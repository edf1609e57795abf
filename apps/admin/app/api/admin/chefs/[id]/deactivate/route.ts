import { ok, readJsonBody } from '@hibachi/core/http';
import { deactivateChef } from '@hibachi/core/stations';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const POST = staffRoute<{ id: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await deactivateChef({
      scope: staff,
      chefId: params.id,
      input: await readJsonBody(request),
      requestId,
    }),
  ),
);
