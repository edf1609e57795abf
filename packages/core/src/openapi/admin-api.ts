import { z } from 'zod';
import {
  ZAnalyticsQuery,
  ZBookingKpis,
  ZCustomerAnalytics,
  ZMenuAnalytics,
  ZPaymentAnalytics,
} from '../analytics/analytics.schema';
import { ZMenuChange } from '../bookings/customer-booking.schema';
import { ZPrepSheet, ZPrepSheetQuery } from '../bookings/prep-sheet.schema';
import type { changeBookingMenuAsStaff } from '../bookings/change-booking-menu';
import { ZStaffMenuChanged } from '../bookings/change-booking-menu.schema';
import {
  ZCreateMenuItem,
  ZDeleteMenuItemQuery,
  ZStationMenu,
  ZUpdateMenuItem,
} from '../menu/menu.schema';
import { ZSignInInput } from '../auth/sign-in.schema';
import { ZCalendar, ZCalendarQuery } from '../bookings/calendar.schema';
import { ZRescheduledBooking, ZRescheduleInput } from '../bookings/reschedule-booking.schema';
import { ZStaffBooking } from '../bookings/staff-booking.schema';
import { ZStaffCancelInput, ZStaffCancellation } from '../bookings/staff-cancel.schema';
import {
  ZBookingOutcome,
  ZListStaffBookingsQuery,
  ZMarkOutcomeInput,
  ZSavedNotes,
  ZStaffBookingPage,
  ZUpdateNotesInput,
} from '../bookings/staff-bookings.schema';
import { ZListOutboxQuery, ZOutboxPage, ZRetriedEmail } from '../notifications/outbox.schema';
import { ZRecordedPayment, ZRecordPaymentInput } from '../payments/record-offline-payment.schema';
import {
  ZCreateStaff,
  ZSetPassword,
  ZStaffAccountRow,
  ZStaffAccounts,
  ZStaffWithLink,
  ZUpdateStaff,
} from '../staff/staff.schema';
import {
  ZChefRoster,
  ZChefRow,
  ZCreateChef,
  ZDeactivateChef,
  ZDeactivatedChef,
  ZUpdateChef,
} from '../stations/chef.schema';
import {
  ZCreateStation,
  ZPatchStationSettings,
  ZStationAdminRow,
  ZStationSettingsView,
  ZUpdateStationSettings,
} from '../stations/station-settings.schema';
import type { ErrorCode } from '../errors/app-error';
import type { getStaffBooking } from '../bookings/get-staff-booking';
import type { getCalendar } from '../bookings/get-calendar';
import type { listStaffBookings } from '../bookings/list-staff-bookings';
import type { markBookingOutcome } from '../bookings/mark-booking-outcome';
import type { rescheduleBooking } from '../bookings/reschedule-booking';
import type { updateBookingNotes } from '../bookings/update-booking-notes';
import type { listOutbox } from '../notifications/list-outbox';
import type { retryOutboxMessage } from '../notifications/retry-outbox-message';
import type { RecordedPayment } from '../payments/record-offline-payment';
import { ZSettledRefund, ZSettleRefundInput } from '../money/refund-settler';
import type { activateStaff } from '../staff/activate-staff';
import type { deactivateStaff } from '../staff/deactivate-staff';
import type { resetStaffPassword } from '../staff/reset-staff-password';
import type { unlockStaff } from '../staff/unlock-staff';
import type { createStaff } from '../staff/create-staff';
import type { listStaff } from '../staff/list-staff';
import type { updateStaff } from '../staff/update-staff';
import type { activateChef } from '../stations/activate-chef';
import type { createChef } from '../stations/create-chef';
import type { deactivateChef } from '../stations/deactivate-chef';
import type { listChefs } from '../stations/list-chefs';
import type { updateChef } from '../stations/update-chef';
import type { createTimeOff } from '../season/create-time-off';
import type { deleteTimeOff } from '../season/delete-time-off';
import type { updateTimeOff } from '../season/update-time-off';
import type { getSeason } from '../season/get-season';
import type { clearStationDate } from '../season/clear-station-date';
import type { setStationDate } from '../season/set-station-date';
import type { regenerateChefFeed } from '../season/regenerate-chef-feed';
import type { setStaffPassword } from '../staff/set-password';
import type { setWeeklyOff } from '../season/weekly-off';
import type { completeMyEvent } from '../bookings/complete-my-event';
import type { getMyEvents } from '../bookings/get-my-events';
import type { startMyEvent } from '../bookings/start-my-event';
import { ZCompletedEvent, ZMyEvents, ZStartedEvent } from '../bookings/my-events.schema';
import {
  ZSeason,
  ZSeasonQuery,
  ZStationDateInput,
  ZStationDateRule,
  ZTimeOffChange,
  ZTimeOffInput,
  ZWeeklyOffInput,
  ZWeeklyOffList,
} from '../season/season.schema';
import type { activateStation } from '../stations/activate-station';
import type { createStation } from '../stations/create-station';
import type { deactivateStation } from '../stations/deactivate-station';
import type { listStationsAdmin } from '../stations/list-stations-admin';
import {
  ZConversationUpdate,
  ZInboxQuery,
  ZInboxRow,
  ZMessage,
  ZReadReceipt,
  ZStaffConversation,
  ZStaffReplyInput,
  ZUnreadCount,
} from '../conversations/conversation.schema';
import {
  ZCustomerExport,
  ZCustomerLookupQuery,
  ZCustomerSummary,
  ZErasedCustomer,
  ZEraseCustomerInput,
} from '../privacy/customer-data.schema';
import { ZLiveQuery } from '../live/live-event';
import { ZAvailabilityQuery, ZStaffAvailability } from '../availability/availability.schema';
import type { getStaffAvailability } from '../availability/get-staff-availability';
import { ZStaffBookingInput, ZStaffCreatedBooking } from '../bookings/create-booking.schema';
import type { findBookingCustomer } from '../bookings/find-booking-customer';
import {
  ZBookingCustomerAnswer,
  ZBookingCustomerQuery,
} from '../bookings/staff-new-booking.schema';
import type { quoteForStaff } from '../pricing/quote-for-staff';
import { ZQuote, ZStaffQuoteInput } from '../pricing/quote.schema';
import { ZAdjustmentAnalytics } from '../analytics/analytics.schema';
import type { adjustBookingPrice } from '../bookings/adjust-booking-price';
import type { sendProposal } from '../bookings/send-proposal';
import { ZAddAdjustmentInput, ZAdjustedBooking } from '../bookings/create-booking.schema';
import { ZTermsHistory, ZTermsInput, ZTermsVersion } from '../terms/terms.schema';
import { answerOf, type ApiOperation } from './api-operation';
import { HEALTH_OPERATIONS } from './health-operations';

