import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { DateTime } from 'luxon';
import type { Booking, OutboxKind } from '../generated/prisma/client';

/** What an invite shows of its booking. */
export type InviteBooking = Pick<
  Booking,
  | 'id'
  | 'reference'
  | 'version'
  | 'status'
  | 'startsAt'
  | 'endsAt'
  | 'adults'
  | 'children'
  | 'addressLine1'
  | 'city'
  | 'postalCode'
> & { station: { name: string; timezone: string }; customer: { name: string; email: string } };

export type InviteMethod = 'REQUEST' | 'CANCEL';

/** The bare address of a sender such as `Hibachi at Home <bookings@example.com>` (the ORGANIZER). */
export const senderAddress = (from: string) => from.replace(/^.*</, '').replace(/>$/, '');

/** The one identity a booking has in every calendar: it never changes, whatever moves. */
export const inviteUid = (booking: { id: string }) => `booking-${booking.id}@hibachi-at-home`;

/** Where the event happens, as calendars show it (LOCATION). */
export const inviteLocation = (booking: InviteBooking) =>
  [booking.addressLine1, booking.city, booking.postalCode].filter(Boolean).join(', ');

export const inviteTitle = (booking: InviteBooking) =>
  `Hibachi chef at home · ${booking.reference}`;

/**
 * The booking as an iCalendar invitation (RFC 5545/5546), made with ical-generator: one stable
 * UID per booking, SEQUENCE = the booking's version (it rises with every change), times in the
 * station's zone with its VTIMEZONE, the address as LOCATION; METHOD:CANCEL once cancelled, so
 * a calendar that took the invite removes the event.
 */
export function bookingInvite(
  booking: InviteBooking,
  options: { method: InviteMethod; organizerEmail: string; manageLink: string; now?: Date },
): string {
  const calendar = ical({
    name: 'Hibachi at Home',
    prodId: { company: 'Hibachi at Home', product: 'bookings', language: 'EN' },
    method: options.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const party = `${booking.adults} adult${booking.adults === 1 ? '' : 's'}${
    booking.children > 0 ? `, ${booking.children} child${booking.children === 1 ? '' : 'ren'}` : ''
  }`;
  calendar.createEvent({
    id: inviteUid(booking),
    sequence: booking.version,
    // ical-generator writes a native Date's UTC fields as wall-clock time once a zone is set:
    // zoned Luxon times give it the station's wall clock. The zone is the event's, not the
    // calendar's, so DTSTAMP stays in UTC as RFC 5545 requires.
    stamp: options.now ?? new Date(),
    start: DateTime.fromJSDate(booking.startsAt, { zone: booking.station.timezone }),
    end: DateTime.fromJSDate(booking.endsAt, { zone: booking.station.timezone }),
    timezone: booking.station.timezone,
    summary: inviteTitle(booking),
    location: inviteLocation(booking),
    description: `${party} with ${booking.station.name}. See or change your booking: ${options.manageLink}`,
    url: options.manageLink,
    organizer: { name: 'Hibachi at Home', email: options.organizerEmail },
    // iTIP (RFC 5546) wants the invited person named on a REQUEST and a CANCEL.
    attendees: [
      {
        name: booking.customer.name,
        email: booking.customer.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.ACCEPTED,
      },
    ],
    status: options.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  // The zone's VTIMEZONE (from @touch4it/ical-timezones), which TZID refers to.
  const vtimezone = getVtimezoneComponent(booking.station.timezone);
  const text = calendar.toString();
  return vtimezone ? text.replace('BEGIN:VEVENT', `${vtimezone.trim()}\r\nBEGIN:VEVENT`) : text;
}

/**
 * Which e-mails carry an invite: the confirmation once the deposit is in, every change of
 * time or party, and the cancellation (which withdraws it). A hold waiting for its deposit
 * is not in anyone's calendar yet.
 */
export function inviteMethodFor(
  kind: OutboxKind,
  booking: { status: Booking['status'] },
): InviteMethod | undefined {
  if (kind === 'BOOKING_CANCELLED') return 'CANCEL';
  if (booking.status !== 'CONFIRMED') return undefined;
  if (kind === 'BOOKING_CONFIRMATION' || kind === 'BOOKING_RESCHEDULED') return 'REQUEST';
  if (kind === 'BOOKING_MENU_CHANGED') return 'REQUEST';
  return undefined;
}
