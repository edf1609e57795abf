import type {
  Calendar,
  RescheduledBooking,
  StaffBookingDetail,
  StaffBookingPage,
} from '@hibachi/core/bookings';
import type { OutboxRow } from '@hibachi/core/notifications';
import { fetchJson } from '@hibachi/web/fetch-json';

const json = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
  method,
  body: JSON.stringify(body),
  headers,
});

/** The admin API, typed by core's use cases. */
export const api = {
  signIn: (body: { email: string; password: string }) =>
    fetchJson<{ signedIn: true }>('/api/session', json('POST', body)),
  signOut: () => fetchJson<{ signedOut: true }>('/api/session', { method: 'DELETE' }),
  signOutEverywhere: () =>
    fetchJson<{ signedOut: true }>('/api/admin/me/sign-out-everywhere', { method: 'POST' }),
  bookings: (query: URLSearchParams) => fetchJson<StaffBookingPage>(`/api/admin/bookings?${query}`),
  booking: (id: string) => fetchJson<StaffBookingDetail>(`/api/admin/bookings/${id}`),
  recordPayment: (id: string, body: unknown, idempotencyKey: string) =>
    fetchJson<{ booking: { outstandingCents: number } }>(
      `/api/admin/bookings/${id}/payments`,
      json('POST', body, { 'Idempotency-Key': idempotencyKey }),
    ),
  cancel: (id: string, body: { reason: string; refund: boolean; version: number }) =>
    fetchJson<{
      refund: { cardCents: number; offlineCents: number; keptCents: number; status: string };
    }>(`/api/admin/bookings/${id}/cancel`, json('POST', body)),
  markOutcome: (id: string, body: { status: 'COMPLETED' | 'NO_SHOW'; version: number }) =>
    fetchJson<{ version: number }>(`/api/admin/bookings/${id}/status`, json('POST', body)),
  saveNotes: (id: string, body: { notes: string; version: number }) =>
    fetchJson<{ version: number }>(`/api/admin/bookings/${id}/notes`, json('PATCH', body)),
  calendar: (query: URLSearchParams) => fetchJson<Calendar>(`/api/admin/calendar?${query}`),
  reschedule: (
    id: string,
    body: {
      date: string;
      time: string;
      durationMinutes?: number;
      chefId?: string;
      version: number;
    },
  ) => fetchJson<RescheduledBooking>(`/api/admin/bookings/${id}`, json('PATCH', body)),
  outbox: (query: URLSearchParams) =>
    fetchJson<{ items: OutboxRow[]; nextCursor: string | null }>(`/api/admin/outbox?${query}`),
  retryEmail: (id: string) =>
    fetchJson<{ status: 'PENDING' }>(`/api/admin/outbox/${id}/retry`, { method: 'POST' }),
};
