import type { TMenuSelection } from '@hibachi/core/menu/menu.schema';

/** The duration the wizard starts with, and how many days its date picker shows. */
export const DEFAULT_DURATION_MINUTES = 120;
export const DATE_PICKER_DAYS = 35;

/** What the details form edits; numbers stay strings while typing. */
export type DetailsValues = {
  adults: string;
  children: string;
  name: string;
  email: string;
  phone: string;
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  specialRequests: string;
};

export const EMPTY_DETAILS: DetailsValues = {
  adults: '4',
  children: '0',
  name: '',
  email: '',
  phone: '',
  line1: '',
  line2: '',
  city: '',
  postalCode: '',
  specialRequests: '',
};

export type Selection = { station: string; date: string; time: string; durationMinutes: number };

const toNumber = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** The POST /api/bookings body: exactly the fields the API accepts. */
export function toBookingInput(
  selection: Selection,
  details: DetailsValues,
  order: { menu: TMenuSelection; currency: string } = { menu: [], currency: 'USD' },
) {
  return {
    ...selection,
    menu: order.menu,
    currency: order.currency,
    adults: toNumber(details.adults),
    children: toNumber(details.children),
    customer: { name: details.name, email: details.email, phone: details.phone },
    address: {
      line1: details.line1,
      ...(details.line2.trim() ? { line2: details.line2 } : {}),
      city: details.city,
      postalCode: details.postalCode,
    },
    ...(details.specialRequests.trim() ? { specialRequests: details.specialRequests } : {}),
  };
}

/** API field path → form field id. */
export const FIELD_IDS: Record<string, keyof DetailsValues | 'date' | 'time' | 'menu'> = {
  adults: 'adults',
  children: 'children',
  'customer.name': 'name',
  'customer.email': 'email',
  'customer.phone': 'phone',
  'address.line1': 'line1',
  'address.line2': 'line2',
  'address.city': 'city',
  'address.postalCode': 'postalCode',
  specialRequests: 'specialRequests',
  menu: 'menu',
  date: 'date',
  time: 'time',
};

export function errorsByField(details: Record<string, unknown>): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const [path, messages] of Object.entries(details)) {
    const field = FIELD_IDS[path] ?? (path.startsWith('menu') ? 'menu' : path);
    const first: unknown = Array.isArray(messages) ? messages[0] : undefined;
    if (typeof first === 'string' && !errors[field])
      errors[field] = first.replace('Expected number, received NaN', 'Enter a number');
  }
  return errors;
}
