import { replyToConversation } from '@hibachi/core/conversations';
import { ok, readJsonBody } from '@hibachi/core/http';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** Staff answer: 201, or 200 with the kept message when its id was sent before. */
export const POST = staffRoute<{ id: string }>(async (request, { staff, params, requestId }) => {
  const { message, duplicate } = await replyToConversation({
    scope: staff,
    conversationId: params.id,
    input: await readJsonBody(request),
    requestId,
  });
  return ok(message, { status: duplicate ? 200 : 201 });
});
