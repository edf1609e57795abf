import { ok, readJsonBody } from '@hibachi/core/http';
import { createTimeOff } from '@hibachi/core/season';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** A chef is away: whole days or hours; over booked events refused, or they move to free chefs. */
export const POST = staffRoute<{ slug: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await createTimeOff({
      scope: staff,
      slug: params.slug,
      input: await readJsonBody(request),
      requestId,
    }),
    { status: 201 },
  ),
);
