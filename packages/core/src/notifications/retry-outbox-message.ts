import { writeStaffAudit } from '../audit/write-audit';
import { requireInScope } from '../auth/require-in-scope';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';
import type { TRetriedEmail } from './outbox.schema';

/**
 * `POST /api/admin/outbox/ID/retry` (managers): a FAILED e-mail goes back in the queue
 * with a fresh set of attempts; the next delivery run sends it. Other stations' → 404.
 */
export async function retryOutboxMessage(
  options: StaffRequest & { messageId: string; now?: Date },
): Promise<TRetriedEmail> {
  assertCan(options.scope, 'outbox.retry');
  return inTransaction(async (tx) => {
    const message = await requireInScope(options.scope, 'email', options.messageId, (id) =>
      tx.outboxMessage.findUnique({ where: { id } }),
    );
    const updated = await tx.outboxMessage.updateMany({
      where: { id: message.id, status: 'FAILED' },
      data: { status: 'PENDING', attempts: 0, nextAttemptAt: options.now ?? new Date() },
    });
    if (updated.count === 0)
      throw new AppError(
        'CONFLICT',
        `Only failed e-mails can be retried; this one is ${message.status.toLowerCase()}.`,
        {
          details: {
            reason: 'BAD_STATE',
            status: message.status,
          },
        },
      );
    await writeStaffAudit(tx, options, {
      stationId: message.stationId ?? undefined,
      entityType: 'OutboxMessage',
      entityId: message.id,
      action: 'email.retried',
      before: { status: 'FAILED', attempts: message.attempts, lastError: message.lastError },
      after: { status: 'PENDING' },
    });
    return { id: message.id, status: 'PENDING' as const };
  });
}