/** The `data` a use case resolves to, as the typed client receives it. */
type Returns<UseCase extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<UseCase>>;

/** `?station=SLUG` where the path names none: the caller's own station when left out. */
const CALLER_STATION = z.object({ station: z.string().max(64).optional() });

/** What every staff route may answer besides its own refusals. */
const STAFF = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'] as const;
const WRITE = [
  ...STAFF,
  'VALIDATION_FAILED',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
] as const;

type StaffOperation = Omit<ApiOperation, 'auth' | 'errors'> & { errors?: readonly ErrorCode[] };

/** A staff route: behind the session, answering the shared refusals (WRITE for a body). */
const staff = <const Operation extends StaffOperation>(
  operation: Operation,
  base: readonly ErrorCode[] = STAFF,
) => ({ ...operation, auth: 'staff' as const, errors: [...base, ...(operation.errors ?? [])] });

const analytics = <const Name extends string, Response extends z.ZodType>(
  name: Name,
  response: Response,
  summary: string,
) =>
  staff({
    method: 'get',
    path: `/api/admin/analytics/${name}`,
    summary,
    tag: 'Analytics',
    query: ZAnalyticsQuery,
    response,
    errors: ['VALIDATION_FAILED'],
  });

/** A POST on an account (no body) answering the account, or it with a new one-time link. */
const staffAction = <const Path extends string, Response extends z.ZodType>(
  path: Path,
  summary: string,
  response: Response,
  errors: readonly ErrorCode[] = [],
) => staff({ method: 'post', path, summary, tag: 'Staff', response, errors });

/**
 * The admin app's HTTP API (port 3001): staff only, behind the session cookie; scoped to the
 * caller's station (another station's records answer 404), with role checks (403). Keyed by
 * name for the typed client (apps/admin/lib/api.ts); the OpenAPI document lists them all.
 */
