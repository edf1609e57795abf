import { getDb } from '../db/client';
import { getServerEnv } from '../env';
import { describeError } from '../errors/describe-error';
import type { OutboxKind } from '../generated/prisma/client';
import { logger } from '../logger';
import { backoffMs } from '../platform/backoff';
import { BREAKERS, breakerFor, breakerOpen, isBrokenCircuit } from '../platform/breakers';
import type { EmailTransport, MailAttachment } from './email-transport';
import { isPermanentSmtpFailure } from './email-transport';
import {
  outboxRenderContext,
  renderOutboxEmail,
  UndeliverableError,
  type OutboxMessageToRender,
} from './render-outbox-email';

/** After this many failed attempts a message is given up (FAILED, visible to staff). */
export const MAX_DELIVERY_ATTEMPTS = 8;
/** Between attempts: 30 s, 1 min, 2 min … up to 1 h. */
const RETRY_BASE_MS = 30_000;
const RETRY_CAP_MS = 3_600_000;
export const BATCH_SIZE = 10;
/** Margin on top of the slowest possible batch before a claimed message may be handed out again. */
const LEASE_MARGIN_MS = 60_000;

type Claimed = {
  id: string;
  kind: OutboxKind;
  recipient: string;
  subject: string;
  payload: unknown;
  attempts: number;
  bookingId: string | null;
};

export type DeliveryResult = { sent: number; retrying: number; failed: number; skipped: number };

/**
 * Sends the outbox messages that are due. Each message is claimed with a lease
 * (`FOR UPDATE SKIP LOCKED`, committed before sending), so any number of instances can
 * run this at once and never send a message twice at the same time; a sender that dies
 * mid-send leaves the lease to run out and the message is retried. Delivery is
 * therefore at least once, with a stable Message-ID per message.
 */
/**
 * A message's documents; one that cannot be made now (a PDF render failing) does not hold the
 * e-mail back: it goes without, and the failure is logged (the document stays downloadable).
 */
async function attachmentsOf(
  message: OutboxMessageToRender & { id: string },
  attachmentsFor: ((message: OutboxMessageToRender) => Promise<MailAttachment[]>) | undefined,
): Promise<MailAttachment[]> {
  if (!attachmentsFor) return [];
  try {
    return await attachmentsFor(message);
  } catch (error) {
    logger.warn(
      { messageId: message.id, kind: message.kind, err: describeError(error) },
      'e-mail sent without its attachment',
    );
    return [];
  }
}

export async function deliverDueEmails(options: {
  transport: EmailTransport;
  now?: Date;
  batchSize?: number;
  /** Documents to attach to a message (the accepted proposal's PDF to a confirmation). */
  attachmentsFor?: (message: OutboxMessageToRender) => Promise<MailAttachment[]>;
}): Promise<DeliveryResult> {
  const db = getDb();
  const env = getServerEnv();
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? BATCH_SIZE;
  // Each send is cut off at the transport's timeout, so the whole batch ends before its
  // lease does: no other instance can claim a message this one is still going to send.
  const leaseMs = batchSize * options.transport.sendTimeoutMs + LEASE_MARGIN_MS;
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "OutboxMessage" AS m
       SET "nextAttemptAt" = ${new Date(now.getTime() + leaseMs)}, attempts = m.attempts + 1
     WHERE m.id IN (
       SELECT id FROM "OutboxMessage"
        WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}
        ORDER BY "nextAttemptAt"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED)
    RETURNING m.id, m.kind, m.recipient, m.subject, m.payload, m.attempts, m."bookingId"`;
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  if (claimed.length === 0) return result;

  const context = await outboxRenderContext(claimed, { now, purpose: 'send' });
  const domain = env.EMAIL_FROM.replace(/^.*@/, '').replace(/>$/, '');

  const smtp = breakerFor(
    'smtp',
    (error) => isSendFailure(error) && !isPermanentSmtpFailure(error),
  );
  for (const [index, message] of claimed.entries()) {
    // The mail server keeps failing: what is left waits, without spending an attempt.
    if (breakerOpen('smtp')) {
      await releaseClaims(claimed.slice(index), now);
      result.retrying += claimed.length - index;
      logger.warn(
        { waiting: claimed.length - index },
        'SMTP breaker open: e-mails wait in the outbox',
      );
      break;
    }
    try {
      const { email, skipped } = await renderOutboxEmail(message, context);
      if (skipped !== undefined || !email) {
        await db.outboxMessage.update({
          where: { id: message.id },
          data: { status: 'SKIPPED', lastError: `not sent: ${skipped ?? 'nothing to send'}` },
        });
        result.skipped += 1;
        continue;
      }
      const attachments = await attachmentsOf(message, options.attachmentsFor);
      await smtp.execute(() =>
        options.transport.send({
          messageId: `<outbox-${message.id}@${domain}>`,
          from: env.EMAIL_FROM,
          to: message.recipient,
          ...email,
          ...(attachments.length > 0 ? { attachments } : {}),
        }),
      );
      await db.outboxMessage.update({
        where: { id: message.id },
        data: { status: 'SENT', sentAt: new Date(), lastError: null },
      });
      result.sent += 1;
    } catch (error) {
      if (isBrokenCircuit(error)) {
        await releaseClaims(claimed.slice(index), now);
        result.retrying += claimed.length - index;
        break;
      }
      const giveUp =
        error instanceof UndeliverableError ||
        isPermanentSmtpFailure(error) ||
        !isSendFailure(error) ||
        message.attempts >= MAX_DELIVERY_ATTEMPTS;
      await db.outboxMessage.update({
        where: { id: message.id },
        data: giveUp
          ? { status: 'FAILED', lastError: summarise(error) }
          : {
              lastError: summarise(error),
              nextAttemptAt: new Date(
                now.getTime() + backoffMs(message.attempts, RETRY_BASE_MS, RETRY_CAP_MS),
              ),
            },
      });
      result[giveUp ? 'failed' : 'retrying'] += 1;
      // The message id and kind only: SMTP replies often quote the recipient's address.
      logger.warn(
        {
          outboxId: message.id,
          kind: message.kind,
          attempt: message.attempts,
          error: describeError(error),
        },
        giveUp ? 'e-mail delivery failed for good' : 'e-mail delivery failed; will retry',
      );
    }
  }
  return result;
}

/** Claimed messages handed back untried: due again when the breaker lets a trial through. */
async function releaseClaims(messages: Claimed[], now: Date): Promise<void> {
  await getDb().$executeRaw`
    UPDATE "OutboxMessage"
       SET attempts = attempts - 1, "nextAttemptAt" = ${new Date(now.getTime() + BREAKERS.smtp.halfOpenAfterMs)}
     WHERE id = ANY(${messages.map((message) => message.id)}::uuid[])`;
}

/** Errors from talking to the mail server (retryable unless permanent); anything else is our bug. */
function isSendFailure(error: unknown): boolean {
  const candidate = error as { code?: unknown; responseCode?: unknown } | null;
  return typeof candidate?.responseCode === 'number' || typeof candidate?.code === 'string';
}

/** For staff: the SMTP status or error code and a short reason, never more than 300 characters. */
function summarise(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const { responseCode, code } = error as { responseCode?: number; code?: string };
  const prefix = responseCode ? `SMTP ${responseCode}` : (code ?? error.name);
  return `${prefix}: ${error.message}`.slice(0, 300);
}
