import { getServerEnv } from '../env';
import type { OutboxKind } from '../generated/prisma/client';
import { bookingInvite, inviteMethodFor, senderAddress } from './booking-invite';
import { renderConversationEmail } from './conversation-email';
import { loadEmailBookings } from './email-bookings';
import { manageLinkFor, renderEmail, supersededReason, type RenderedEmail } from './render-email';
import { renderStaffEmail } from './staff-email';

/** An outbox row as every reader of the outbox has it. */
export type OutboxMessageToRender = {
  kind: OutboxKind;
  subject: string;
  payload: unknown;
  bookingId: string | null;
};

/**
 * An e-mail as it goes out now, or why it should no longer go out (`skipped`), with the text
 * it would have had when there is one to show.
 */
export type OutboxRendering =
  { email: RenderedEmail; skipped?: string } | { email?: undefined; skipped: string };

/**
 * `send`: the e-mail itself. `show`: the same e-mail for a person reading the outbox, with
 * the one thing nobody but its recipient may see (a staff set-password link) left out.
 */
export type RenderPurpose = 'send' | 'show';

/** Everything rendering a batch of outbox messages needs, read once for the batch. */
export type OutboxRenderContext = {
  bookings: Awaited<ReturnType<typeof loadEmailBookings>>;
  customerBaseUrl: string;
  organizerEmail: string;
  now: Date;
  purpose: RenderPurpose;
};

/** The message cannot be sent as it stands (its booking is gone): fails at once, never retried. */
export class UndeliverableError extends Error {
  override name = 'UndeliverableError';
}

/** The context for rendering `messages` at `now`: their bookings, the links' base, the sender. */
export async function outboxRenderContext(
  messages: readonly OutboxMessageToRender[],
  options: { now: Date; purpose: RenderPurpose },
): Promise<OutboxRenderContext> {
  const env = getServerEnv();
  return {
    bookings: await loadEmailBookings(messages),
    customerBaseUrl: env.PUBLIC_CUSTOMER_URL,
    organizerEmail: senderAddress(env.EMAIL_FROM),
    ...options,
  };
}

/**
 * The one renderer of outbox e-mails: delivery sends what it returns, and the admin outbox
 * and `pnpm mail:outbox` show the same text. Each kind is rendered from what it is about,
 * as that is now: a booking (with its invite), a staff account, or a conversation. Throws
 * UndeliverableError when the booking is gone, and a zod error when the payload does not
 * fit its kind.
 */
export async function renderOutboxEmail(
  message: OutboxMessageToRender,
  context: OutboxRenderContext,
): Promise<OutboxRendering> {
  if (message.kind === 'STAFF_SET_PASSWORD')
    return renderStaffEmail(message, context.now, { showLink: context.purpose === 'send' });
  if (message.kind === 'CONVERSATION_REPLY')
    return renderConversationEmail(message, context.customerBaseUrl);
  const booking = message.bookingId ? context.bookings.get(message.bookingId) : undefined;
  if (!booking) throw new UndeliverableError('the booking no longer exists');
  const rendered = renderEmail(message, booking, context.customerBaseUrl, context.now);
  const method = inviteMethodFor(message.kind, booking);
  const email: RenderedEmail = method
    ? {
        ...rendered,
        icalEvent: {
          method,
          filename: `${booking.reference}.ics`,
          content: bookingInvite(booking, {
            method,
            organizerEmail: context.organizerEmail,
            manageLink: manageLinkFor(booking, context.customerBaseUrl),
            now: context.now,
          }),
        },
      }
    : rendered;
  const skipped = supersededReason(message, booking);
  return skipped ? { email, skipped } : { email };
}

/**
 * What the outbox viewer and the preview show for a message: its text, or why it cannot be
 * rendered; a pending one that will not go out says so first, a skipped one says why.
 */
export async function renderOutboxText(
  message: OutboxMessageToRender & { status: string },
  context: OutboxRenderContext,
): Promise<string> {
  let rendering: OutboxRendering;
  try {
    rendering = await renderOutboxEmail(message, context);
  } catch (error) {
    const why =
      error instanceof UndeliverableError ? error.message : 'its content does not match its kind';
    return `(cannot be rendered: ${why})`;
  }
  const why = rendering.skipped;
  const note = !why
    ? undefined
    : message.status === 'PENDING'
      ? `(will not be sent: ${why})`
      : message.status === 'SKIPPED'
        ? `(not sent: ${why})`
        : rendering.email
          ? undefined
          : `(cannot be shown now: ${why})`;
  return [note, rendering.email?.text].filter(Boolean).join('\n\n');
}
