import { z } from 'zod';
import {
  ZAvailability,
  ZAvailabilityDays,
  ZAvailabilityDaysQuery,
  ZAvailabilityQuery,
} from '../availability/availability.schema';
import { ZAcceptProposalInput } from '../bookings/accept-proposal.schema';
import { ZCreateBookingInput, ZCreatedBooking } from '../bookings/create-booking.schema';
import { ZTermsVersion } from '../terms/terms.schema';
import {
  ZCancellationResult,
  ZCustomerBooking,
  ZCustomerMenuChange,
  ZCustomerReschedule,
  ZCustomerProof,
} from '../bookings/customer-booking.schema';
import { ZBalanceCheckout, ZBalanceCheckoutInput } from '../payments/balance-checkout.schema';
import { ZSimulateInput } from '../payments/simulate-checkout';
import { ZStartCheckoutInput } from '../payments/start-deposit-checkout';
import { ZQuote, ZQuoteInput } from '../pricing/quote.schema';
import { ZPublicMenu, ZStationSummary } from '../stations/station.schema';
import {
  ZCustomerConversation,
  ZCustomerMessageInput,
  ZCustomerMessagesQuery,
  ZMessage,
  ZReadReceipt,
  ZStartConversationInput,
  ZStreamQuery,
} from '../conversations/conversation.schema';
import type { ApiOperation } from './build-document';
import { HEALTH_OPERATIONS } from './health-operations';

/** What a conversation write may answer besides success (its cookie names no conversation: 404). */
const CONVERSATION_WRITE_ERRORS = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'RATE_LIMITED',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
] as const;

