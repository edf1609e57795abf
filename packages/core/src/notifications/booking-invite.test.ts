import ICAL from 'ical.js';
import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  daysAhead,
  heldBooking,
  payWithSimulator,
  refusal,
  resetStation,
  staffScope,
} from '../../test/booking-fixtures';
import { capturingTransport } from '../../test/capturing-transport';
import { connect } from '../../test/database';
import { cancelBookingAsStaff, getBookingInvite, rescheduleBooking } from '../bookings';
import { bookingInvite, inviteUid, type InviteBooking } from './booking-invite';
import { deliverDueEmails } from './deliver-outbox';

/** An invite read back with ical.js (an independent parser, Mozilla's). */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: calendar.getFirstPropertyValue('method'),
    zone: zone?.getFirstPropertyValue('tzid'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate,
    end: event.endDate,
    location: event.location,
    status: vevent.getFirstPropertyValue('status'),
    stamp: vevent.getFirstProperty('dtstamp')!.toICALString(),
    attendee: vevent.getFirstPropertyValue('attendee'),
  };
}

const BOOKING: InviteBooking = {
  id: '6a1d0c2e-5b9f-4a61-9d1e-2f3a4b5c6d7e',
  reference: 'HB-INV001',
  version: 4,
  status: 'CONFIRMED',
  // 7 pm in New York on the day US clocks spring forward (EDT, UTC−4).
  startsAt: new Date('2027-03-14T23:00:00Z'),
  endsAt: new Date('2027-03-15T01:00:00Z'),
  adults: 6,
  children: 2,
  addressLine1: '1 Main St',
  city: 'Springfield',
  postalCode: '10001',
  station: { name: 'New York', timezone: 'America/New_York' },
  customer: { name: 'Pat Owner', email: 'pat@example.com' },
};

describe('calendar invites', () => {
  it('are valid iCalendar: stable UID, SEQUENCE, the station zone with its VTIMEZONE, the address', () => {
    const invite = parse(
      bookingInvite(BOOKING, {
        method: 'REQUEST',
        organizerEmail: 'bookings@example.com',
        manageLink: 'http://localhost:3000/manage/HB-INV001?token=t',
        now: new Date('2026-12-01T10:00:00Z'),
      }),
    );
    expect(invite).toMatchObject({
      method: 'REQUEST',
      zone: 'America/New_York',
      uid: inviteUid(BOOKING),
      sequence: 4,
      location: '1 Main St, Springfield, 10001',
      status: 'CONFIRMED',
      attendee: 'MAILTO:pat@example.com',
    });
    expect(invite.stamp).toBe('DTSTAMP:20261201T100000Z');
    // Written as New York wall-clock time, read back as the right instants.
    expect(invite.start.zone?.tzid).toBe('America/New_York');
    expect(invite.start.toString()).toBe('2027-03-14T19:00:00');
    expect(invite.start.toJSDate().toISOString()).toBe(BOOKING.startsAt.toISOString());
    expect(invite.end.toJSDate().toISOString()).toBe(BOOKING.endsAt.toISOString());
  });

  describe('in the e-mails and the download', () => {
    let client: pg.Client;
    const { sent, transport } = capturingTransport();

    beforeEach(async () => {
      client = await connect();
      await resetStation(client, 2);
      sent.length = 0;
      return () => client.end();
    });

    it('the confirmation, the move and the cancellation carry one event: same UID, rising SEQUENCE, then CANCEL', async () => {
      const { reference, token } = await heldBooking();
      await deliverDueEmails({ transport });
      // A hold waiting for its deposit is in nobody's calendar yet.
      expect(sent.map((mail) => mail.icalEvent)).toEqual([undefined]);
      expect(
        (await refusal(getBookingInvite({ reference, proof: { token } }))).details,
      ).toMatchObject({ reason: 'BAD_STATE' });

      await payWithSimulator(reference, token);
      const { rows } = await client.query<{ id: string; version: number }>(
        'SELECT id, version FROM "Booking" WHERE reference = $1',
        [reference],
      );
      const booking = rows[0]!;
      const manager = await staffScope(
        client,
        'MANAGER',
        (await client.query<{ id: string }>('SELECT id FROM "Station"')).rows[0]!.id,
      );
      await deliverDueEmails({ transport });
      await rescheduleBooking({
        scope: manager,
        bookingId: booking.id,
        input: { date: daysAhead(12), time: '17:00', version: booking.version },
      });
      await deliverDueEmails({ transport });
      const download = parse((await getBookingInvite({ reference, proof: { token } })).content);
      await cancelBookingAsStaff({
        scope: manager,
        bookingId: booking.id,
        input: { reason: 'Family emergency', refund: true },
      });
      await deliverDueEmails({ transport });

      const invites = sent.flatMap((mail) =>
        mail.icalEvent ? [{ ...parse(mail.icalEvent.content), kind: mail.subject }] : [],
      );
      expect(invites.map((invite) => invite.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
      expect(new Set(invites.map((invite) => invite.uid))).toEqual(
        new Set([`booking-${booking.id}@hibachi-at-home`]),
      );
      const sequences = invites.map((invite) => invite.sequence);
      expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
      expect(new Set(sequences).size).toBe(3);
      expect(invites[2]!.status).toBe('CANCELLED');
      // The moved invite says the new time, as the download did (same event, same sequence).
      expect(invites[1]!.start.toString()).toBe(`${daysAhead(12)}T17:00:00`);
      expect(download).toMatchObject({ uid: invites[1]!.uid, sequence: invites[1]!.sequence });
      expect(parse((await getBookingInvite({ reference, proof: { token } })).content).method).toBe(
        'CANCEL',
      );
      // Somebody else's proof finds nothing.
      expect(
        (await refusal(getBookingInvite({ reference, proof: { email: 'not@example.com' } })))
          .status,
      ).toBe(404);
    });
  });
});
