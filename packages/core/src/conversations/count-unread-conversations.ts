import 'server-only';
import { resolveStationChoice } from '../auth/resolve-station-choice';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { Prisma } from '../generated/prisma/client';

/** `GET /api/admin/conversations/unread`: open conversations with customer messages unread. */
export async function countUnreadConversations(
  options: StaffRequest & { station?: string },
): Promise<{ conversations: number }> {
  assertCan(options.scope, 'conversations.answer');
  const stationId = await resolveStationChoice(options.scope, options.station);
  const [row] = await getDb().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Conversation"
     WHERE status = 'OPEN' AND "lastCustomerSeq" > "staffReadSeq"
       ${stationId ? Prisma.sql`AND "stationId" = ${stationId}::uuid` : Prisma.empty}`;
  return { conversations: row?.n ?? 0 };
}
