import { assertCan, type StaffScope } from '../auth/staff-scope';
import { resolveStationChoice } from '../auth/resolve-station-choice';
import { getDb } from '../db/client';
import type { OutboxKind, Prisma } from '../generated/prisma/client';
import { afterCursor, decodeCursor, encodeCursor } from '../platform/keyset-cursor';
import { parseInput } from '../validation';
import {
  OUTBOX_KIND_LABELS,
  ZListOutboxQuery,
  type TOutboxPage,
  type TOutboxRow,
} from './outbox.schema';
import { outboxRenderContext, renderOutboxText } from './render-outbox-email';

export type OutboxRow = TOutboxRow;

/**
 * `GET /api/admin/outbox` (managers): outgoing e-mails of the caller's station, newest
 * first, with status, attempts, last error and the rendered text; filter by status and kind.
 */
export async function listOutbox(options: {
  scope: StaffScope;
  query: unknown;
}): Promise<TOutboxPage> {
  assertCan(options.scope, 'outbox.view');
  const query = parseInput(ZListOutboxQuery, options.query);
  const stationId = await resolveStationChoice(options.scope, query.station);
  const conditions: Prisma.OutboxMessageWhereInput[] = [];
  if (stationId) conditions.push({ stationId });
  if (query.status) conditions.push({ status: query.status });
  if (query.kind) conditions.push({ kind: query.kind });
  if (query.cursor) conditions.push(afterCursor('createdAt', decodeCursor(query.cursor)));

  const rows = await getDb().outboxMessage.findMany({
    where: { AND: conditions },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const context = await outboxRenderContext(page, { now: new Date(), purpose: 'show' });
  const texts = await Promise.all(page.map((message) => renderOutboxText(message, context)));
  const last = page.at(-1);
  return {
    items: page.map((message, index) => {
      const booking = message.bookingId ? context.bookings.get(message.bookingId) : undefined;
      return {
        id: message.id,
        kind: message.kind,
        recipient: message.recipient,
        subject: message.subject,
        status: message.status,
        attempts: message.attempts,
        lastError: message.lastError,
        createdAt: message.createdAt.toISOString(),
        sentAt: message.sentAt?.toISOString() ?? null,
        nextAttemptAt: message.nextAttemptAt.toISOString(),
        booking:
          booking && message.bookingId
            ? { id: message.bookingId, reference: booking.reference }
            : null,
        text: texts[index] ?? '',
      };
    }),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

// Every kind of e-mail the database knows has a label in the viewer's filter, and no more.
const _everyKindLabelled: Record<OutboxKind, string> = OUTBOX_KIND_LABELS;
