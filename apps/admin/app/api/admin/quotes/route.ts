import { ok, readJsonBody } from '@hibachi/core/http';
import { quoteForStaff } from '@hibachi/core/pricing';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const POST = staffRoute(async (request, { staff }) =>
  ok(await quoteForStaff({ scope: staff, input: await readJsonBody(request) })),
);
