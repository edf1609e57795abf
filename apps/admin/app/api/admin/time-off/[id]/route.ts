import { ok, readJsonBody } from '@hibachi/core/http';
import { deleteTimeOff, updateTimeOff } from '@hibachi/core/season';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const PATCH = staffRoute<{ id: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await updateTimeOff({
      scope: staff,
      timeOffId: params.id,
      input: await readJsonBody(request),
      requestId,
    }),
  ),
);

export const DELETE = staffRoute<{ id: string }>(async (_request, { staff, params, requestId }) =>
  ok(await deleteTimeOff({ scope: staff, timeOffId: params.id, requestId })),
);
