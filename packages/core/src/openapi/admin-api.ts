import { z } from 'zod';
import {
  ZAnalyticsQuery,
  ZBookingKpis,
  ZCustomerAnalytics,
  ZPaymentAnalytics,
} from '../analytics/analytics.schema';
import { ZSignInInput } from '../auth/sign-in.schema';
import { ZCalendarQuery } from '../bookings/calendar.schema';
import { ZRescheduleInput } from '../bookings/reschedule-booking.schema';
import { ZStaffCancelInput, ZStaffCancellation } from '../bookings/staff-cancel.schema';
import {
  ZListStaffBookingsQuery,
  ZMarkOutcomeInput,
  ZUpdateNotesInput,
} from '../bookings/staff-bookings.schema';
import { ZListOutboxQuery } from '../notifications/outbox.schema';
import { ZRecordPaymentInput } from '../payments/record-offline-payment.schema';
import { ZCreateStaff, ZSetPassword, ZUpdateStaff } from '../staff/staff.schema';
import { ZCreateChef, ZDeactivateChef, ZUpdateChef } from '../stations/chef.schema';
import {
  ZCreateStation,
  ZPatchStationSettings,
  ZStationSettingsView,
  ZUpdateStationSettings,
} from '../stations/station-settings.schema';
import type { ApiOperation } from './build-document';
import { HEALTH_OPERATIONS } from './health-operations';

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

const staff = (
  operation: Omit<ApiOperation, 'auth' | 'errors'> & { errors?: ApiOperation['errors'] },
  base: readonly ApiOperation['errors'][number][] = STAFF,
): ApiOperation => ({
  ...operation,
  auth: 'staff',
  errors: [...base, ...(operation.errors ?? [])],
});

const analytics = (name: string, response: z.ZodType, summary: string): ApiOperation =>
  staff({
    method: 'get',
    path: `/api/admin/analytics/${name}`,
    summary,
    tag: 'Analytics',
    query: ZAnalyticsQuery,
    response,
    errors: ['VALIDATION_FAILED'],
  });

/**
 * The admin app's HTTP API (port 3001): staff only, behind the session cookie; scoped to the
 * caller's station (another station's records answer 404), with role checks (403).
 */
