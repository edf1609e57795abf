import type { TCustomerBooking } from '@hibachi/core/bookings/customer-booking.schema';

type Proof = { email: string } | { token: string };

/** "20270314T230000Z": the UTC form both calendar sites read. */
const utcStamp = (instant: Date) => instant.toISOString().replace(/[-:]|\.\d{3}/g, '');

/**
 * Links that put the event in the customer's calendar: Google and Outlook through their
 * "new event" pages, Apple (and any other app) through the booking's .ics file, the same event
 * (UID, SEQUENCE) the e-mails carry, so adding it twice updates one entry.
 */
export function AddToCalendar({ booking, proof }: { booking: TCustomerBooking; proof: Proof }) {
  if (booking.status !== 'CONFIRMED') return null;
  const start = new Date(booking.startsAt);
  const end = new Date(start.getTime() + booking.durationMinutes * 60_000);
  const title = `Hibachi chef at home · ${booking.reference}`;
  const location = [booking.address.line1, booking.address.city, booking.address.postalCode]
    .filter(Boolean)
    .join(', ');
  const details = `${booking.adults} adults${booking.children > 0 ? `, ${booking.children} children` : ''} with ${booking.station.name}.`;
  const google = `https://calendar.google.com/calendar/render?${new URLSearchParams({
    action: 'TEMPLATE',
    text: title,
    dates: `${utcStamp(start)}/${utcStamp(end)}`,
    location,
    details,
    ctz: booking.station.timezone,
  })}`;
  const outlook = `https://outlook.live.com/calendar/0/deeplink/compose?${new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: title,
    startdt: start.toISOString(),
    enddt: end.toISOString(),
    location,
    body: details,
  })}`;
  const ics = `/api/bookings/${encodeURIComponent(booking.reference)}/invite.ics?${new URLSearchParams(proof)}`;
  return (
    <nav className="add-to-calendar" aria-label="Add to your calendar">
      <span className="muted small">Add to your calendar:</span>{' '}
      <a className="button secondary small" href={google} target="_blank" rel="noreferrer">
        Google
      </a>{' '}
      <a className="button secondary small" href={outlook} target="_blank" rel="noreferrer">
        Outlook
      </a>{' '}
      <a className="button secondary small" href={ics} download={`${booking.reference}.ics`}>
        Apple / other (.ics)
      </a>
    </nav>
  );
}
