import { ok } from '@hibachi/core/http';
import { getStationMenu } from '@hibachi/core/stations';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const GET = staffRoute<{ slug: string }>(async (_request, { staff, params }) =>
  ok(await getStationMenu({ scope: staff, slug: params.slug })),
);
