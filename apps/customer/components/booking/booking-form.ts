import type { TMenuSelection } from '@hibachi/core/menu/menu.schema';

/** The duration the wizard starts with, and how many days its date picker shows. */
export const DEFAULT_DURATION_MINUTES = 120;
export const DATE_PICKER_DAYS = 35;

/**
 * What the details form edits, as text, named as the booking body is (so the API's messages,
 * `customer.email`, land on their fields); numbers stay text while typing.
 */
export type DetailsValues = {
  adults: string;
  children: string;
  customer: { name: string; email: string; phone: string };
  address: { line1: string; line2: string; city: string; postalCode: string };
  specialRequests: string;
};

export const EMPTY_DETAILS: DetailsValues = {
  adults: '4',
  children: '0',
  customer: { name: '', email: '', phone: '' },
  address: { line1: '', line2: '', city: '', postalCode: '' },
  specialRequests: '',
};

/** What the form holds now (Conform's value: a field never typed in may be missing). */
export type DetailsDraft = {
  adults?: string;
  children?: string;
  customer?: Partial<DetailsValues['customer']>;
  address?: Partial<DetailsValues['address']>;
  specialRequests?: string;
};

/** The form's draft as the wizard keeps it between steps (a missing field is empty). */
export function toDetailsValues(draft: DetailsDraft | undefined): DetailsValues {
  return {
    adults: draft?.adults ?? '',
    children: draft?.children ?? '',
    customer: { ...EMPTY_DETAILS.customer, ...draft?.customer },
    address: { ...EMPTY_DETAILS.address, ...draft?.address },
    specialRequests: draft?.specialRequests ?? '',
  };
}

export type Selection = { station: string; date: string; time: string; durationMinutes: number };

const toNumber = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** The POST /api/bookings body: exactly the fields the API accepts. */
export function toBookingInput(
  selection: Selection,
  details: DetailsValues,
  order: { menu: TMenuSelection; currency: string } = { menu: [], currency: 'USD' },
) {
  const { customer, address } = details;
  return {
    ...selection,
    menu: order.menu,
    currency: order.currency,
    adults: toNumber(details.adults),
    children: toNumber(details.children),
    customer: { name: customer.name, email: customer.email, phone: customer.phone },
    address: {
      line1: address.line1,
      ...(address.line2.trim() ? { line2: address.line2 } : {}),
      city: address.city,
      postalCode: address.postalCode,
    },
    ...(details.specialRequests.trim() ? { specialRequests: details.specialRequests } : {}),
  };
}

/** The details form's own fields: a refusal of anything else (date, time, menu) is another step's. */
export function isDetailsField(name: string): boolean {
  return /^(adults|children|specialRequests|customer\.|address\.)/.test(name);
}