export const ADMIN_API = {
  signIn: {
    method: 'post',
    path: '/api/session',
    summary: 'Sign in; sets the session cookie (one 401 wording for every refusal)',
    tag: 'Session',
    body: ZSignInInput,
    response: z.object({ signedIn: z.literal(true) }),
    errors: ['VALIDATION_FAILED', 'UNAUTHENTICATED', 'RATE_LIMITED', 'UNSUPPORTED_MEDIA_TYPE'],
  },
  signOut: {
    method: 'delete',
    path: '/api/session',
    summary: 'Sign out of this browser',
    tag: 'Session',
    response: z.object({ signedOut: z.literal(true) }),
    errors: [],
  },
  setPassword: {
    method: 'post',
    path: '/api/set-password',
    summary: 'Choose a password with a one-time link (signed out)',
    tag: 'Session',
    body: ZSetPassword,
    response: answerOf<Returns<typeof setStaffPassword>>()(z.object({ email: z.string() })),
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'RATE_LIMITED', 'UNSUPPORTED_MEDIA_TYPE'],
  },
  me: staff({
    method: 'get',
    path: '/api/admin/me',
    summary: 'Who is signed in',
    tag: 'Session',
    response: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      role: z.enum(['SUPER_ADMIN', 'MANAGER', 'STAFF']),
      station: z
        .object({ id: z.string(), slug: z.string(), name: z.string(), timezone: z.string() })
        .nullable(),
    }),
  }),
  signOutEverywhere: staff({
    method: 'post',
    path: '/api/admin/me/sign-out-everywhere',
    summary: "End every one of the caller's sessions",
    tag: 'Session',
    response: z.object({ signedOut: z.literal(true) }),
  }),
  bookings: staff({
    method: 'get',
    path: '/api/admin/bookings',
    summary: 'Bookings, newest event first, keyset pages (filters: status, dates, chef, text)',
    tag: 'Bookings',
    query: ZListStaffBookingsQuery,
    response: answerOf<Returns<typeof listStaffBookings>>()(ZStaffBookingPage),
    errors: ['VALIDATION_FAILED'],
  }),
  createBooking: staff(
    {
      method: 'post',
      path: '/api/admin/bookings',
      summary:
        "Enter a phone or text order (the website rules; inside the notice, chef chosen): held for the station's staff hold until the deposit",
      tag: 'Bookings',
      body: ZStaffBookingInput,
      response: ZStaffCreatedBooking,
      status: 201,
      headers: [
        {
          name: 'Idempotency-Key',
          description: 'Retries with the same key and body answer the first result once more.',
        },
      ],
      errors: ['CONFLICT', 'RATE_LIMITED'],
    },
    WRITE,
  ),
  staffAvailability: staff({
    method: 'get',
    path: '/api/admin/availability',
    summary: 'A day for a phone order: every start from now on, with the chefs free at each',
    tag: 'Bookings',
    query: ZAvailabilityQuery,
    response: answerOf<Returns<typeof getStaffAvailability>>()(ZStaffAvailability),
    errors: ['VALIDATION_FAILED'],
  }),
  staffQuote: staff(
    {
      method: 'post',
      path: '/api/admin/quotes',
      summary:
        "The website's quote for a party, its menu and address, at a station in scope, with a phone order's adjustments and deposit",
      tag: 'Bookings',
      body: ZStaffQuoteInput,
      response: answerOf<Returns<typeof quoteForStaff>>()(ZQuote),
    },
    WRITE,
  ),
  bookingCustomer: staff({
    method: 'get',
    path: '/api/admin/booking-customers',
    summary:
      'A returning customer of the station by exact e-mail or phone (blind index), to fill a phone order',
    tag: 'Bookings',
    query: ZBookingCustomerQuery,
    response: answerOf<Returns<typeof findBookingCustomer>>()(ZBookingCustomerAnswer),
    errors: ['VALIDATION_FAILED'],
  }),
  booking: staff({
    method: 'get',
    path: '/api/admin/bookings/{id}',
    summary:
      'One booking: customer, chef, price, payments, refunds owed, history, e-mails, actions',
    tag: 'Bookings',
    response: answerOf<Returns<typeof getStaffBooking>>()(ZStaffBooking),
  }),
  reschedule: staff(
    {
      method: 'patch',
      path: '/api/admin/bookings/{id}',
      summary: 'Reschedule (date, time, duration, chef) at the version read',
      tag: 'Bookings',
      body: ZRescheduleInput,
      response: answerOf<Returns<typeof rescheduleBooking>>()(ZRescheduledBooking),
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  cancel: staff(
    {
      method: 'post',
      path: '/api/admin/bookings/{id}/cancel',
      summary: 'Cancel with or without refund (managers)',
      tag: 'Bookings',
      body: ZStaffCancelInput,
      response: ZStaffCancellation,
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  recordPayment: staff(
    {
      method: 'post',
      path: '/api/admin/bookings/{id}/payments',
      summary: 'Record a cash, check or card-terminal payment (confirms a held booking)',
      tag: 'Bookings',
      body: ZRecordPaymentInput,
      response: answerOf<RecordedPayment>()(ZRecordedPayment),
      status: 201,
      headers: [{ name: 'Idempotency-Key', description: 'A retry records the payment once.' }],
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  settleRefund: staff(
    {
      method: 'post',
      path: '/api/admin/payments/{id}/refund-settled',
      summary:
        'Mark a refund owed by hand (card terminal, cash, check) as given back (managers; 409 NOTHING_OWED, SENT_BY_PROVIDER)',
      tag: 'Bookings',
      body: ZSettleRefundInput,
      response: ZSettledRefund,
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  markOutcome: staff(
    {
      method: 'post',
      path: '/api/admin/bookings/{id}/status',
      summary: 'Mark a started booking COMPLETED or NO_SHOW',
      tag: 'Bookings',
      body: ZMarkOutcomeInput,
      response: answerOf<Returns<typeof markBookingOutcome>>()(ZBookingOutcome),
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  adjustPrice: staff(
    {
      method: 'post',
      path: '/api/admin/bookings/{id}/adjustments',
      summary:
        'A discount or surcharge (percent or amount, label, reason) at the version read; an accepted price becomes a new proposal version the customer is asked to accept',
      tag: 'Bookings',
      body: ZAddAdjustmentInput,
      response: answerOf<Returns<typeof adjustBookingPrice>>()(ZAdjustedBooking),
      status: 201,
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  proposalPdf: staff({
    method: 'get',
    path: '/api/admin/bookings/{id}/proposal.pdf',
    summary: "The booking's proposal as the customer's PDF (the accepted one once accepted)",
    tag: 'Bookings',
    response: 'A PDF: the itemised price, event, menu, terms and acceptance',
    responseType: 'application/pdf',
  }),
  sendProposal: staff({
    method: 'post',
    path: '/api/admin/bookings/{id}/proposal',
    summary: 'E-mail the customer their proposal link (review, accept the terms, pay)',
    tag: 'Bookings',
    response: answerOf<Returns<typeof sendProposal>>()(
      z.object({ sent: z.literal(true), recipient: z.string() }),
    ),
    errors: ['CONFLICT'],
  }),
  saveNotes: staff(
    {
      method: 'patch',
      path: '/api/admin/bookings/{id}/notes',
      summary: 'Staff notes on a booking, at the version read',
      tag: 'Bookings',
      body: ZUpdateNotesInput,
      response: answerOf<Returns<typeof updateBookingNotes>>()(ZSavedNotes),
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  changeMenu: staff(
    {
      method: 'patch',
      path: '/api/admin/bookings/{id}/menu',
      summary:
        'Change the party and menu at the version read, before or after the customer lock (never below what was paid)',
      tag: 'Bookings',
      body: ZMenuChange,
      response: answerOf<Returns<typeof changeBookingMenuAsStaff>>()(ZStaffMenuChanged),
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  prepSheet: staff({
    method: 'get',
    path: '/api/admin/prep-sheet',
    summary:
      "A station's events of one local day (one chef's with `chef`): counts per item, dietary notes, balance, final menus, and the shopping list",
    tag: 'Calendar',
    query: ZPrepSheetQuery,
    response: ZPrepSheet,
    errors: ['VALIDATION_FAILED'],
  }),
  prepSheetCsv: staff({
    method: 'get',
    path: '/api/admin/prep-sheet.csv',
    summary: 'The prep sheet as CSV: a row per event and item, then the totals',
    tag: 'Calendar',
    query: ZPrepSheetQuery,
    response: 'CSV with a header row',
    responseType: 'text/csv',
    errors: ['VALIDATION_FAILED'],
  }),
  calendar: staff({
    method: 'get',
    path: '/api/admin/calendar',
    summary: "A station's zone, hours, chefs and events between two local dates",
    tag: 'Calendar',
    query: ZCalendarQuery,
    response: answerOf<Returns<typeof getCalendar>>()(ZCalendar),
    errors: ['VALIDATION_FAILED'],
  }),
  bookingKpis: analytics(
    'bookings',
    ZBookingKpis,
    'Booking KPIs and the per-day series over local dates',
  ),
  paymentAnalytics: analytics(
    'payments',
    ZPaymentAnalytics,
    'Gross, refunded, net; methods, months, refunds owed',
  ),
  customerAnalytics: analytics(
    'customers',
    ZCustomerAnalytics,
    'New vs returning, top customers, one customer',
  ),
  adjustmentAnalytics: analytics(
    'adjustments',
    ZAdjustmentAnalytics,
    'Discounts and surcharges given on confirmed and completed events, per staff member',
  ),
  menuAnalytics: analytics(
    'menu',
    ZMenuAnalytics,
    'Menu uptake and revenue per item, average spend per guest',
  ),
  bookingsCsv: staff({
    method: 'get',
    path: '/api/admin/analytics/bookings.csv',
    summary: "The range's bookings as CSV (streamed; formula-safe cells)",
    tag: 'Analytics',
    query: ZAnalyticsQuery,
    response: 'CSV with a header row',
    responseType: 'text/csv',
    errors: ['VALIDATION_FAILED'],
  }),
  outbox: staff({
    method: 'get',
    path: '/api/admin/outbox',
    summary: 'E-mails with status, attempts, last error and text (managers)',
    tag: 'Outbox',
    query: ZListOutboxQuery,
    response: answerOf<Returns<typeof listOutbox>>()(ZOutboxPage),
    errors: ['VALIDATION_FAILED'],
  }),
  retryEmail: staff({
    method: 'post',
    path: '/api/admin/outbox/{id}/retry',
    summary: 'Put a FAILED e-mail back in the queue (managers)',
    tag: 'Outbox',
    response: answerOf<Returns<typeof retryOutboxMessage>>()(ZRetriedEmail),
    errors: ['CONFLICT'],
  }),
  stations: staff({
    method: 'get',
    path: '/api/admin/stations',
    summary: 'Every station, open or closed, with chefs, upcoming bookings, staff (super admin)',
    tag: 'Stations',
    response: answerOf<Returns<typeof listStationsAdmin>>()(
      z.array(ZStationAdminRow).describe('Every station'),
    ),
  }),
  createStation: staff(
    {
      method: 'post',
      path: '/api/admin/stations',
      summary: 'Add a station, closed until it has a chef and is opened (super admin)',
      tag: 'Stations',
      body: ZCreateStation,
      response: answerOf<Returns<typeof createStation>>()(ZStationAdminRow),
      status: 201,
    },
    WRITE,
  ),
  deactivateStation: staff({
    method: 'post',
    path: '/api/admin/stations/{slug}/deactivate',
    summary: 'Close a station to customers (refused while bookings lie ahead)',
    tag: 'Stations',
    response: answerOf<Returns<typeof deactivateStation>>()(ZStationAdminRow),
    errors: ['CONFLICT'],
  }),
  activateStation: staff({
    method: 'post',
    path: '/api/admin/stations/{slug}/activate',
    summary: 'Open a station to customers (refused without an active chef)',
    tag: 'Stations',
    response: answerOf<Returns<typeof activateStation>>()(ZStationAdminRow),
    errors: ['CONFLICT'],
  }),
  termsHistory: staff({
    method: 'get',
    path: '/api/admin/stations/{slug}/terms',
    summary: "A station's current terms and every earlier version (managers)",
    tag: 'Stations',
    response: ZTermsHistory,
  }),
  publishTerms: staff(
    {
      method: 'put',
      path: '/api/admin/stations/{slug}/terms',
      summary:
        'Publish the terms as a new version (old versions are kept; the same text publishes nothing)',
      tag: 'Stations',
      body: ZTermsInput,
      response: ZTermsHistory,
    },
    WRITE,
  ),
  termsVersion: staff({
    method: 'get',
    path: '/api/admin/stations/{slug}/terms/{version}',
    summary: 'One version of the terms exactly as published (what an acceptance points at)',
    tag: 'Stations',
    response: ZTermsVersion,
  }),
  stationSettings: staff({
    method: 'get',
    path: '/api/admin/stations/{slug}/settings',
    summary: "A station's settings, version, future bookings and bookings outside the hours",
    tag: 'Stations',
    response: ZStationSettingsView,
  }),
  saveStationSettings: staff(
    {
      method: 'put',
      path: '/api/admin/stations/{slug}/settings',
      summary: 'Save every setting at the version read (managers of the station, super admin)',
      tag: 'Stations',
      body: ZUpdateStationSettings,
      response: ZStationSettingsView,
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  station: staff({
    method: 'get',
    path: '/api/admin/stations/{slug}',
    summary: 'A station (the same view as its settings)',
    tag: 'Stations',
    response: ZStationSettingsView,
  }),
  patchStation: staff(
    {
      method: 'patch',
      path: '/api/admin/stations/{slug}',
      summary: 'Change only the settings named, at the version read',
      tag: 'Stations',
      body: ZPatchStationSettings,
      response: ZStationSettingsView,
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  stationMenu: staff({
    method: 'get',
    path: '/api/admin/stations/{slug}/menu',
    summary: "The station's menu, active and inactive items, with the station version",
    tag: 'Menu',
    response: ZStationMenu,
  }),
  createMenuItem: staff(
    {
      method: 'post',
      path: '/api/admin/stations/{slug}/menu/items',
      summary: 'Add a menu item at the station version read (managers)',
      tag: 'Menu',
      body: ZCreateMenuItem,
      response: ZStationMenu,
      status: 201,
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  updateMenuItem: staff(
    {
      method: 'patch',
      path: '/api/admin/menu-items/{id}',
      summary:
        'Change a menu item or (de)activate it (managers); bookings keep the prices they were quoted',
      tag: 'Menu',
      body: ZUpdateMenuItem,
      response: ZStationMenu,
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  deleteMenuItem: staff({
    method: 'delete',
    path: '/api/admin/menu-items/{id}',
    summary: 'Remove an item no booking ever held (409 ITEM_IN_USE: deactivate it instead)',
    tag: 'Menu',
    query: ZDeleteMenuItemQuery,
    response: ZStationMenu,
    errors: ['VALIDATION_FAILED', 'CONFLICT'],
  }),
  callerChefs: staff({
    method: 'get',
    path: '/api/admin/chefs',
    summary: "Chefs of the caller's station (a super admin names one with `station`)",
    tag: 'Chefs',
    query: CALLER_STATION,
    response: answerOf<Returns<typeof listChefs>>()(ZChefRoster),
    errors: ['VALIDATION_FAILED'],
  }),
  createCallerChef: staff(
    {
      method: 'post',
      path: '/api/admin/chefs',
      summary: "Add a chef to the caller's station (or `station`)",
      tag: 'Chefs',
      query: CALLER_STATION,
      body: ZCreateChef,
      response: answerOf<Returns<typeof createChef>>()(ZChefRow),
      status: 201,
    },
    WRITE,
  ),
  chefs: staff({
    method: 'get',
    path: '/api/admin/stations/{slug}/chefs',
    summary: "The station's chefs, active first, with upcoming bookings",
    tag: 'Chefs',
    response: answerOf<Returns<typeof listChefs>>()(ZChefRoster),
  }),
  createChef: staff(
    {
      method: 'post',
      path: '/api/admin/stations/{slug}/chefs',
      summary: 'Add a chef',
      tag: 'Chefs',
      body: ZCreateChef,
      response: answerOf<Returns<typeof createChef>>()(ZChefRow),
      status: 201,
    },
    WRITE,
  ),
  updateChef: staff(
    {
      method: 'patch',
      path: '/api/admin/chefs/{id}',
      summary: 'Rename or recolour a chef',
      tag: 'Chefs',
      body: ZUpdateChef,
      response: answerOf<Returns<typeof updateChef>>()(ZChefRow),
    },
    WRITE,
  ),
  deactivateChef: staff(
    {
      method: 'post',
      path: '/api/admin/chefs/{id}/deactivate',
      summary: 'Take a chef off the roster, reassigning upcoming bookings all or none',
      tag: 'Chefs',
      body: ZDeactivateChef,
      response: answerOf<Returns<typeof deactivateChef>>()(ZDeactivatedChef),
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  myEvents: staff({
    method: 'get',
    path: '/api/admin/my-events',
    summary:
      "A chef account's own events from today on: time, address, party, menu, requests, balance to collect, customer phone",
    tag: 'Chefs',
    response: answerOf<Returns<typeof getMyEvents>>()(ZMyEvents),
  }),
  startMyEvent: staff(
    {
      method: 'post',
      path: '/api/admin/my-events/{id}/start',
      summary:
        'The chef says they have started their event (from two hours before it; where the station allows it)',
      tag: 'Chefs',
      body: z.strictObject({ version: z.number().int().positive() }),
      response: answerOf<Returns<typeof startMyEvent>>()(ZStartedEvent),
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  completeMyEvent: staff(
    {
      method: 'post',
      path: '/api/admin/my-events/{id}/complete',
      summary: 'The chef marks their own started event completed (where the station allows it)',
      tag: 'Chefs',
      body: z.strictObject({ version: z.number().int().positive() }),
      response: answerOf<Returns<typeof completeMyEvent>>()(ZCompletedEvent),
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  season: staff({
    method: 'get',
    path: '/api/admin/stations/{slug}/season',
    summary:
      "The station's chef time off, weekly days off and closed dates or date hours in a range",
    tag: 'Season',
    query: ZSeasonQuery,
    response: answerOf<Returns<typeof getSeason>>()(ZSeason),
    errors: ['VALIDATION_FAILED'],
  }),
  createTimeOff: staff(
    {
      method: 'post',
      path: '/api/admin/stations/{slug}/time-off',
      summary:
        'A chef is away (whole days or hours); over booked events 409 CHEF_HAS_BOOKINGS, or bookings "reassign" moves them all or none',
      tag: 'Season',
      body: ZTimeOffInput,
      response: answerOf<Returns<typeof createTimeOff>>()(ZTimeOffChange),
      status: 201,
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  updateTimeOff: staff(
    {
      method: 'patch',
      path: '/api/admin/time-off/{id}',
      summary: 'Change a time off entry (the same rules as adding one)',
      tag: 'Season',
      body: ZTimeOffInput,
      response: answerOf<Returns<typeof updateTimeOff>>()(ZTimeOffChange),
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  deleteTimeOff: staff({
    method: 'delete',
    path: '/api/admin/time-off/{id}',
    summary: 'Remove a time off entry: the chef is available again then',
    tag: 'Season',
    response: answerOf<Returns<typeof deleteTimeOff>>()(z.object({ deleted: z.literal(true) })),
  }),
  setWeeklyOff: staff(
    {
      method: 'put',
      path: '/api/admin/chefs/{id}/weekly-off',
      summary: 'The weekdays a chef never works (409 CHEF_HAS_BOOKINGS over coming bookings)',
      tag: 'Season',
      body: ZWeeklyOffInput,
      response: answerOf<Returns<typeof setWeeklyOff>>()(ZWeeklyOffList),
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  setStationDate: staff(
    {
      method: 'put',
      path: '/api/admin/stations/{slug}/dates/{date}',
      summary:
        'Close the station on a date, or give it other first and last start times (managers)',
      tag: 'Season',
      body: ZStationDateInput,
      response: answerOf<Returns<typeof setStationDate>>()(ZStationDateRule),
    },
    WRITE,
  ),
  clearStationDate: staff({
    method: 'delete',
    path: '/api/admin/stations/{slug}/dates/{date}',
    summary: "Give a date the station's usual hours again (managers)",
    tag: 'Season',
    response: answerOf<Returns<typeof clearStationDate>>()(z.object({ deleted: z.boolean() })),
    errors: ['VALIDATION_FAILED'],
  }),
  regenerateChefFeed: staff({
    method: 'post',
    path: '/api/admin/chefs/{id}/feed',
    summary:
      'A new secret calendar feed URL for the chef (shown once; the old URL stops working). Managers',
    tag: 'Season',
    response: answerOf<Returns<typeof regenerateChefFeed>>()(
      z.object({ path: z.string(), createdAt: z.iso.datetime() }),
    ),
  }),
  chefFeed: {
    method: 'get',
    path: '/api/feeds/chef/{file}',
    summary:
      "A chef's assignments as an iCalendar feed to subscribe to (`TOKEN.ics`; no session, the token is the key; 404 once regenerated)",
    tag: 'Season',
    response: 'An iCalendar (RFC 5545) feed with a VEVENT per assignment',
    responseType: 'text/calendar',
    errors: ['NOT_FOUND', 'RATE_LIMITED'],
  },
  activateChef: staff({
    method: 'post',
    path: '/api/admin/chefs/{id}/activate',
    summary: 'Put a chef back on the roster',
    tag: 'Chefs',
    response: answerOf<Returns<typeof activateChef>>()(ZChefRow),
  }),
  staffAccounts: staff({
    method: 'get',
    path: '/api/admin/staff',
    summary: 'Every staff account (super admin)',
    tag: 'Staff',
    response: answerOf<Returns<typeof listStaff>>()(ZStaffAccounts),
  }),
  createStaff: staff(
    {
      method: 'post',
      path: '/api/admin/staff',
      summary: 'Create an account with a one-time set-password link (super admin)',
      tag: 'Staff',
      body: ZCreateStaff,
      response: answerOf<Returns<typeof createStaff>>()(ZStaffWithLink),
      status: 201,
    },
    WRITE,
  ),
  updateStaff: staff(
    {
      method: 'patch',
      path: '/api/admin/staff/{id}',
      summary: 'Change name, role or station (never the last super admin)',
      tag: 'Staff',
      body: ZUpdateStaff,
      response: answerOf<Returns<typeof updateStaff>>()(ZStaffAccountRow),
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  deactivateStaff: staffAction(
    '/api/admin/staff/{id}/deactivate',
    'Deactivate an account: out at their next request',
    answerOf<Returns<typeof deactivateStaff>>()(ZStaffAccountRow),
    ['CONFLICT'],
  ),
  activateStaff: staffAction(
    '/api/admin/staff/{id}/activate',
    'Let a deactivated account sign in again',
    answerOf<Returns<typeof activateStaff>>()(ZStaffAccountRow),
  ),
  unlockStaff: staffAction(
    '/api/admin/staff/{id}/unlock',
    'Clear a lockout after wrong passwords',
    answerOf<Returns<typeof unlockStaff>>()(ZStaffAccountRow),
  ),
  resetStaffPassword: staffAction(
    '/api/admin/staff/{id}/reset-password',
    'A new one-time link; their sessions end',
    answerOf<Returns<typeof resetStaffPassword>>()(ZStaffWithLink),
  ),
  conversations: staff({
    method: 'get',
    path: '/api/admin/conversations',
    summary:
      "The station's customer conversations, newest first (by status, assigned to me, or a whole e-mail or a booking reference)",
    tag: 'Conversations',
    query: ZInboxQuery,
    response: z.array(ZInboxRow),
    errors: ['VALIDATION_FAILED'],
  }),
  unreadConversations: staff({
    method: 'get',
    path: '/api/admin/conversations/unread',
    summary: 'How many open conversations have customer messages no staff member has read',
    tag: 'Conversations',
    query: CALLER_STATION,
    response: ZUnreadCount,
  }),
  conversation: staff({
    method: 'get',
    path: '/api/admin/conversations/{id}',
    summary: 'One conversation: its newest 500 messages, the linked booking, who may be assigned',
    tag: 'Conversations',
    response: ZStaffConversation,
  }),
  updateConversation: staff(
    {
      method: 'patch',
      path: '/api/admin/conversations/{id}',
      summary: 'Close or reopen, assign to a staff member of the station, link or unlink a booking',
      tag: 'Conversations',
      body: ZConversationUpdate,
      response: ZStaffConversation,
    },
    WRITE,
  ),
  replyToConversation: staff(
    {
      method: 'post',
      path: '/api/admin/conversations/{id}/messages',
      summary:
        'Answer the customer (201; 200 with the kept message when the client message id was sent before); e-mailed if unread after a minute',
      tag: 'Conversations',
      body: ZStaffReplyInput,
      response: ZMessage,
      status: 201,
    },
    WRITE,
  ),
  markConversationRead: staff(
    {
      method: 'post',
      path: '/api/admin/conversations/{id}/read',
      summary: 'Staff have read the messages up to `seq` (the customer sees it)',
      tag: 'Conversations',
      body: ZReadReceipt,
      response: z.object({ staffReadSeq: z.number().int() }),
    },
    WRITE,
  ),
  live: staff({
    method: 'get',
    path: '/api/admin/live',
    summary:
      "Server-sent events for the station's screens: `bookings`, `message`, `conversation` hints to refetch on, `resync` after a gap (a super admin without `station` hears every station)",
    tag: 'Conversations',
    query: ZLiveQuery,
    response: 'text/event-stream: events `bookings`, `message`, `conversation`, `resync`',
    responseType: 'text/event-stream',
    errors: ['VALIDATION_FAILED', 'RATE_LIMITED', 'UNAVAILABLE'],
  }),
  customers: staff({
    method: 'get',
    path: '/api/admin/customers',
    summary:
      'Super admin: the customers with exactly this e-mail or phone (found by blind index; customer data is sealed, so nothing partial)',
    tag: 'Customers',
    query: ZCustomerLookupQuery,
    response: z.array(ZCustomerSummary),
    errors: ['VALIDATION_FAILED'],
  }),
  exportCustomer: staff({
    method: 'get',
    path: '/api/admin/customers/{id}/export',
    summary:
      'Super admin, audited: everything kept about the customer (profile, bookings, payments, messages) as a JSON download',
    tag: 'Customers',
    response: ZCustomerExport,
  }),
  eraseCustomer: staff(
    {
      method: 'post',
      path: '/api/admin/customers/{id}/erase',
      summary:
        'Super admin, audited: replace the personal data by a tombstone (bookings and payments stay for the books); 409 while an event is to come',
      tag: 'Customers',
      body: ZEraseCustomerInput,
      response: ZErasedCustomer,
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
} satisfies Record<string, ApiOperation>;

/** Every operation of the admin app, for its OpenAPI document. */
export const ADMIN_OPERATIONS: readonly ApiOperation[] = [
  ...Object.values(ADMIN_API),
  ...HEALTH_OPERATIONS,
];
