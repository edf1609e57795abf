import { ok, readJsonBody } from '@hibachi/core/http';
import { createStation, listStationsAdmin } from '@hibachi/core/stations';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(async (_request, { staff }) =>
  ok(await listStationsAdmin({ scope: staff })),
);

export const POST = staffRoute(async (request, { staff, requestId }) =>
  ok(await createStation({ scope: staff, input: await readJsonBody(request), requestId }), {
    status: 201,
  }),
);
