import type {
  TAvailability,
  TAvailabilityDays,
} from '@hibachi/core/availability/availability.schema';
import type { TCreatedBooking } from '@hibachi/core/bookings/create-booking.schema';
import { DATE_PICKER_DAYS } from '@/components/booking/booking-form';
import type {
  TCancellationResult,
  TCustomerBooking,
} from '@hibachi/core/bookings/customer-booking.schema';
import type {
  TBalanceCheckout,
  TBalanceCheckoutInput,
} from '@hibachi/core/payments/balance-checkout.schema';
import type { TMenuSelection } from '@hibachi/core/menu/menu.schema';
import type { TQuote } from '@hibachi/core/pricing/quote.schema';
import type { TPublicMenu, TStationSummary } from '@hibachi/core/stations/station.schema';
import type { TAcceptProposalInput } from '@hibachi/core/bookings/accept-proposal.schema';
import type { TTermsVersion } from '@hibachi/core/terms/terms.schema';
import { fetchJson } from '@hibachi/web/fetch-json';

/** The customer API, typed by core's schemas. */
export const api = {
  stations: () => fetchJson<TStationSummary[]>('/api/stations'),
  availabilityDays: (station: string, from: string, duration: number) =>
    fetchJson<TAvailabilityDays>(
      `/api/availability/days?${new URLSearchParams({ station, from, duration: String(duration), days: String(DATE_PICKER_DAYS) })}`,
    ),
  availability: (station: string, date: string, duration: number) =>
    fetchJson<TAvailability>(
      `/api/availability?${new URLSearchParams({ station, date, duration: String(duration) })}`,
    ),
  menu: (station: string) =>
    fetchJson<TPublicMenu>(`/api/stations/${encodeURIComponent(station)}/menu`),
  quote: (body: {
    station: string;
    adults: number;
    children: number;
    durationMinutes: number;
    menu?: TMenuSelection;
    postalCode?: string;
    currency?: string;
  }) => fetchJson<TQuote>('/api/quotes', { method: 'POST', body: JSON.stringify(body) }),
  createBooking: (body: unknown, idempotencyKey: string) =>
    fetchJson<TCreatedBooking>('/api/bookings', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Idempotency-Key': idempotencyKey },
      timeoutMs: 20_000,
    }),
  booking: (reference: string, proof: { email: string } | { token: string }) =>
    fetchJson<TCustomerBooking>(
      `/api/bookings/${encodeURIComponent(reference)}?${new URLSearchParams(proof)}`,
    ),
  startCheckout: (reference: string, token: string) =>
    fetchJson<{ url: string; provider: 'stripe' | 'simulator' }>('/api/payments/checkout', {
      method: 'POST',
      body: JSON.stringify({ reference, token }),
    }),
  balanceCheckout: (reference: string, body: TBalanceCheckoutInput) =>
    fetchJson<TBalanceCheckout>(`/api/bookings/${encodeURIComponent(reference)}/balance-checkout`, {
      method: 'POST',
      body: JSON.stringify(body),
    }),
  simulate: (body: {
    reference: string;
    token: string;
    session: string;
    outcome: 'pay' | 'decline';
  }) =>
    fetchJson<{ type: string; outcome?: string }>('/api/payments/simulator', {
      method: 'POST',
      body: JSON.stringify(body),
    }),
  reschedule: (
    reference: string,
    body: ({ email: string } | { token: string }) & { date: string; time: string; version: number },
  ) =>
    fetchJson<TCustomerBooking>(`/api/bookings/${encodeURIComponent(reference)}/reschedule`, {
      method: 'POST',
      body: JSON.stringify(body),
    }),
  changeMenu: (
    reference: string,
    body: ({ email: string } | { token: string }) & {
      adults: number;
      children: number;
      menu: TMenuSelection;
      version: number;
    },
  ) =>
    fetchJson<TCustomerBooking>(`/api/bookings/${encodeURIComponent(reference)}/menu`, {
      method: 'PATCH',
      body: JSON.stringify(body),
    }),
  terms: (station: string) =>
    fetchJson<TTermsVersion>(`/api/stations/${encodeURIComponent(station)}/terms`),
  termsVersion: (station: string, version: number) =>
    fetchJson<TTermsVersion>(
      `/api/stations/${encodeURIComponent(station)}/terms/${encodeURIComponent(String(version))}`,
    ),
  acceptProposal: (reference: string, body: TAcceptProposalInput) =>
    fetchJson<TCustomerBooking>(`/api/bookings/${encodeURIComponent(reference)}/acceptance`, {
      method: 'POST',
      body: JSON.stringify(body),
    }),
  cancel: (reference: string, proof: { email: string } | { token: string }) =>
    fetchJson<TCancellationResult>(`/api/bookings/${encodeURIComponent(reference)}/cancel`, {
      method: 'POST',
      body: JSON.stringify(proof),
    }),
};
