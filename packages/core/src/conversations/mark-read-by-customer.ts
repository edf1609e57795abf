import 'server-only';
import { getDb } from '../db/client';
import { announce } from '../live/live-bus';
import { consumeRateLimit } from '../rate-limit/rate-limiter';
import { parseInput } from '../validation';
import { ZReadReceipt } from './conversation.schema';
import {
  conversationOfCookie,
  type CustomerRequest,
  conversationNotFoundError,
} from './customer-conversation';

/** `POST /api/conversations/current/read`: the customer has seen staff's messages up to `seq`. */
export async function markReadByCustomer(
  request: CustomerRequest & { input: unknown },
): Promise<{ customerReadSeq: number }> {
  const { seq } = parseInput(ZReadReceipt, request.input);
  const id = await conversationOfCookie(request.cookie);
  await consumeRateLimit('chatRead', `ip:${request.address}`);
  // Only a mark that moves is announced: a widget repeats its receipt on every focus.
  const [row] = await getDb().$queryRaw<
    { customerReadSeq: number; stationId: string; moved: boolean }[]
  >`
    WITH before AS (SELECT "customerReadSeq" AS seq FROM "Conversation" WHERE id = ${id}::uuid),
         moved AS (
           UPDATE "Conversation" SET "customerReadSeq" = GREATEST("customerReadSeq", LEAST(${seq}, "lastSeq"))
            WHERE id = ${id}::uuid
           RETURNING "customerReadSeq", "stationId")
    SELECT moved."customerReadSeq", moved."stationId", moved."customerReadSeq" > before.seq AS moved
      FROM moved, before`;
  if (!row) throw conversationNotFoundError();
  if (row.moved) await announce({ k: 'conversation', s: row.stationId, c: id });
  return { customerReadSeq: row.customerReadSeq };
}
