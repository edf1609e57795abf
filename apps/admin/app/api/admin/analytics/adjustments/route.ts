import { getAdjustmentAnalytics } from '@hibachi/core/analytics';
import { ok } from '@hibachi/core/http';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(async (request, { staff }) =>
  ok(
    await getAdjustmentAnalytics({
      scope: staff,
      query: Object.fromEntries(new URL(request.url).searchParams),
    }),
  ),
);
