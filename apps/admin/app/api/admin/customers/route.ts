import { ok } from '@hibachi/core/http';
import { listCustomers } from '@hibachi/core/privacy';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(async (request, { staff }) =>
  ok(
    await listCustomers({
      scope: staff,
      query: Object.fromEntries(new URL(request.url).searchParams),
    }),
  ),
);