/** The customer app's HTTP API (port 3000), described with the schemas its handlers parse. */
export const CUSTOMER_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/stations',
    summary:
      'The stations customers can book, with prices, hours and notice rules (with an ETag: If-None-Match answers 304)',
    tag: 'Stations',
    response: z.array(ZStationSummary),
    errors: [],
  },
  {
    method: 'get',
    path: '/api/stations/{slug}/menu',
    summary:
      "A station's menu in its currency: items by kind, proteins per adult, the menu lock and travel terms",
    tag: 'Stations',
    response: ZPublicMenu,
    errors: ['NOT_FOUND', 'RATE_LIMITED'],
  },
  {
    method: 'get',
    path: '/api/stations/{slug}/terms',
    summary:
      "A station's current terms (cancellation, moves, deposit, weather, what is included), versioned, with the text's SHA-256",
    tag: 'Stations',
    response: ZTermsVersion,
    errors: ['NOT_FOUND', 'RATE_LIMITED'],
  },
  {
    method: 'get',
    path: '/api/stations/{slug}/terms/{version}',
    summary: 'One version of the terms exactly as published (what an acceptance points at)',
    tag: 'Stations',
    response: ZTermsVersion,
    errors: ['NOT_FOUND', 'RATE_LIMITED'],
  },
  {
    method: 'get',
    path: '/api/availability',
    summary: 'Each start time of one local date with the number of chefs free for the whole event',
    tag: 'Availability',
    query: ZAvailabilityQuery,
    response: ZAvailability,
    errors: ['VALIDATION_FAILED', 'RATE_LIMITED'],
  },
  {
    method: 'get',
    path: '/api/availability/days',
    summary: 'Open start times per day (OPEN, FULL or TOO_SOON) for the date picker',
    tag: 'Availability',
    query: ZAvailabilityDaysQuery,
    response: ZAvailabilityDays,
    errors: ['VALIDATION_FAILED', 'RATE_LIMITED'],
  },
  {
    method: 'post',
    path: '/api/quotes',
    summary:
      "The price of a party: every line (guests, menu, minimum, travel), total and deposit in the station's currency's minor units; a postcode outside the service area is refused",
    tag: 'Bookings',
    body: ZQuoteInput,
    response: ZQuote,
    errors: ['VALIDATION_FAILED', 'RATE_LIMITED', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE'],
  },
  {
    method: 'post',
    path: '/api/bookings',
    summary: 'Hold a chef for an event (PENDING_PAYMENT until the deposit is paid)',
    tag: 'Bookings',
    body: ZCreateBookingInput,
    response: ZCreatedBooking,
    status: 201,
    headers: [
      {
        name: 'Idempotency-Key',
        description: 'Retries with the same key and body answer the first result once more.',
      },
    ],
    errors: [
      'VALIDATION_FAILED',
      'CONFLICT',
      'RATE_LIMITED',
      'UNSUPPORTED_MEDIA_TYPE',
      'PAYLOAD_TOO_LARGE',
    ],
  },
  {
    method: 'get',
    path: '/api/bookings/{reference}',
    summary: "A customer's own booking, proven by the e-mail it was made with or the manage token",
    tag: 'Bookings',
    query: ZCustomerProof,
    response: ZCustomerBooking,
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'RATE_LIMITED'],
  },
  {
    method: 'get',
    path: '/api/bookings/{reference}/invite.ics',
    summary:
      'The booking as an iCalendar file (same UID and SEQUENCE as the e-mailed invites; CANCEL once cancelled; 409 while the deposit is unpaid)',
    tag: 'Bookings',
    query: ZCustomerProof,
    response: 'An iCalendar (RFC 5545) file with one VEVENT',
    responseType: 'text/calendar',
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED'],
  },
  {
    method: 'get',
    path: '/api/bookings/{reference}/proposal.pdf',
    summary:
      'The proposal as a PDF (the accepted one once accepted; the same bytes for the same booking version)',
    tag: 'Bookings',
    query: ZCustomerProof,
    response: 'A PDF: the itemised price, event, menu, terms and acceptance',
    responseType: 'application/pdf',
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'RATE_LIMITED'],
  },
  {
    method: 'post',
    path: '/api/bookings/{reference}/acceptance',
    summary:
      'Accept the proposal behind the signed link: typed name, terms ticked, the proposal and terms versions read (409 ALREADY_ACCEPTED, PROPOSAL_CHANGED, TERMS_CHANGED, HOLD_EXPIRED)',
    tag: 'Bookings',
    body: ZAcceptProposalInput,
    response: ZCustomerBooking,
    status: 201,
    errors: [
      'VALIDATION_FAILED',
      'NOT_FOUND',
      'CONFLICT',
      'RATE_LIMITED',
      'UNSUPPORTED_MEDIA_TYPE',
      'PAYLOAD_TOO_LARGE',
    ],
  },
  {
    method: 'post',
    path: '/api/bookings/{reference}/cancel',
    summary:
      'Cancel as the customer; what was paid towards the price is refunded when the cancellation notice is met (a gratuity stays with the chef)',
    tag: 'Bookings',
    body: ZCustomerProof,
    response: ZCancellationResult,
    errors: [
      'VALIDATION_FAILED',
      'NOT_FOUND',
      'CONFLICT',
      'RATE_LIMITED',
      'UNSUPPORTED_MEDIA_TYPE',
    ],
  },
  {
    method: 'post',
    path: '/api/bookings/{reference}/reschedule',
    summary:
      'Move the booking as the customer to another start time the station offers, within its policy (409 RESCHEDULE_CLOSED, RESCHEDULE_LIMIT, SLOT_TAKEN, STALE_VERSION)',
    tag: 'Bookings',
    body: ZCustomerReschedule,
    response: ZCustomerBooking,
    errors: [
      'VALIDATION_FAILED',
      'NOT_FOUND',
      'CONFLICT',
      'RATE_LIMITED',
      'UNSUPPORTED_MEDIA_TYPE',
      'PAYLOAD_TOO_LARGE',
    ],
  },
  {
    method: 'patch',
    path: '/api/bookings/{reference}/menu',
    summary:
      'Change the party and menu as the customer until the menu lock (409 MENU_LOCKED after it, BELOW_PAID, STALE_VERSION)',
    tag: 'Bookings',
    body: ZCustomerMenuChange,
    response: ZCustomerBooking,
    errors: [
      'VALIDATION_FAILED',
      'NOT_FOUND',
      'CONFLICT',
      'RATE_LIMITED',
      'UNSUPPORTED_MEDIA_TYPE',
      'PAYLOAD_TOO_LARGE',
    ],
  },
  {
    method: 'post',
    path: '/api/payments/checkout',
    summary: 'Start paying the deposit: the URL of the checkout page (Stripe or the simulator)',
    tag: 'Payments',
    body: ZStartCheckoutInput,
    response: z.object({ url: z.string() }),
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'UNAVAILABLE'],
  },
  {
    method: 'post',
    path: '/api/bookings/{reference}/balance-checkout',
    summary:
      'Start paying the balance (all of it, or a part where the station allows) with an optional gratuity of 18/20/22% of the food or an amount: the URL of the checkout page (409 BAD_STATE, OVERPAYMENT, NOTHING_DUE)',
    tag: 'Payments',
    body: ZBalanceCheckoutInput,
    response: ZBalanceCheckout,
    errors: [
      'VALIDATION_FAILED',
      'NOT_FOUND',
      'CONFLICT',
      'RATE_LIMITED',
      'UNAVAILABLE',
      'UNSUPPORTED_MEDIA_TYPE',
      'PAYLOAD_TOO_LARGE',
    ],
  },
  {
    method: 'post',
    path: '/api/payments/simulator',
    summary: "The local payment simulator's Pay or Decline (404 when Stripe is configured)",
    tag: 'Payments',
    body: ZSimulateInput,
    response: z.object({ type: z.string(), outcome: z.string() }),
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'RATE_LIMITED'],
  },
  {
    method: 'post',
    path: '/api/payments/stripe/webhook',
    summary: 'Signed Stripe events, each processed exactly once',
    tag: 'Payments',
    rawBody: 'The event exactly as Stripe sent it; `Stripe-Signature` covers these bytes.',
    headers: [{ name: 'Stripe-Signature', description: 'Required: the event signature.' }],
    response: z.object({ received: z.literal(true), duplicate: z.boolean() }),
    errors: ['VALIDATION_FAILED', 'CONFLICT', 'PAYLOAD_TOO_LARGE'],
  },
  {
    method: 'post',
    path: '/api/conversations',
    summary:
      'Open a conversation with a station (name and e-mail), or on a booking (reference and manage token: linked); sets the httpOnly cookie that proves it',
    tag: 'Conversations',
    body: ZStartConversationInput,
    response: ZCustomerConversation,
    status: 201,
    headers: [{ name: 'Set-Cookie', description: 'hibachi_chat, scoped to /api/conversations' }],
    errors: CONVERSATION_WRITE_ERRORS,
  },
  {
    method: 'get',
    path: '/api/conversations/current',
    summary: "The cookie's conversation with its messages after `after` (the newest 200)",
    tag: 'Conversations',
    query: ZCustomerMessagesQuery,
    response: ZCustomerConversation,
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'RATE_LIMITED'],
  },
  {
    method: 'post',
    path: '/api/conversations/current/messages',
    summary:
      'Write a message (201; 200 with the kept message when its client message id was sent before: exactly once)',
    tag: 'Conversations',
    body: ZCustomerMessageInput,
    response: ZMessage,
    status: 201,
    errors: CONVERSATION_WRITE_ERRORS,
  },
  {
    method: 'post',
    path: '/api/conversations/current/read',
    summary:
      "The customer has seen the messages up to `seq` (staff's replies are then not e-mailed)",
    tag: 'Conversations',
    body: ZReadReceipt,
    response: z.object({ customerReadSeq: z.number().int() }),
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'RATE_LIMITED', 'UNSUPPORTED_MEDIA_TYPE'],
  },
  {
    method: 'get',
    path: '/api/conversations/current/events',
    summary:
      'The conversation live as server-sent events: `message` (id = its number) after `Last-Event-ID` or `after`, and `state` (read up to, status, assistant)',
    tag: 'Conversations',
    query: ZStreamQuery,
    response: 'text/event-stream: events `message` (id: seq) and `state`',
    responseType: 'text/event-stream',
    headers: [{ name: 'Last-Event-ID', description: 'Resume after this message number.' }],
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'RATE_LIMITED', 'UNAVAILABLE'],
  },
  ...HEALTH_OPERATIONS,
];
