import { ok, readJsonBody } from '@hibachi/core/http';
import { getStationSettings, patchStationSettings } from '@hibachi/core/stations';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** The contract's station resource: the same view as `/settings`; PATCH changes only what it names. */
export const GET = staffRoute<{ slug: string }>(async (_request, { staff, params }) =>
  ok(await getStationSettings({ scope: staff, slug: params.slug })),
);

export const PATCH = staffRoute<{ slug: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await patchStationSettings({
      scope: staff,
      slug: params.slug,
      input: await readJsonBody(request),
      requestId,
    }),
  ),
);
