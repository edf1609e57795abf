import { ok, readJsonBody } from '@hibachi/core/http';
import { getStationSettings, updateStationSettings } from '@hibachi/core/stations';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const GET = staffRoute<{ slug: string }>(async (_request, { staff, params }) =>
  ok(await getStationSettings({ scope: staff, slug: params.slug })),
);

export const PUT = staffRoute<{ slug: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await updateStationSettings({
      scope: staff,
      slug: params.slug,
      input: await readJsonBody(request),
      requestId,
    }),
  ),
);
