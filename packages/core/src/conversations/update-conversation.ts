import 'server-only';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { writeStaffAudit } from '../audit/write-audit';
import { getDb } from '../db/client';
import { inTransaction } from '../db/transaction';
import { announce } from '../live/live-bus';
import { fieldError, parseInput } from '../validation';
import { ZConversationUpdate, type TStaffConversation } from './conversation.schema';
import { requireConversation } from './staff-inbox';
import { getStaffConversation } from './get-staff-conversation';

/** `PATCH /api/admin/conversations/ID`: close or reopen, assign, link to a booking; audited. */
export async function updateConversation(
  options: StaffRequest & { conversationId: string; input: unknown },
): Promise<TStaffConversation> {
  assertCan(options.scope, 'conversations.answer');
  const input = parseInput(ZConversationUpdate, options.input);
  const row = await requireConversation(options.scope, options.conversationId);
  const db = getDb();
  const assignee =
    input.assignedToId &&
    (await db.staffUser.findFirst({
      where: { id: input.assignedToId, stationId: row.stationId, active: true },
      select: { id: true },
    }));
  if (input.assignedToId && !assignee)
    throw fieldError('assignedToId', 'Choose a staff member of this station');
  const booking =
    input.bookingReference &&
    (await db.booking.findFirst({
      where: { reference: input.bookingReference.toUpperCase(), stationId: row.stationId },
      select: { id: true },
    }));
  if (input.bookingReference && !booking)
    throw fieldError('bookingReference', 'No booking of this station has that reference');
  const changes = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.assignedToId !== undefined ? { assignedToId: input.assignedToId } : {}),
    ...(input.bookingReference !== undefined ? { bookingId: booking ? booking.id : null } : {}),
  };
  await inTransaction(async (tx) => {
    await tx.conversation.update({ where: { id: row.id }, data: changes });
    await writeStaffAudit(tx, options, {
      stationId: row.stationId,
      entityType: 'Conversation',
      entityId: row.id,
      action: 'conversation.updated',
      before: {
        status: row.status,
        assignedToId: row.assignedTo?.id ?? null,
        bookingId: row.booking?.id ?? null,
      },
      after: changes,
    });
  });
  await announce({ k: 'conversation', s: row.stationId, c: row.id });
  return getStaffConversation(options);
}
