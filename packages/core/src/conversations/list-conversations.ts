import 'server-only';
import { resolveStationChoice } from '../auth/resolve-station-choice';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { emailIndex } from '../crypto/customer-fields';
import { getDb } from '../db/client';
import { parseInput } from '../validation';
import { ZInboxQuery, type TInboxRow } from './conversation.schema';
import { rowSelect, toInboxRow, unreadCounts } from './staff-inbox';

const LIST_LIMIT = 100;

/**
 * `GET /api/admin/conversations`: the station's conversations, newest first; a super admin
 * sees every station's unless they pick one. `q` finds an exact e-mail (by its blind index:
 * names and e-mails are sealed, so parts of them cannot be searched) or a booking reference.
 */
export async function listConversations(
  options: StaffRequest & { query: unknown },
): Promise<TInboxRow[]> {
  assertCan(options.scope, 'conversations.answer');
  const query = parseInput(ZInboxQuery, options.query);
  const stationId = await resolveStationChoice(options.scope, query.station);
  const q = query.q;
  const literal = q?.replace(/[\\%_]/g, (c) => `\\${c}`) ?? '';
  const rows = await getDb().conversation.findMany({
    where: {
      ...(stationId ? { stationId } : {}),
      ...(query.status === 'ALL' ? {} : { status: query.status }),
      ...(query.mine === 'true' ? { assignedToId: options.scope.staffId } : {}),
      ...(q
        ? {
            OR: [
              { customerEmailHash: emailIndex(q) },
              { booking: { reference: { startsWith: literal.toUpperCase() } } },
            ],
          }
        : {}),
    },
    orderBy: { lastMessageAt: 'desc' },
    take: LIST_LIMIT,
    select: rowSelect,
  });
  const unread = await unreadCounts(rows);
  return rows.map((row) => toInboxRow(row, unread));
}
