import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../../test/booking-fixtures';
import { insertMenu } from '../../test/factories';
import { setUpStaffWorkspace, type StaffWorkspace } from '../../test/staff-workspace';
import { getDb } from '../db/client';
import { settleOwedRefund } from '../money/settle-owed-refund';
import { updateMenuItem } from '../stations/update-menu-item';
import { requireInScope } from './require-in-scope';
import type { StaffScope } from './staff-scope';

const NO_SUCH_CHEF = { status: 404, code: 'NOT_FOUND', message: 'No such chef.' };

describe('requireInScope (one answer for "missing" and "not yours")', () => {
  let client: pg.Client;
  let workspace: StaffWorkspace;
  let manager: StaffScope;

  beforeEach(async () => {
    workspace = await setUpStaffWorkspace();
    ({ client, manager } = workspace);
    return () => workspace.client.end();
  });

  const chef = (scope: StaffScope, id: string) =>
    requireInScope(scope, 'chef', id, (chefId) =>
      getDb().chef.findUnique({ where: { id: chefId } }),
    );

  it("answers a missing, a malformed and another station's id with the same 404", async () => {
    const answers = await Promise.all(
      [randomUUID(), 'not-an-id', `${randomUUID()}x`, "' OR 1=1 --", workspace.otherChefId].map(
        (id) => refusal(chef(manager, id)),
      ),
    );
    for (const answer of answers) expect(answer).toEqual({ ...NO_SUCH_CHEF, details: undefined });
  });

  it("gives the caller their own station's record, and a super admin any station's", async () => {
    const ownChefId = workspace.chefIds[0]!;
    expect((await chef(manager, ownChefId)).id).toBe(ownChefId);
    expect((await chef(manager, ownChefId.toUpperCase())).id).toBe(ownChefId);
    expect((await chef(workspace.admin, workspace.otherChefId)).id).toBe(workspace.otherChefId);
    expect(await refusal(chef(workspace.admin, randomUUID()))).toMatchObject(NO_SUCH_CHEF);
  });

  it('never sends a malformed id to the database', async () => {
    const asked: string[] = [];
    const answer = await refusal(
      requireInScope(manager, 'payment', 'x'.repeat(36), async (id) => {
        asked.push(id);
        return null;
      }),
    );
    expect(answer).toMatchObject({ status: 404, message: 'No such payment.' });
    expect(asked).toEqual([]);
  });

  it("names the kind of record in use cases: another station's payment or menu item is not a booking", async () => {
    const [otherBookingId] = await workspace.bookings(1, { station: 'other' });
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Payment" ("bookingId", "stationId", "amountCents", "refundRequestedCents", method, status, "updatedAt")
       VALUES ($1, $2, 5000, 5000, 'CASH', 'SUCCEEDED', now()) RETURNING id`,
      [otherBookingId, workspace.otherStationId],
    );
    const settle = (paymentId: string) =>
      refusal(settleOwedRefund({ scope: manager, paymentId, input: { note: 'Given back' } }));
    const otherPayment = await settle(rows[0]!.id);
    expect(otherPayment).toMatchObject({ status: 404, message: 'No such payment.' });
    expect(otherPayment).toEqual(await settle(randomUUID()));

    const { Chicken: otherItemId } = await insertMenu(client, workspace.otherStationId, [
      { name: 'Chicken', kind: 'PROTEIN' },
    ]);
    const update = (itemId: string) =>
      refusal(updateMenuItem({ scope: manager, itemId, input: { active: false, version: 1 } }));
    const otherItem = await update(otherItemId!);
    expect(otherItem).toMatchObject({ status: 404, message: 'No such menu item.' });
    expect(otherItem).toEqual(await update(randomUUID()));
  });
});
