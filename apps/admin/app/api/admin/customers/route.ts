import { ok } from '@hibachi/core/http';
import { findCustomers } from '@hibachi/core/privacy';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(async (request, { staff }) =>
  ok(
    await findCustomers({
      scope: staff,
      query: Object.fromEntries(new URL(request.url).searchParams),
    }),
  ),
);
