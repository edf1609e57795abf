import { getStaffConversation, updateConversation } from '@hibachi/core/conversations';
import { ok, readJsonBody } from '@hibachi/core/http';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const GET = staffRoute<{ id: string }>(async (_request, { staff, params }) =>
  ok(await getStaffConversation({ scope: staff, conversationId: params.id })),
);

/** Close or reopen, assign, link to a booking. */
export const PATCH = staffRoute<{ id: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await updateConversation({
      scope: staff,
      conversationId: params.id,
      input: await readJsonBody(request),
      requestId,
    }),
  ),
);
