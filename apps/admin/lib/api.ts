import type {
  Calendar,
  RescheduledBooking,
  StaffBookingDetail,
  StaffBookingPage,
} from '@hibachi/core/bookings';
import {
  ZRescheduleInput,
  type TRescheduleInput,
} from '@hibachi/core/bookings/reschedule-booking.schema';
import {
  ZStaffCancelInput,
  type TStaffCancelInput,
} from '@hibachi/core/bookings/staff-cancel.schema';
import {
  ZMarkOutcomeInput,
  ZUpdateNotesInput,
  type TMarkOutcomeInput,
  type TUpdateNotesInput,
} from '@hibachi/core/bookings/staff-bookings.schema';
import type { OutboxRow } from '@hibachi/core/notifications';
import type {
  BookingKpis,
  CustomerAnalytics,
  PaymentAnalytics,
} from '@hibachi/core/analytics/analytics.schema';
import {
  ZRecordPaymentInput,
  type TRecordPaymentInput,
} from '@hibachi/core/payments/record-offline-payment.schema';
import {
  ZCreateStation,
  ZUpdateStationSettings,
  type StationAdminRow,
  type TCreateStation,
  type TStationSettingsView,
  type TUpdateStationSettings,
} from '@hibachi/core/stations/station-settings.schema';
import {
  ZCreateChef,
  ZDeactivateChef,
  ZUpdateChef,
  type ChefBooking,
  type ChefRow,
  type TCreateChef,
  type TDeactivateChef,
  type TUpdateChef,
} from '@hibachi/core/stations/chef.schema';
import {
  ZCreateStaff,
  ZSetPassword,
  ZUpdateStaff,
  type StaffAccountRow,
  type StaffWithLink,
  type TCreateStaff,
  type TSetPassword,
  type TUpdateStaff,
} from '@hibachi/core/staff/staff.schema';
import { fieldErrors } from '@hibachi/core/validation/client';
import { ApiError, fetchJson } from '@hibachi/web/fetch-json';
import type { z } from 'zod';

const json = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
  method,
  body: JSON.stringify(body),
  headers,
});

/**
 * Checks a body in the browser with the schema the API checks it with, so a bad form answers
 * at once with the same field messages, and only then sends it.
 */
function checked<T>(schema: z.ZodType, body: unknown, send: () => Promise<T>): Promise<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return send();
  return Promise.reject(
    new ApiError(
      400,
      'VALIDATION_FAILED',
      'Check the highlighted fields.',
      fieldErrors(parsed.error),
    ),
  );
}

