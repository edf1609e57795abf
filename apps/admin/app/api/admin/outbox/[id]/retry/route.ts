import { ok } from '@hibachi/core/http';
import { retryOutboxMessage } from '@hibachi/core/notifications';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const POST = staffRoute<{ id: string }>(async (_request, { staff, params, requestId }) =>
  ok(await retryOutboxMessage({ scope: staff, messageId: params.id, requestId })),
);
