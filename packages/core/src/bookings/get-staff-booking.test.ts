import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { heldBooking, payWithSimulator, refusal } from '../../test/booking-fixtures';
import { setUpStaffWorkspace, type StaffWorkspace } from '../../test/staff-workspace';
import type { StaffScope } from '../auth/staff-scope';
import { recordOfflinePayment } from '../payments';
import { getStaffBooking } from '.';

describe('getStaffBooking (the booking page)', () => {
  let client: pg.Client;
  let manager: StaffScope;
  let staff: StaffScope;
  let admin: StaffScope;
  let bookings: StaffWorkspace['bookings'];

  beforeEach(async () => {
    const workspace = await setUpStaffWorkspace();
    ({ client, manager, staff, admin, bookings } = workspace);
    return () => workspace.client.end();
  });

  it('has the customer, price lines, payments, balance, audit trail, e-mails and what the role may do', async () => {
    const { reference, token } = await heldBooking();
    await payWithSimulator(reference, token);
    const { rows } = await client.query<{ id: string; version: number }>(
      'SELECT id, version FROM "Booking" WHERE reference = $1',
      [reference],
    );
    const booking = rows[0]!;
    await recordOfflinePayment({
      scope: staff,
      bookingId: booking.id,
      input: { amountCents: 5_000, method: 'CASH', version: booking.version },
    });

    const detail = await getStaffBooking({ scope: manager, bookingId: booking.id });
    expect(detail).toMatchObject({
      reference,
      status: 'CONFIRMED',
      customer: { email: expect.stringContaining('@example.com') },
      totalCents: 50_000,
      paidCents: 15_000,
      balanceCents: 35_000,
      priceLines: [
        { label: '6 adults × $50', amountCents: 30_000 },
        { label: '2 children × $25', amountCents: 5_000 },
        { label: 'Event minimum $500', amountCents: 15_000 },
      ],
      actions: { recordPayment: true, cancel: true, markOutcome: false, editNotes: true },
    });
    expect(detail.payments.map((payment) => [payment.method, payment.amountCents])).toEqual([
      ['CARD', 10_000],
      ['CASH', 5_000],
    ]);
    expect(detail.payments[1]!.recordedBy).toBe('Staff Member');
    // Ten days out and booked now: the reminder, the day before and the thank-you are planned.
    expect(detail.plannedMessages.map((message) => [message.kind, message.state])).toEqual([
      ['BOOKING_REMINDER', 'PLANNED'],
      ['BOOKING_DAY_BEFORE', 'PLANNED'],
      ['BOOKING_THANK_YOU', 'PLANNED'],
    ]);
    expect(detail.audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['booking.created', 'payment.recorded']),
    );
    expect(detail.audit.find((entry) => entry.action === 'payment.recorded')!.actor).toEqual({
      type: 'STAFF',
      name: 'Staff Member',
    });
    expect(detail.emails.map((email) => email.kind)).toContain('BOOKING_CONFIRMATION');

    const staffView = await getStaffBooking({ scope: staff, bookingId: booking.id });
    expect(staffView.actions).toMatchObject({ cancel: false, recordPayment: true });
  });

  it("answers 404 for another station's booking and for ids that are not ids", async () => {
    const [elsewhere] = await bookings(1, { station: 'other' });
    expect(await refusal(getStaffBooking({ scope: staff, bookingId: elsewhere! }))).toMatchObject({
      status: 404,
    });
    expect(
      await refusal(getStaffBooking({ scope: manager, bookingId: '../../etc' })),
    ).toMatchObject({ status: 404 });
    await expect(getStaffBooking({ scope: admin, bookingId: elsewhere! })).resolves.toMatchObject({
      id: elsewhere,
    });
  });
});
