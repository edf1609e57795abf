import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  heldBooking,
  payWithSimulator,
  resetStation,
  staffScope,
} from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { insertStation } from '../../test/factories';
import type { StaffScope } from '../auth/staff-scope';
import { recordOfflinePayment } from '../payments';
import { cancelBookingAsStaff } from '.';

describe('cancelBookingAsStaff', () => {
  let client: pg.Client;
  let stationId: string;
  let manager: StaffScope;

  beforeEach(async () => {
    client = await connect();
    ({ stationId } = await resetStation(client, 2));
    manager = await staffScope(client, 'MANAGER', stationId);
    return () => client.end();
  });

  async function paidBooking() {
    const { reference, token } = await heldBooking();
    await payWithSimulator(reference, token);
    const { rows } = await client.query<{ id: string; version: number }>(
      'SELECT id, version FROM "Booking" WHERE reference = $1',
      [reference],
    );
    return { reference, ...rows[0]! };
  }

  async function payments(bookingId: string) {
    return (
      await client.query(
        `SELECT method, status, "amountCents", "refundedCents", "refundRequestedCents"
           FROM "Payment" WHERE "bookingId" = $1 ORDER BY "createdAt"`,
        [bookingId],
      )
    ).rows;
  }

  it('refunds everything when asked: the card through the provider, cash reported for staff to hand back', async () => {
    const booking = await paidBooking();
    await recordOfflinePayment({
      scope: manager,
      bookingId: booking.id,
      input: { amountCents: 5_000, method: 'CASH' },
    });

    const result = await cancelBookingAsStaff({
      scope: manager,
      bookingId: booking.id,
      // Recording the cash payment moved the booking on one version.
      input: {
        reason: 'Chef unavailable: kitchen fire',
        refund: true,
        version: booking.version + 1,
      },
    });

    expect(result).toMatchObject({
      id: booking.id,
      reference: booking.reference,
      status: 'CANCELLED',
      version: booking.version + 2,
      refund: { cardCents: 10_000, offlineCents: 5_000, keptCents: 0, status: 'PENDING' },
    });
    expect(await payments(booking.id)).toEqual([
      expect.objectContaining({ method: 'CARD', status: 'REFUNDED', refundedCents: 10_000 }),
      expect.objectContaining({ method: 'CASH', status: 'SUCCEEDED', refundedCents: 0 }),
    ]);
    const { rows: stored } = await client.query(
      'SELECT status, "cancellationReason" FROM "Booking" WHERE id = $1',
      [booking.id],
    );
    expect(stored[0]).toEqual({
      status: 'CANCELLED',
      cancellationReason: 'Chef unavailable: kitchen fire',
    });
    const { rows: mail } = await client.query(
      `SELECT payload FROM "OutboxMessage" WHERE "bookingId" = $1 AND kind = 'BOOKING_CANCELLED'`,
      [booking.id],
    );
    expect(mail[0].payload.cancellation).toMatchObject({
      cancelledBy: 'STAFF',
      decision: 'REFUNDED',
      depositCents: 10_000,
      balanceCents: 5_000,
      parts: [
        { settledBy: 'PROVIDER', amountCents: 10_000 },
        { settledBy: 'CASH', amountCents: 5_000 },
      ],
      card: 'OWED',
    });
    const { rows: audit } = await client.query(
      `SELECT "actorType", "actorId", after FROM "AuditLog" WHERE "entityId" = $1 AND action = 'booking.cancelled'`,
      [booking.id],
    );
    expect(audit).toEqual([
      {
        actorType: 'STAFF',
        actorId: manager.staffId,
        after: expect.objectContaining({ reason: 'Chef unavailable: kitchen fire' }),
      },
    ]);
  });

  it('reports REFUNDED once a card-only booking has its money back', async () => {
    const booking = await paidBooking();
    const result = await cancelBookingAsStaff({
      scope: manager,
      bookingId: booking.id,
      input: { reason: 'Customer called to cancel', refund: true },
    });
    expect(result.refund).toEqual({
      cardCents: 10_000,
      offlineCents: 0,
      keptCents: 0,
      status: 'REFUNDED',
    });
  });

  it('keeps the money when no refund is chosen, and tells the customer', async () => {
    const booking = await paidBooking();
    const result = await cancelBookingAsStaff({
      scope: manager,
      bookingId: booking.id,
      input: { reason: 'No-show at the door, per policy', refund: false },
    });
    expect(result.refund).toEqual({
      cardCents: 0,
      offlineCents: 0,
      keptCents: 10_000,
      status: 'NOT_REFUNDED',
    });
    expect(await payments(booking.id)).toEqual([
      expect.objectContaining({ status: 'SUCCEEDED', refundedCents: 0, refundRequestedCents: 0 }),
    ]);
    const { rows: mail } = await client.query(
      `SELECT payload FROM "OutboxMessage" WHERE "bookingId" = $1 AND kind = 'BOOKING_CANCELLED'`,
      [booking.id],
    );
    expect(mail[0].payload.cancellation).toMatchObject({
      decision: 'KEPT',
      depositCents: 10_000,
      balanceCents: 0,
      parts: [],
    });
  });

  it('cancels an unpaid hold with nothing to refund', async () => {
    const { reference } = await heldBooking();
    const { rows } = await client.query<{ id: string }>(
      'SELECT id FROM "Booking" WHERE reference = $1',
      [reference],
    );
    const result = await cancelBookingAsStaff({
      scope: manager,
      bookingId: rows[0]!.id,
      input: { reason: 'Duplicate booking', refund: true },
    });
    expect(result.refund).toEqual({ cardCents: 0, offlineCents: 0, keptCents: 0, status: 'NONE' });
  });

  it('answers 404 to a manager of another station, and lets a super admin in', async () => {
    const booking = await paidBooking();
    const elsewhere = await staffScope(client, 'MANAGER', await insertStation(client, 'elsewhere'));
    await expect(
      cancelBookingAsStaff({
        scope: elsewhere,
        bookingId: booking.id,
        input: { reason: 'Trying another station', refund: true },
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      cancelBookingAsStaff({
        scope: manager,
        bookingId: '00000000-0000-4000-8000-000000000000',
        input: { reason: 'Unknown booking', refund: true },
      }),
    ).rejects.toMatchObject({ status: 404 });
    expect(
      (await payments(booking.id)).every((payment) => payment.refundRequestedCents === 0),
    ).toBe(true);

    const admin = await staffScope(client, 'SUPER_ADMIN', null);
    await expect(
      cancelBookingAsStaff({
        scope: admin,
        bookingId: booking.id,
        input: { reason: 'Head office decision', refund: false },
      }),
    ).resolves.toMatchObject({ status: 'CANCELLED' });
  });

  it('refuses a stale version, a second cancellation and bad input, changing nothing', async () => {
    const booking = await paidBooking();
    const cancel = (input: Record<string, unknown>) =>
      cancelBookingAsStaff({ scope: manager, bookingId: booking.id, input });

    await expect(
      cancel({ reason: 'Seen an old copy', refund: true, version: booking.version - 1 }),
    ).rejects.toMatchObject({ status: 409, details: { reason: 'STALE_VERSION' } });
    await expect(cancel({ reason: '', refund: 'yes' })).rejects.toMatchObject({
      status: 400,
      details: { reason: expect.any(Array), refund: expect.any(Array) },
    });
    await expect(
      cancel({ reason: 'Fine reason', refund: true, waive: true }),
    ).rejects.toMatchObject({ status: 400, details: { waive: ['Unknown field'] } });
    expect(await payments(booking.id)).toEqual([
      expect.objectContaining({ status: 'SUCCEEDED', refundRequestedCents: 0 }),
    ]);

    await cancel({ reason: 'Customer asked', refund: true });
    await expect(cancel({ reason: 'Again', refund: true })).rejects.toMatchObject({
      status: 409,
      details: { reason: 'BAD_STATE', status: 'CANCELLED' },
    });
  });
});
