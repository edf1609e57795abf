import { ok } from '@hibachi/core/http';
import { listOutbox } from '@hibachi/core/notifications';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(async (request, { staff }) =>
  ok(
    await listOutbox({
      scope: staff,
      query: Object.fromEntries(new URL(request.url).searchParams),
    }),
  ),
);
