import { ok, readJsonBody } from '@hibachi/core/http';
import { setWeeklyOff } from '@hibachi/core/season';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** The weekdays the chef never works, as a whole set. */
export const PUT = staffRoute<{ id: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await setWeeklyOff({
      scope: staff,
      chefId: params.id,
      input: await readJsonBody(request),
      requestId,
    }),
  ),
);
