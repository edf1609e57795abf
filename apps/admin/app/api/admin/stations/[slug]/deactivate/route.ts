import { ok } from '@hibachi/core/http';
import { deactivateStation } from '@hibachi/core/stations';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const POST = staffRoute<{ slug: string }>(async (_request, { staff, params, requestId }) =>
  ok(await deactivateStation({ scope: staff, slug: params.slug, requestId })),
);