/** The admin API, typed by core's use cases; writes are checked with core's schemas first. */
export const api = {
  signIn: (body: { email: string; password: string }) =>
    fetchJson<{ signedIn: true }>('/api/session', json('POST', body)),
  signOut: () => fetchJson<{ signedOut: true }>('/api/session', { method: 'DELETE' }),
  signOutEverywhere: () =>
    fetchJson<{ signedOut: true }>('/api/admin/me/sign-out-everywhere', { method: 'POST' }),
  bookings: (query: URLSearchParams) => fetchJson<StaffBookingPage>(`/api/admin/bookings?${query}`),
  booking: (id: string) => fetchJson<StaffBookingDetail>(`/api/admin/bookings/${id}`),
  recordPayment: (id: string, body: TRecordPaymentInput, idempotencyKey: string) =>
    checked(ZRecordPaymentInput, body, () =>
      fetchJson<{ booking: { outstandingCents: number } }>(
        `/api/admin/bookings/${id}/payments`,
        json('POST', body, { 'Idempotency-Key': idempotencyKey }),
      ),
    ),
  cancel: (id: string, body: TStaffCancelInput) =>
    checked(ZStaffCancelInput, body, () =>
      fetchJson<{
        refund: { cardCents: number; offlineCents: number; keptCents: number; status: string };
      }>(`/api/admin/bookings/${id}/cancel`, json('POST', body)),
    ),
  markOutcome: (id: string, body: TMarkOutcomeInput) =>
    checked(ZMarkOutcomeInput, body, () =>
      fetchJson<{ version: number }>(`/api/admin/bookings/${id}/status`, json('POST', body)),
    ),
  saveNotes: (id: string, body: TUpdateNotesInput) =>
    checked(ZUpdateNotesInput, body, () =>
      fetchJson<{ version: number }>(`/api/admin/bookings/${id}/notes`, json('PATCH', body)),
    ),
  calendar: (query: URLSearchParams) => fetchJson<Calendar>(`/api/admin/calendar?${query}`),
  reschedule: (id: string, body: TRescheduleInput) =>
    checked(ZRescheduleInput, body, () =>
      fetchJson<RescheduledBooking>(`/api/admin/bookings/${id}`, json('PATCH', body)),
    ),
  bookingKpis: (query: URLSearchParams) =>
    fetchJson<BookingKpis>(`/api/admin/analytics/bookings?${query}`),
  paymentAnalytics: (query: URLSearchParams) =>
    fetchJson<PaymentAnalytics>(`/api/admin/analytics/payments?${query}`),
  customerAnalytics: (query: URLSearchParams) =>
    fetchJson<CustomerAnalytics>(`/api/admin/analytics/customers?${query}`),
  outbox: (query: URLSearchParams) =>
    fetchJson<{ items: OutboxRow[]; nextCursor: string | null }>(`/api/admin/outbox?${query}`),
  stationSettings: (slug: string) =>
    fetchJson<TStationSettingsView>(`/api/admin/stations/${encodeURIComponent(slug)}/settings`),
  saveStationSettings: (slug: string, body: TUpdateStationSettings) =>
    checked(ZUpdateStationSettings, body, () =>
      fetchJson<TStationSettingsView>(
        `/api/admin/stations/${encodeURIComponent(slug)}/settings`,
        json('PUT', body),
      ),
    ),
  chefs: (slug: string) =>
    fetchJson<ChefRow[]>(`/api/admin/stations/${encodeURIComponent(slug)}/chefs`),
  createChef: (slug: string, body: TCreateChef) =>
    checked(ZCreateChef, body, () =>
      fetchJson<ChefRow>(
        `/api/admin/stations/${encodeURIComponent(slug)}/chefs`,
        json('POST', body),
      ),
    ),
  updateChef: (id: string, body: TUpdateChef) =>
    checked(ZUpdateChef, body, () =>
      fetchJson<ChefRow>(`/api/admin/chefs/${id}`, json('PATCH', body)),
    ),
  deactivateChef: (id: string, body: TDeactivateChef) =>
    checked(ZDeactivateChef, body, () =>
      fetchJson<{ chef: ChefRow; moved: (ChefBooking & { chef: string })[] }>(
        `/api/admin/chefs/${id}/deactivate`,
        json('POST', body),
      ),
    ),
  activateChef: (id: string) =>
    fetchJson<ChefRow>(`/api/admin/chefs/${id}/activate`, { method: 'POST' }),
  stations: () => fetchJson<StationAdminRow[]>('/api/admin/stations'),
  createStation: (body: TCreateStation) =>
    checked(ZCreateStation, body, () =>
      fetchJson<StationAdminRow>('/api/admin/stations', json('POST', body)),
    ),
  stationAction: (slug: string, action: 'deactivate' | 'activate') =>
    fetchJson<StationAdminRow>(`/api/admin/stations/${encodeURIComponent(slug)}/${action}`, {
      method: 'POST',
    }),
  staffAccounts: () => fetchJson<StaffAccountRow[]>('/api/admin/staff'),
  createStaff: (body: TCreateStaff) =>
    checked(ZCreateStaff, body, () =>
      fetchJson<StaffWithLink>('/api/admin/staff', json('POST', body)),
    ),
  updateStaff: (id: string, body: TUpdateStaff) =>
    checked(ZUpdateStaff, body, () =>
      fetchJson<StaffAccountRow>(`/api/admin/staff/${id}`, json('PATCH', body)),
    ),
  staffAction: (id: string, action: 'deactivate' | 'activate' | 'unlock') =>
    fetchJson<StaffAccountRow>(`/api/admin/staff/${id}/${action}`, { method: 'POST' }),
  resetStaffPassword: (id: string) =>
    fetchJson<StaffWithLink>(`/api/admin/staff/${id}/reset-password`, { method: 'POST' }),
  setPassword: (body: TSetPassword) =>
    checked(ZSetPassword, body, () =>
      fetchJson<{ email: string }>('/api/set-password', json('POST', body)),
    ),
  retryEmail: (id: string) =>
    fetchJson<{ status: 'PENDING' }>(`/api/admin/outbox/${id}/retry`, { method: 'POST' }),
};
