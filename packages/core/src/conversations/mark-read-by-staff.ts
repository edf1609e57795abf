import 'server-only';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { announce } from '../live/live-bus';
import { parseInput } from '../validation';
import { ZReadReceipt } from './conversation.schema';
import { requireConversation } from './staff-inbox';

/** `POST /api/admin/conversations/ID/read`: staff have read up to `seq` (the customer sees it). */
export async function markReadByStaff(
  options: StaffRequest & { conversationId: string; input: unknown },
): Promise<{ staffReadSeq: number }> {
  assertCan(options.scope, 'conversations.answer');
  const { seq } = parseInput(ZReadReceipt, options.input);
  const row = await requireConversation(options.scope, options.conversationId);
  const [updated] = await getDb().$queryRaw<{ staffReadSeq: number }[]>`
    UPDATE "Conversation" SET "staffReadSeq" = LEAST(${seq}, "lastSeq")
     WHERE id = ${row.id}::uuid AND "staffReadSeq" < LEAST(${seq}, "lastSeq")
    RETURNING "staffReadSeq"`;
  if (!updated) return { staffReadSeq: row.staffReadSeq };
  await announce({ k: 'conversation', s: row.stationId, c: row.id });
  return updated;
}
