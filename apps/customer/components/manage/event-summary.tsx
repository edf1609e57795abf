import type { ReactNode } from 'react';
import type { TCustomerBooking } from '@hibachi/core/bookings/customer-booking.schema';
import { formatDuration, formatLocalDate, formatTime } from '@hibachi/web/format';

/**
 * The event as the customer's pages list it: when, the party and where; `lead` comes before
 * them and `children` after.
 */
export function EventSummary({
  booking,
  lead,
  children,
}: {
  booking: Pick<
    TCustomerBooking,
    'date' | 'time' | 'durationMinutes' | 'adults' | 'children' | 'address'
  >;
  lead?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <dl className="summary">
      {lead}
      <div>
        <dt>When</dt>
        <dd>
          {formatLocalDate(booking.date)} at {formatTime(booking.time)} (
          {formatDuration(booking.durationMinutes)})
        </dd>
      </div>
      <div>
        <dt>Guests</dt>
        <dd>
          {booking.adults} adults, {booking.children} children
        </dd>
      </div>
      <div>
        <dt>Address</dt>
        <dd>
          {[
            booking.address.line1,
            booking.address.line2,
            booking.address.city,
            booking.address.postalCode,
          ]
            .filter(Boolean)
            .join(', ')}
        </dd>
      </div>
      {children}
    </dl>
  );
}
