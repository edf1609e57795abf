import { z } from 'zod';
import { ZAddressView } from '../bookings/customer-booking.schema';
import { CONTACT_LOOKUP, withOneContact } from '../bookings/staff-new-booking.schema';

/** `GET /api/admin/customers?email=…` or `?phone=…`: one customer, found by exact value. */
export const ZCustomerLookupQuery = withOneContact(z.object(CONTACT_LOOKUP));

/** `POST /api/admin/customers/ID/erase`: typed confirmation, as a careful admin would expect. */
export const ZEraseCustomerInput = z.strictObject({
  confirm: z.literal('ERASE', { error: 'Type ERASE to confirm' }),
});

export const ZCustomerSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  createdAt: z.string(),
  erasedAt: z.string().nullable(),
  bookings: z.number().int(),
  upcomingBookings: z.number().int(),
  lastEventDate: z.string().nullable(),
  conversations: z.number().int(),
});
export type TCustomerSummary = z.infer<typeof ZCustomerSummary>;

const ZExportPayment = z.object({
  createdAt: z.string(),
  purpose: z.string(),
  method: z.string(),
  status: z.string(),
  amountCents: z.number().int(),
  refundedCents: z.number().int(),
  gratuityCents: z.number().int(),
});

const ZExportBooking = z.object({
  reference: z.string(),
  station: z.string(),
  status: z.string(),
  date: z.string(),
  time: z.string(),
  adults: z.number().int(),
  children: z.number().int(),
  address: ZAddressView,
  specialRequests: z.string().nullable(),
  currency: z.string(),
  totalCents: z.number().int(),
  menu: z.array(z.object({ name: z.string(), quantity: z.number().int() })),
  payments: z.array(ZExportPayment),
  createdAt: z.string(),
});

const ZExportConversation = z.object({
  station: z.string(),
  startedAt: z.string(),
  messages: z.array(z.object({ author: z.string(), body: z.string(), sentAt: z.string() })),
});

/** What a customer's data export holds (UK GDPR right of access): theirs, nothing of staff. */
export const ZCustomerExport = z.object({
  exportedAt: z.string(),
  profile: z.object({
    name: z.string(),
    email: z.string(),
    phone: z.string(),
    createdAt: z.string(),
  }),
  bookings: z.array(ZExportBooking),
  conversations: z.array(ZExportConversation),
});
export type TCustomerExport = z.infer<typeof ZCustomerExport>;

export const ZErasedCustomer = z.object({
  id: z.uuid(),
  erasedAt: z.string(),
  bookings: z.number().int(),
  conversations: z.number().int(),
});
export type TErasedCustomer = z.infer<typeof ZErasedCustomer>;
