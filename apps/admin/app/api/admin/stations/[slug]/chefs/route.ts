import { ok, readJsonBody } from '@hibachi/core/http';
import { createChef, listChefs } from '@hibachi/core/stations';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const GET = staffRoute<{ slug: string }>(async (_request, { staff, params }) =>
  ok(await listChefs({ scope: staff, slug: params.slug })),
);

export const POST = staffRoute<{ slug: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await createChef({
      scope: staff,
      slug: params.slug,
      input: await readJsonBody(request),
      requestId,
    }),
    { status: 201 },
  ),
);
