import type { TStaffCreatedBooking } from '@hibachi/core/bookings/create-booking.schema';

/**
 * What the booking page says once after staff booked it: how long it is held and the proposal
 * link the customer was e-mailed (absolute, to paste into a text message: they accept the
 * price and terms there and pay the deposit). Kept in the tab's query cache, never in the URL
 * or storage: the link carries the booking's token.
 */
export type CreatedNotice = {
  reference: string;
  holdExpiresAt: string;
  timezone: string;
  proposalLink: string;
};

export const createdNoticeKey = (id: string) => ['created-booking', id] as const;

/** The answer of POST /api/admin/bookings as the notice shows it; `proposalUrl` is a path of the customer site. */
export function toCreatedNotice(
  created: Pick<TStaffCreatedBooking, 'reference' | 'holdExpiresAt' | 'timezone' | 'proposalUrl'>,
  customerOrigin: string,
): CreatedNotice {
  return {
    reference: created.reference,
    holdExpiresAt: created.holdExpiresAt,
    timezone: created.timezone,
    proposalLink: new URL(created.proposalUrl, customerOrigin).href,
  };
}
