// Client-safe: the admin's New booking page reads these as the API does.
import { z } from 'zod';
import { ZStationSlug } from '../pricing/quote.schema';

/** A whole e-mail or a whole phone number (blind indexes find exact values only). */
export const CONTACT_LOOKUP = {
  email: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.email('Enter a whole e-mail address').max(254).optional(),
  ),
  phone: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .max(40)
      .regex(/^\+?[\d\s().-]{6,}$/, 'Enter a whole phone number')
      .optional(),
  ),
};

/** Exactly one of the e-mail and the phone. */
export const withOneContact = <T extends z.ZodType<{ email?: string; phone?: string }>>(
  schema: T,
) =>
  schema.refine((query) => Boolean(query.email) !== Boolean(query.phone), {
    path: ['email'],
    message: 'Give either a whole e-mail or a whole phone number',
  });

/** `?station=SLUG&email=…` or `&phone=…`: the returning customer a phone order is for. */
export const ZBookingCustomerQuery = withOneContact(
  z.object({ station: ZStationSlug, ...CONTACT_LOOKUP }),
);

/** A returning customer of the station, to fill a phone order's contact. */
export const ZBookingCustomer = z.object({
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  /** Their bookings with this station, and the last one's date. */
  bookings: z.number().int(),
  lastEventDate: z.string().nullable(),
});
export type TBookingCustomer = z.infer<typeof ZBookingCustomer>;

export const ZBookingCustomerAnswer = z.object({ customer: ZBookingCustomer.nullable() });
