import {
  ZAdjustmentInput,
  type TStaffBookingInput,
} from '@hibachi/core/bookings/create-booking.schema';
import type { TAdjustmentBody } from '@hibachi/core/pricing/quote.schema';
import type { TMenuSelection } from '@hibachi/core/menu/menu.schema';
import {
  DEFAULT_DURATION_MINUTES,
  MAX_DURATION_MINUTES,
  MIN_DURATION_MINUTES,
} from '@hibachi/core/pricing/quote.schema';
import { toMinorUnits, toWholeNumber } from '@hibachi/web/form-values';
import {
  ADJUSTMENT_VALUES,
  toAdjustmentInput,
  type AdjustmentValues,
} from '../booking/adjustment-values';

/** The lengths staff may choose: 1 to 8 hours in half hours (the API's rule). */
export const DURATIONS = Array.from(
  { length: (MAX_DURATION_MINUTES - MIN_DURATION_MINUTES) / 30 + 1 },
  (_, index) => MIN_DURATION_MINUTES + index * 30,
);

/**
 * The New booking form as text, its fields named as the body's paths (`customer.email`), so
 * the API's messages land on them. The menu is the picker's state, not fields (`order`).
 */
export type NewBookingValues = {
  date: string;
  time: string;
  durationMinutes: string;
  /** Empty: the least busy chef free then (the server's choice, as online). */
  chefId: string;
  adults: string;
  children: string;
  address: { line1: string; line2: string; city: string; postalCode: string };
  customer: { name: string; email: string; phone: string };
  specialRequests: string;
  /** One discount or surcharge row; a kind of "" (none) sends none. */
  adjustments: AdjustmentValues[];
  /** A manager's deposit in major units; empty: the station's. */
  depositCents: string;
};

/** What `?date=&time=&chef=&duration=` asks the form to start with (the calendar's links). */
export type NewBookingPrefill = {
  date?: string;
  time?: string;
  chefId?: string;
  durationMinutes?: number;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The page's query as a prefill: each parameter kept only when it reads as its field. */
export function toNewBookingPrefill(params: URLSearchParams): NewBookingPrefill {
  const date = params.get('date') ?? '';
  const time = params.get('time') ?? '';
  const chef = params.get('chef') ?? '';
  const duration = Number(params.get('duration'));
  return {
    ...(DATE.test(date) ? { date } : {}),
    ...(TIME.test(time) ? { time } : {}),
    ...(UUID.test(chef) ? { chefId: chef.toLowerCase() } : {}),
    ...(DURATIONS.includes(duration) ? { durationMinutes: duration } : {}),
  };
}

/** What the fields show first: the prefill, else today, two hours and an empty order. */
export function toNewBookingValues(prefill: NewBookingPrefill, today: string): NewBookingValues {
  return {
    date: prefill.date ?? today,
    time: prefill.time ?? '',
    durationMinutes: String(prefill.durationMinutes ?? DEFAULT_DURATION_MINUTES),
    chefId: prefill.chefId ?? '',
    adults: '',
    children: '0',
    address: { line1: '', line2: '', city: '', postalCode: '' },
    customer: { name: '', email: '', phone: '' },
    specialRequests: '',
    adjustments: [{ ...ADJUSTMENT_VALUES, kind: '' }],
    depositCents: '',
  };
}

/** The form as Conform reads it: a field never typed in may be missing. */
export type NewBookingDraft = {
  [Name in Exclude<keyof NewBookingValues, 'adjustments'>]?: NewBookingValues[Name] extends string
    ? string
    : Partial<NewBookingValues[Name]>;
} & { adjustments?: AdjustmentValues[] };

/**
 * What the price beside the form applies: the complete adjustments typed so far and the
 * deposit (a half-typed row is left out rather than refusing the quote).
 */
export function toQuoteAdjustments(
  values: { adjustments?: AdjustmentValues[]; depositCents?: string },
  currency: string,
): { adjustments?: TAdjustmentBody[]; depositCents?: number } {
  const adjustments = toAdjustmentsInput(values.adjustments, currency).filter(
    (row) => ZAdjustmentInput.safeParse({ ...row, reason: 'shown in the price' }).success,
  );
  const deposit = values.depositCents?.trim() ? toMinorUnits(values.depositCents, currency) : NaN;
  return {
    ...(adjustments.length > 0 ? { adjustments } : {}),
    ...(Number.isInteger(deposit) && deposit >= 0 ? { depositCents: deposit } : {}),
  };
}

/** The rows given a kind, as the body's adjustments (percent or amount in minor units). */
export function toAdjustmentsInput(
  rows: AdjustmentValues[] | undefined,
  currency: string,
): NonNullable<TStaffBookingInput['adjustments']> {
  return (rows ?? [])
    .filter((row) => row.kind === 'DISCOUNT' || row.kind === 'SURCHARGE')
    .map((row) => toAdjustmentInput(row, currency));
}

/** The parts of the order that are not fields: the station, its currency and the menu. */
export type NewBookingOrder = { station: string; currency: string; menu: TMenuSelection };

/** POST /api/admin/bookings's body: exactly the fields the API takes, nothing empty extra. */
export function toNewBookingInput(
  values: NewBookingDraft,
  order: NewBookingOrder,
): TStaffBookingInput {
  const address = values.address ?? {};
  const customer = values.customer ?? {};
  const line2 = address.line2?.trim() ? { line2: address.line2 } : {};
  const adjustments = toAdjustmentsInput(values.adjustments, order.currency);
  const requests = values.specialRequests?.trim()
    ? { specialRequests: values.specialRequests }
    : {};
  return {
    station: order.station,
    date: values.date ?? '',
    time: values.time ?? '',
    durationMinutes: toWholeNumber(values.durationMinutes),
    ...(values.chefId ? { chefId: values.chefId } : {}),
    adults: toWholeNumber(values.adults),
    children: toWholeNumber(values.children || '0'),
    customer: {
      name: customer.name ?? '',
      email: customer.email ?? '',
      phone: customer.phone ?? '',
    },
    address: {
      line1: address.line1 ?? '',
      ...line2,
      city: address.city ?? '',
      postalCode: address.postalCode ?? '',
    },
    menu: order.menu,
    currency: order.currency,
    ...requests,
    ...(adjustments.length > 0 ? { adjustments } : {}),
    ...(values.depositCents?.trim()
      ? { depositCents: toMinorUnits(values.depositCents, order.currency) }
      : {}),
  };
}
