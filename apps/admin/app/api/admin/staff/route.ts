import { ok, readJsonBody } from '@hibachi/core/http';
import { createStaff, listStaff } from '@hibachi/core/staff';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(async (_request, { staff }) => ok(await listStaff({ scope: staff })));

export const POST = staffRoute(async (request, { staff, requestId }) =>
  ok(await createStaff({ scope: staff, input: await readJsonBody(request), requestId }), {
    status: 201,
  }),
);
