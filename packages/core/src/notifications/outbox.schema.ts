import { z } from 'zod';

const blankIsMissing = (value: unknown) => (value === '' ? undefined : value);

/** What an e-mail is about, in the words the outbox viewer filters by. Browser-safe. */
export const OUTBOX_KIND_LABELS = {
  BOOKING_CONFIRMATION: 'Booking held or confirmed',
  BOOKING_RESCHEDULED: 'Booking moved',
  BOOKING_MENU_CHANGED: 'Party or menu changed',
  BOOKING_CANCELLED: 'Booking cancelled',
  REFUND_ISSUED: 'Refund',
  BALANCE_RECEIVED: 'Balance or gratuity received',
  BOOKING_CHEF_CHANGED: 'Another chef',
  BOOKING_REMINDER: 'Reminder before the event',
  BOOKING_DAY_BEFORE: 'The day before',
  BOOKING_THANK_YOU: 'Thank-you and review',
  STAFF_SET_PASSWORD: 'Staff password link',
  CONVERSATION_REPLY: 'Reply in a conversation',
  PROPOSAL_SENT: 'Proposal to accept',
} as const;
export type TOutboxKind = keyof typeof OUTBOX_KIND_LABELS;
const OUTBOX_KINDS = Object.keys(OUTBOX_KIND_LABELS) as [TOutboxKind, ...TOutboxKind[]];

/** `GET /api/admin/outbox` query. */
export const ZListOutboxQuery = z.object({
  status: z.preprocess(
    blankIsMissing,
    z.enum(['PENDING', 'SENT', 'FAILED', 'SKIPPED'], { error: 'Unknown status' }).optional(),
  ),
  kind: z.preprocess(blankIsMissing, z.enum(OUTBOX_KINDS, { error: 'Unknown kind' }).optional()),
  station: z.preprocess(blankIsMissing, z.string().max(64).optional()),
  cursor: z.preprocess(blankIsMissing, z.string().max(200).optional()),
  limit: z.preprocess(blankIsMissing, z.coerce.number().int().min(1).max(100).default(25)),
});

/** One e-mail of `GET /api/admin/outbox`. */
export const ZOutboxRow = z.object({
  id: z.uuid(),
  kind: z.enum(OUTBOX_KINDS),
  recipient: z.string(),
  subject: z.string(),
  status: z.enum(['PENDING', 'SENT', 'FAILED', 'SKIPPED']),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  nextAttemptAt: z.iso.datetime(),
  booking: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  /** The text as it is (or would be) sent, rendered now by the renderer delivery uses. */
  text: z.string(),
});
export type TOutboxRow = z.output<typeof ZOutboxRow>;

/** `GET /api/admin/outbox` (managers): a page of e-mails, newest first, and the next cursor. */
export const ZOutboxPage = z
  .object({ items: z.array(ZOutboxRow), nextCursor: z.string().nullable() })
  .describe('A page of e-mails and the next cursor');
export type TOutboxPage = z.output<typeof ZOutboxPage>;

/** `POST /api/admin/outbox/ID/retry`: the e-mail, back in the queue. */
export const ZRetriedEmail = z
  .object({ id: z.uuid(), status: z.literal('PENDING') })
  .describe('The e-mail, pending again');
export type TRetriedEmail = z.output<typeof ZRetriedEmail>;
