import { markReadByStaff } from '@hibachi/core/conversations';
import { ok, readJsonBody } from '@hibachi/core/http';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** Staff have read up to `seq`: the customer sees it, the badge counts it out. */
export const POST = staffRoute<{ id: string }>(async (request, { staff, params }) =>
  ok(
    await markReadByStaff({
      scope: staff,
      conversationId: params.id,
      input: await readJsonBody(request),
    }),
  ),
);
