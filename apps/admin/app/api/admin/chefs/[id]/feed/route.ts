import { ok } from '@hibachi/core/http';
import { regenerateChefFeed } from '@hibachi/core/season';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** A new private calendar feed URL for the chef; the old one stops working. */
export const POST = staffRoute<{ id: string }>(async (_request, { staff, params, requestId }) =>
  ok(await regenerateChefFeed({ scope: staff, chefId: params.id, requestId })),
);
