import 'server-only';
import { getDb } from '../db/client';
import { describeError } from '../errors/describe-error';
import { eventStreamResponse } from '../live/event-stream';
import { logger } from '../logger';
import { parseInput } from '../validation';
import { ZStreamQuery } from './conversation.schema';
import { consumeRateLimit } from '../rate-limit/rate-limiter';
import { assistantConfigured } from './assistant/reply-as-assistant';
import { conversationOfCookie, type CustomerRequest } from './customer-conversation';
import { messageSelect, toMessage } from './to-message';

/** Messages sent per catch-up; a stream further behind gets the rest on the next round. */
const CATCH_UP_LIMIT = 500;

/** `Last-Event-ID` (a reconnecting EventSource) or `?after=` (the widget's own retry): the larger. */
export function resumePoint(lastEventId: string | null, after: string | null): number {
  const parse = (value: string | null) => {
    const number = Number(value);
    return Number.isSafeInteger(number) && number > 0 && number < 2 ** 31 ? number : 0;
  };
  return Math.max(parse(lastEventId), parse(after));
}

/**
 * `GET /api/conversations/current/events`: the conversation live. Every message after the
 * resume point (event id = its number), then each new one as it is announced, and the
 * conversation's state (`read` up to, status, assistant) whenever it changes. Every send
 * comes from one serialized catch-up from the database, so a stream never skips or repeats.
 */
export async function customerEventStream(
  request: Request,
  options: CustomerRequest & { lastEventId: string | null; query: unknown },
): Promise<Response> {
  const { after } = parseInput(ZStreamQuery, options.query);
  const id = await conversationOfCookie(options.cookie);
  await consumeRateLimit('chatRead', `ip:${options.address}`);
  const conversation = await getDb().conversation.findUnique({
    where: { id },
    select: { customerName: true },
  });
  if (!conversation) throw new Error('conversation vanished after its key was checked');
  let lastSeq = resumePoint(options.lastEventId, after ?? null);
  let lastState = '';
  let running: Promise<void> = Promise.resolve();
  let queued = false;
  return eventStreamResponse(request, (sink) => {
    const catchUp = () => {
      if (queued) return;
      queued = true;
      running = running
        .then(async () => {
          queued = false;
          const [rows, state] = await Promise.all([
            oldestAfter(id, lastSeq),
            getDb().conversation.findUnique({
              where: { id },
              select: { staffReadSeq: true, status: true, assistantActive: true },
            }),
          ]);
          for (const row of rows) {
            if (row.seq <= lastSeq) continue;
            sink.send('message', toMessage(row, conversation.customerName), row.seq);
            lastSeq = row.seq;
          }
          if (!state) return;
          const next = JSON.stringify({
            staffReadSeq: state.staffReadSeq,
            status: state.status,
            assistant: state.assistantActive && assistantConfigured(),
          });
          if (next !== lastState) {
            lastState = next;
            sink.send('state', JSON.parse(next) as unknown);
          }
        })
        .catch((error: unknown) =>
          logger.warn({ error: describeError(error) }, 'conversation stream catch-up failed'),
        );
    };
    return {
      owner: `ip:${options.address}`,
      wants: (event) => event.k !== 'bookings' && event.c === id,
      handle: catchUp,
      reset: catchUp,
      start: catchUp,
    };
  });
}

/** The oldest messages after `after`: a stream far behind continues on the next round. */
function oldestAfter(id: string, after: number) {
  return getDb().conversationMessage.findMany({
    where: { conversationId: id, seq: { gt: after } },
    orderBy: { seq: 'asc' },
    take: CATCH_UP_LIMIT,
    select: messageSelect,
  });
}
