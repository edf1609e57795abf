import type { TStaffCreatedBooking } from '@hibachi/core/bookings/create-booking.schema';

/**
 * What the booking page says once after staff booked it: how long it is held and the payment
 * link the customer was e-mailed (absolute, to paste into a text message). Kept in the tab's
 * query cache, never in the URL or storage: the link carries the booking's token.
 */
export type CreatedNotice = {
  reference: string;
  holdExpiresAt: string;
  timezone: string;
  paymentLink: string;
};

export const createdNoticeKey = (id: string) => ['created-booking', id] as const;

/** The answer of POST /api/admin/bookings as the notice shows it; `paymentUrl` is a path of the customer site. */
export function toCreatedNotice(
  created: Pick<TStaffCreatedBooking, 'reference' | 'holdExpiresAt' | 'timezone' | 'paymentUrl'>,
  customerOrigin: string,
): CreatedNotice {
  return {
    reference: created.reference,
    holdExpiresAt: created.holdExpiresAt,
    timezone: created.timezone,
    paymentLink: new URL(created.paymentUrl, customerOrigin).href,
  };
}
