import { ok } from '@hibachi/core/http';
import { activateStation } from '@hibachi/core/stations';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const POST = staffRoute<{ slug: string }>(async (_request, { staff, params, requestId }) =>
  ok(await activateStation({ scope: staff, slug: params.slug, requestId })),
);
