import { openDeep } from '../crypto/field-crypto';
import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../../test/booking-fixtures';
import { setUpStaffWorkspace, type StaffWorkspace } from '../../test/staff-workspace';
import type { StaffScope } from '../auth/staff-scope';
import { updateBookingNotes } from '.';

describe('updateBookingNotes', () => {
  let client: pg.Client;
  let manager: StaffScope;
  let staff: StaffScope;
  let bookings: StaffWorkspace['bookings'];

  beforeEach(async () => {
    const workspace = await setUpStaffWorkspace();
    ({ client, manager, staff, bookings } = workspace);
    return () => workspace.client.end();
  });

  it('keeps notes with a version check; a second editor with the old version gets 409', async () => {
    const [id] = await bookings(1);
    await expect(
      updateBookingNotes({
        scope: staff,
        bookingId: id!,
        input: { notes: 'Gate code 1234 <b>', version: 1 },
      }),
    ).resolves.toEqual({
      id,
      notes: 'Gate code 1234',
      version: 2,
    });
    expect(
      await refusal(
        updateBookingNotes({
          scope: manager,
          bookingId: id!,
          input: { notes: 'Other', version: 1 },
        }),
      ),
    ).toMatchObject({
      status: 409,
      details: { reason: 'STALE_VERSION' },
    });
    const { rows } = await client.query(
      `SELECT before, after FROM "AuditLog" WHERE "entityId" = $1`,
      [id],
    );
    // The audit trail keeps the notes sealed too.
    expect(JSON.stringify(rows)).not.toContain('Gate code');
    expect(openDeep(rows)).toEqual([
      { before: { notes: null }, after: { notes: 'Gate code 1234' } },
    ]);
  });
});
