import { ok, readJsonBody } from '@hibachi/core/http';
import { createMenuItem } from '@hibachi/core/stations';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const POST = staffRoute<{ slug: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await createMenuItem({
      scope: staff,
      slug: params.slug,
      input: await readJsonBody(request),
      requestId,
    }),
    { status: 201 },
  ),
);
