import { ok, readJsonBody } from '@hibachi/core/http';
import { clearStationDate, setStationDate } from '@hibachi/core/season';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** The station is closed on the date, or keeps other first and last start times. */
export const PUT = staffRoute<{ slug: string; date: string }>(
  async (request, { staff, params, requestId }) =>
    ok(
      await setStationDate({
        scope: staff,
        slug: params.slug,
        date: params.date,
        input: await readJsonBody(request),
        requestId,
      }),
    ),
);

export const DELETE = staffRoute<{ slug: string; date: string }>(
  async (_request, { staff, params, requestId }) =>
    ok(await clearStationDate({ scope: staff, slug: params.slug, date: params.date, requestId })),
);
