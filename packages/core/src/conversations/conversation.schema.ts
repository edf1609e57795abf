import { z } from 'zod';
import { sanitizeLine, sanitizeText } from '../validation/sanitize';

/** Browser-safe: the widget's and the inbox's forms parse with these, and so does the API. */
export const MESSAGE_MAX_LENGTH = 2_000;

/** Plain text only: tags and control characters removed; 1-2,000 characters once cleaned. */
export const ZMessageText = z
  .string()
  .max(MESSAGE_MAX_LENGTH * 2, `At most ${MESSAGE_MAX_LENGTH} characters`)
  .transform((value) => sanitizeText(value.normalize('NFC')))
  .pipe(
    z
      .string()
      .min(1, 'Write a message')
      .max(MESSAGE_MAX_LENGTH, `At most ${MESSAGE_MAX_LENGTH} characters`),
  );

/** A message from the widget: its own id makes a retry after a lost answer land once. */
export const ZCustomerMessageInput = z.strictObject({
  clientMessageId: z.uuid('A message id (UUID) made by the client'),
  body: ZMessageText,
});
export type TCustomerMessageInput = z.input<typeof ZCustomerMessageInput>;

/**
 * `POST /api/conversations`: a name and e-mail at a station, or a booking's reference and
 * manage token (the conversation is then linked to it, name and e-mail taken from it).
 * `website` is a honeypot: hidden from people, a bot filling every field is refused.
 */
export const ZStartConversationInput = z
  .strictObject({
    station: z.string().min(1).max(60).optional(),
    name: z
      .string()
      .max(200)
      .transform(sanitizeLine)
      .pipe(z.string().min(1, 'Enter your name').max(100))
      .optional(),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email('Enter an e-mail address we can answer').max(254))
      .optional(),
    reference: z.string().min(4).max(40).optional(),
    token: z.string().min(10).max(200).optional(),
    message: ZCustomerMessageInput.optional(),
    website: z.literal('', { error: 'Leave this field empty' }).optional(),
  })
  .superRefine((value, context) => {
    const required =
      value.reference !== undefined || value.token !== undefined
        ? (['reference', 'token'] as const)
        : (['station', 'name', 'email'] as const);
    const messages = {
      station: 'Choose one of our locations',
      name: 'Enter your name',
      email: 'Enter an e-mail address we can answer',
      reference: 'The booking reference',
      token: 'The token of the booking link',
    };
    for (const field of required)
      if (value[field] === undefined)
        context.addIssue({ code: 'custom', path: [field], message: messages[field] });
  });
export type TStartConversationInput = z.input<typeof ZStartConversationInput>;

export const ZReadReceipt = z.strictObject({
  /** The newest message the reader has seen. */
  seq: z.number().int().min(0).max(2_147_483_647),
});

export const ZMessage = z.object({
  seq: z.number().int(),
  author: z.enum(['CUSTOMER', 'STAFF', 'ASSISTANT', 'SYSTEM']),
  /** Staff's first name, "Assistant", or the customer's name. */
  authorName: z.string(),
  body: z.string(),
  clientMessageId: z.string().nullable(),
  createdAt: z.string(),
});
export type TMessage = z.infer<typeof ZMessage>;

/** What the customer's widget knows of its conversation. */
export const ZCustomerConversation = z.object({
  id: z.string(),
  station: z.object({ slug: z.string(), name: z.string() }),
  customerName: z.string(),
  status: z.enum(['OPEN', 'CLOSED']),
  bookingReference: z.string().nullable(),
  /** Messages up to this number have been read by staff. */
  staffReadSeq: z.number().int(),
  lastSeq: z.number().int(),
  /** Whether the assistant answers first now (only when one is configured). */
  assistant: z.boolean(),
  messages: z.array(ZMessage),
  /** True when older messages exist than the ones listed (ask with `after`). */
  more: z.boolean(),
});
export type TCustomerConversation = z.infer<typeof ZCustomerConversation>;

export const ZCustomerMessagesQuery = z.strictObject({
  after: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
});

/** The stream's query: where to resume (`Last-Event-ID` says the same for EventSource). */
export const ZStreamQuery = z.strictObject({
  after: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional(),
});

/** A staff reply: the same text rules and client message id as a customer's message. */
export const ZStaffReplyInput = ZCustomerMessageInput;
export type TStaffReplyInput = z.input<typeof ZStaffReplyInput>;

/** `PATCH /api/admin/conversations/ID`: any of status, assignee, linked booking. */
export const ZConversationUpdate = z
  .strictObject({
    status: z.enum(['OPEN', 'CLOSED']).optional(),
    /** A staff member of the conversation's station, or null to unassign. */
    assignedToId: z.uuid().nullable().optional(),
    /** A booking reference of the conversation's station, or null to unlink. */
    bookingReference: z.string().trim().min(4).max(40).nullable().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { error: 'Change at least one field' });
export type TConversationUpdate = z.input<typeof ZConversationUpdate>;

export const ZInboxQuery = z.strictObject({
  station: z.string().max(60).optional(),
  status: z.enum(['OPEN', 'CLOSED', 'ALL']).default('OPEN'),
  /** A name, e-mail address or booking reference (part of one). */
  q: z.string().trim().max(100).optional(),
  mine: z.enum(['true', 'false']).optional(),
});

export const ZInboxRow = z.object({
  id: z.string(),
  station: z.object({ slug: z.string(), name: z.string() }),
  customerName: z.string(),
  customerEmail: z.string(),
  status: z.enum(['OPEN', 'CLOSED']),
  assignedTo: z.object({ id: z.string(), name: z.string() }).nullable(),
  bookingReference: z.string().nullable(),
  lastMessage: z.object({ author: z.string(), body: z.string(), createdAt: z.string() }).nullable(),
  unread: z.number().int(),
  lastMessageAt: z.string(),
});
export type TInboxRow = z.infer<typeof ZInboxRow>;

export const ZStaffConversation = ZInboxRow.extend({
  lastSeq: z.number().int(),
  customerReadSeq: z.number().int(),
  assistant: z.boolean(),
  booking: z
    .object({ id: z.string(), reference: z.string(), status: z.string(), startsAt: z.string() })
    .nullable(),
  /** Staff of the station who may be assigned. */
  assignable: z.array(z.object({ id: z.string(), name: z.string() })),
  messages: z.array(ZMessage),
});
export type TStaffConversation = z.infer<typeof ZStaffConversation>;

export const ZUnreadCount = z.object({ conversations: z.number().int() });