export const ADMIN_OPERATIONS: ApiOperation[] = [
  {
    method: 'post',
    path: '/api/session',
    summary: 'Sign in; sets the session cookie (one 401 wording for every refusal)',
    tag: 'Session',
    body: ZSignInInput,
    response: z.object({ signedIn: z.literal(true) }),
    errors: ['VALIDATION_FAILED', 'UNAUTHENTICATED', 'RATE_LIMITED', 'UNSUPPORTED_MEDIA_TYPE'],
  },
  {
    method: 'delete',
    path: '/api/session',
    summary: 'Sign out of this browser',
    tag: 'Session',
    response: z.object({ signedOut: z.literal(true) }),
    errors: [],
  },
  {
    method: 'post',
    path: '/api/set-password',
    summary: 'Choose a password with a one-time link (signed out)',
    tag: 'Session',
    body: ZSetPassword,
    response: z.object({ email: z.string() }),
    errors: ['VALIDATION_FAILED', 'NOT_FOUND', 'RATE_LIMITED', 'UNSUPPORTED_MEDIA_TYPE'],
  },
  staff({ method: 'get', path: '/api/admin/me', summary: 'Who is signed in', tag: 'Session' }),
  staff({
    method: 'post',
    path: '/api/admin/me/sign-out-everywhere',
    summary: "End every one of the caller's sessions",
    tag: 'Session',
  }),
  staff({
    method: 'get',
    path: '/api/admin/bookings',
    summary: 'Bookings, newest event first, keyset pages (filters: status, dates, chef, text)',
    tag: 'Bookings',
    query: ZListStaffBookingsQuery,
    errors: ['VALIDATION_FAILED'],
  }),
  staff({
    method: 'get',
    path: '/api/admin/bookings/{id}',
    summary:
      'One booking: customer, chef, price, payments, refunds owed, history, e-mails, actions',
    tag: 'Bookings',
  }),
  staff(
    {
      method: 'patch',
      path: '/api/admin/bookings/{id}',
      summary: 'Reschedule (date, time, duration, chef) at the version read',
      tag: 'Bookings',
      body: ZRescheduleInput,
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  staff(
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
  staff(
    {
      method: 'post',
      path: '/api/admin/bookings/{id}/payments',
      summary: 'Record a cash, check or card-terminal payment (confirms a held booking)',
      tag: 'Bookings',
      body: ZRecordPaymentInput,
      status: 201,
      headers: [{ name: 'Idempotency-Key', description: 'A retry records the payment once.' }],
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  staff(
    {
      method: 'post',
      path: '/api/admin/bookings/{id}/status',
      summary: 'Mark a started booking COMPLETED or NO_SHOW',
      tag: 'Bookings',
      body: ZMarkOutcomeInput,
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  staff(
    {
      method: 'patch',
      path: '/api/admin/bookings/{id}/notes',
      summary: 'Staff notes on a booking, at the version read',
      tag: 'Bookings',
      body: ZUpdateNotesInput,
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  staff({
    method: 'get',
    path: '/api/admin/calendar',
    summary: "A station's zone, hours, chefs and events between two local dates",
    tag: 'Calendar',
    query: ZCalendarQuery,
    errors: ['VALIDATION_FAILED'],
  }),
  analytics('bookings', ZBookingKpis, 'Booking KPIs and the per-day series over local dates'),
  analytics('payments', ZPaymentAnalytics, 'Gross, refunded, net; methods, months, refunds owed'),
  analytics('customers', ZCustomerAnalytics, 'New vs returning, top customers, one customer'),
  staff({
    method: 'get',
    path: '/api/admin/analytics/bookings.csv',
    summary: "The range's bookings as CSV (streamed; formula-safe cells)",
    tag: 'Analytics',
    query: ZAnalyticsQuery,
    response: 'CSV with a header row',
    responseType: 'text/csv',
    errors: ['VALIDATION_FAILED'],
  }),
  staff({
    method: 'get',
    path: '/api/admin/outbox',
    summary: 'E-mails with status, attempts, last error and text (managers)',
    tag: 'Outbox',
    query: ZListOutboxQuery,
    errors: ['VALIDATION_FAILED'],
  }),
  staff({
    method: 'post',
    path: '/api/admin/outbox/{id}/retry',
    summary: 'Put a FAILED e-mail back in the queue (managers)',
    tag: 'Outbox',
    errors: ['CONFLICT'],
  }),
  staff({
    method: 'get',
    path: '/api/admin/stations',
    summary: 'Every station, open or closed, with chefs, upcoming bookings, staff (super admin)',
    tag: 'Stations',
  }),
  staff(
    {
      method: 'post',
      path: '/api/admin/stations',
      summary: 'Add a station, closed until it has a chef and is opened (super admin)',
      tag: 'Stations',
      body: ZCreateStation,
      status: 201,
    },
    WRITE,
  ),
  staff({
    method: 'post',
    path: '/api/admin/stations/{slug}/deactivate',
    summary: 'Close a station to customers (refused while bookings lie ahead)',
    tag: 'Stations',
    errors: ['CONFLICT'],
  }),
  staff({
    method: 'post',
    path: '/api/admin/stations/{slug}/activate',
    summary: 'Open a station to customers (refused without an active chef)',
    tag: 'Stations',
    errors: ['CONFLICT'],
  }),
  staff({
    method: 'get',
    path: '/api/admin/stations/{slug}/settings',
    summary: "A station's settings, version, future bookings and bookings outside the hours",
    tag: 'Stations',
    response: ZStationSettingsView,
  }),
  staff(
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
  staff({
    method: 'get',
    path: '/api/admin/stations/{slug}',
    summary: 'A station (the same view as its settings)',
    tag: 'Stations',
    response: ZStationSettingsView,
  }),
  staff(
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
  staff({
    method: 'get',
    path: '/api/admin/chefs',
    summary: "Chefs of the caller's station (a super admin names one with `station`)",
    tag: 'Chefs',
    query: CALLER_STATION,
    errors: ['VALIDATION_FAILED'],
  }),
  staff(
    {
      method: 'post',
      path: '/api/admin/chefs',
      summary: "Add a chef to the caller's station (or `station`)",
      tag: 'Chefs',
      query: CALLER_STATION,
      body: ZCreateChef,
      status: 201,
    },
    WRITE,
  ),
  staff({
    method: 'get',
    path: '/api/admin/stations/{slug}/chefs',
    summary: "The station's chefs, active first, with upcoming bookings",
    tag: 'Chefs',
  }),
  staff(
    {
      method: 'post',
      path: '/api/admin/stations/{slug}/chefs',
      summary: 'Add a chef',
      tag: 'Chefs',
      body: ZCreateChef,
      status: 201,
    },
    WRITE,
  ),
  staff(
    {
      method: 'patch',
      path: '/api/admin/chefs/{id}',
      summary: 'Rename or recolour a chef',
      tag: 'Chefs',
      body: ZUpdateChef,
    },
    WRITE,
  ),
  staff(
    {
      method: 'post',
      path: '/api/admin/chefs/{id}/deactivate',
      summary: 'Take a chef off the roster, reassigning upcoming bookings all or none',
      tag: 'Chefs',
      body: ZDeactivateChef,
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  staff({
    method: 'post',
    path: '/api/admin/chefs/{id}/activate',
    summary: 'Put a chef back on the roster',
    tag: 'Chefs',
  }),
  staff({
    method: 'get',
    path: '/api/admin/staff',
    summary: 'Every staff account (super admin)',
    tag: 'Staff',
  }),
  staff(
    {
      method: 'post',
      path: '/api/admin/staff',
      summary: 'Create an account with a one-time set-password link (super admin)',
      tag: 'Staff',
      body: ZCreateStaff,
      status: 201,
    },
    WRITE,
  ),
  staff(
    {
      method: 'patch',
      path: '/api/admin/staff/{id}',
      summary: 'Change name, role or station (never the last super admin)',
      tag: 'Staff',
      body: ZUpdateStaff,
      errors: ['CONFLICT'],
    },
    WRITE,
  ),
  ...(['deactivate', 'activate', 'unlock', 'reset-password'] as const).map((action) =>
    staff({
      method: 'post',
      path: `/api/admin/staff/{id}/${action}`,
      summary: {
        deactivate: 'Deactivate an account: out at their next request',
        activate: 'Let a deactivated account sign in again',
        unlock: 'Clear a lockout after wrong passwords',
        'reset-password': 'A new one-time link; their sessions end',
      }[action],
      tag: 'Staff',
      errors: action === 'deactivate' ? ['CONFLICT'] : [],
    }),
  ),
  ...HEALTH_OPERATIONS,
];
