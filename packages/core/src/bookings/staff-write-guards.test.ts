import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../../test/booking-fixtures';
import { setUpStaffWorkspace, type StaffWorkspace } from '../../test/staff-workspace';
import type { StaffScope } from '../auth/staff-scope';
import { recordOfflinePayment } from '../payments';
import { cancelBookingAsStaff, markBookingOutcome, updateBookingNotes } from '.';

describe('staff writes on a booking: hostile bodies, roles and versions', () => {
  let client: pg.Client;
  let manager: StaffScope;
  let staff: StaffScope;
  let bookings: StaffWorkspace['bookings'];

  beforeEach(async () => {
    const workspace = await setUpStaffWorkspace();
    ({ client, manager, staff, bookings } = workspace);
    return () => workspace.client.end();
  });

  it('answers hostile or malformed bodies on every write with a 4xx and changes nothing', async () => {
    const [id] = await bookings(1);
    const counts = async () =>
      (
        await client.query(
          `SELECT (SELECT count(*) FROM "AuditLog")::int AS audit, (SELECT count(*) FROM "Payment")::int AS payments,
                  (SELECT count(*) FROM "OutboxMessage")::int AS emails,
                  (SELECT row_to_json(b)::text FROM "Booking" b WHERE id = $1) AS booking`,
          [id],
        )
      ).rows[0];
    const before = await counts();
    const bodies: unknown[] = [
      JSON.parse('{"__proto__": {"admin": true}, "status": "COMPLETED", "version": 1}'),
      JSON.parse('{"constructor": {"prototype": {"x": 1}}, "notes": "x", "version": 1}'),
      { status: 'COMPLETED', version: '1' },
      { notes: 42, version: 1 },
      { notes: 'x'.repeat(65_000), version: 1 },
      JSON.parse('{"amountCents": 1e309, "method": "CASH"}'),
      { amountCents: -0, method: 'CASH' },
      { amountCents: 'NaN', method: 'CASH' },
      { reason: ['array'], refund: 'yes' },
      [],
      null,
      'text',
    ];
    const writes = [
      (input: unknown) => markBookingOutcome({ scope: manager, bookingId: id!, input }),
      (input: unknown) => updateBookingNotes({ scope: manager, bookingId: id!, input }),
      (input: unknown) => recordOfflinePayment({ scope: manager, bookingId: id!, input }),
      (input: unknown) => cancelBookingAsStaff({ scope: manager, bookingId: id!, input }),
    ];
    for (const write of writes)
      for (const body of bodies) {
        const result = await refusal(write(body));
        expect(result.status, JSON.stringify(body)?.slice(0, 80)).toBeGreaterThanOrEqual(400);
        expect(result.status).toBeLessThan(500);
      }
    expect(await counts()).toEqual(before);
  });

  it('refuses a cancellation from STAFF with 403 before looking at the booking', async () => {
    const [own] = await bookings(1);
    const [elsewhere] = await bookings(1, { station: 'other' });
    for (const bookingId of [own!, elsewhere!, 'not-an-id'])
      expect(
        await refusal(
          cancelBookingAsStaff({
            scope: staff,
            bookingId,
            input: { reason: 'Test reason', refund: false },
          }),
        ),
      ).toMatchObject({
        status: 403,
        code: 'FORBIDDEN',
      });
  });

  it('refuses a recorded payment against a booking version someone else changed', async () => {
    const [id] = await bookings(1);
    await recordOfflinePayment({
      scope: staff,
      bookingId: id!,
      input: { amountCents: 1_000, method: 'CASH', version: 1 },
    });
    expect(
      await refusal(
        recordOfflinePayment({
          scope: manager,
          bookingId: id!,
          input: { amountCents: 1_000, method: 'CASH', version: 1 },
        }),
      ),
    ).toMatchObject({ status: 409, details: { reason: 'STALE_VERSION' } });
  });
});
