import { ok, readJsonBody } from '@hibachi/core/http';
import { updateChef } from '@hibachi/core/stations';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const PATCH = staffRoute<{ id: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await updateChef({
      scope: staff,
      chefId: params.id,
      input: await readJsonBody(request),
      requestId,
    }),
  ),
);
