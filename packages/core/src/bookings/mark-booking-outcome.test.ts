import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../../test/booking-fixtures';
import { insertBooking, insertCustomer } from '../../test/factories';
import { setUpStaffWorkspace, type StaffWorkspace } from '../../test/staff-workspace';
import type { StaffScope } from '../auth/staff-scope';
import { markBookingOutcome } from '.';

describe('markBookingOutcome', () => {
  let client: pg.Client;
  let stationId: string;
  let chefIds: string[];
  let staff: StaffScope;
  let bookings: StaffWorkspace['bookings'];

  beforeEach(async () => {
    const workspace = await setUpStaffWorkspace();
    ({ client, stationId, chefIds, staff, bookings } = workspace);
    return () => workspace.client.end();
  });

  it('marks an event completed or no-show only once it has started, with a version check and audit', async () => {
    const [future] = await bookings(1);
    expect(
      await refusal(
        markBookingOutcome({
          scope: staff,
          bookingId: future!,
          input: { status: 'COMPLETED', version: 1 },
        }),
      ),
    ).toMatchObject({
      status: 409,
      details: { reason: 'BAD_STATE' },
    });
    const customerId = await insertCustomer(client, 'past@example.com');
    const past = await insertBooking(client, {
      stationId,
      customerId,
      chefId: chefIds[0]!,
      startsAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    });
    expect(
      await refusal(
        markBookingOutcome({
          scope: staff,
          bookingId: past,
          input: { status: 'NO_SHOW', version: 7 },
        }),
      ),
    ).toMatchObject({
      status: 409,
      details: { reason: 'STALE_VERSION' },
    });
    await expect(
      markBookingOutcome({
        scope: staff,
        bookingId: past,
        input: { status: 'NO_SHOW', version: 1 },
      }),
    ).resolves.toEqual({
      id: past,
      status: 'NO_SHOW',
      version: 2,
    });
    expect(
      await refusal(
        markBookingOutcome({
          scope: staff,
          bookingId: past,
          input: { status: 'COMPLETED', version: 2 },
        }),
      ),
    ).toMatchObject({
      status: 409,
    });
    const { rows } = await client.query(
      `SELECT action, before, after FROM "AuditLog" WHERE "entityId" = $1`,
      [past],
    );
    expect(rows).toEqual([
      {
        action: 'booking.no_show',
        before: { status: 'CONFIRMED' },
        after: { status: 'NO_SHOW' },
      },
    ]);
  });
});
