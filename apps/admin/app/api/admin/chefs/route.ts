import { ok, readJsonBody } from '@hibachi/core/http';
import { createChef, listChefs, stationSlugFor } from '@hibachi/core/stations';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** Chefs of the caller's station (`?station=SLUG` to name one; a super admin must). */
export const GET = staffRoute(async (request, { staff }) =>
  ok(
    await listChefs({
      scope: staff,
      slug: await stationSlugFor(staff, new URL(request.url).searchParams.get('station')),
    }),
  ),
);

export const POST = staffRoute(async (request, { staff, requestId }) =>
  ok(
    await createChef({
      scope: staff,
      slug: await stationSlugFor(staff, new URL(request.url).searchParams.get('station')),
      input: await readJsonBody(request),
      requestId,
    }),
    { status: 201 },
  ),
);
