import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  bookingInput,
  refusal,
  resetStation,
  STATION,
  staffScope,
} from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { insertStation } from '../../test/factories';
import type { StaffScope } from '../auth/staff-scope';
import { createBooking } from '../bookings';
import { createMenuItem, deleteMenuItem, getPublicMenu, getStationMenu, updateMenuItem } from '.';

describe('station menu', () => {
  let client: pg.Client;
  let manager: StaffScope;
  let staff: StaffScope;
  let otherManager: StaffScope;

  beforeEach(async () => {
    client = await connect();
    const { stationId } = await resetStation(client, 2);
    manager = await staffScope(client, 'MANAGER', stationId);
    staff = await staffScope(client, 'STAFF', stationId);
    otherManager = await staffScope(client, 'MANAGER', await insertStation(client, 'elsewhere'));
    return () => client.end();
  });

  const add = async (fields: Record<string, unknown>) => {
    const { version } = await getStationMenu({ scope: manager, slug: STATION });
    return createMenuItem({ scope: manager, slug: STATION, input: { ...fields, version } });
  };

  it('managers add, change and deactivate items at the version read; customers see the active ones', async () => {
    await add({ name: 'Chicken', kind: 'PROTEIN', dietaryTags: ['gluten-free'] });
    const menu = await add({
      name: ' Lobster tail ',
      kind: 'UPGRADE',
      priceCents: 1500,
      sortOrder: 2,
    });
    expect(menu.items.map(({ name, kind, priceCents }) => ({ name, kind, priceCents }))).toEqual([
      { name: 'Chicken', kind: 'PROTEIN', priceCents: 0 },
      { name: 'Lobster tail', kind: 'UPGRADE', priceCents: 1500 },
    ]);
    const lobster = menu.items[1]!;
    const off = await updateMenuItem({
      scope: manager,
      itemId: lobster.id,
      input: { active: false, version: menu.version },
    });
    // Only what was sent changed: the text, price and order stay.
    expect(off.items[1]).toEqual({ ...lobster, active: false });
    expect((await getPublicMenu(STATION)).items.map((item) => item.name)).toEqual(['Chicken']);
    // A form opened before that change is refused, not applied over it.
    expect(
      await refusal(
        updateMenuItem({
          scope: manager,
          itemId: lobster.id,
          input: { priceCents: 1, version: menu.version },
        }),
      ),
    ).toMatchObject({ status: 409, details: { reason: 'STALE_VERSION' } });
    const audit = await client.query<{ action: string }>(
      `SELECT action FROM "AuditLog" WHERE "entityType" = 'MenuItem' ORDER BY "createdAt"`,
    );
    expect(audit.rows.map((row) => row.action)).toEqual([
      'menu.item_created',
      'menu.item_created',
      'menu.item_updated',
    ]);
  });

  it('deletes an item no booking holds; one a booking holds is kept (deactivate it instead)', async () => {
    await add({ name: 'Chicken', kind: 'PROTEIN' });
    const menu = await add({ name: 'Edamame', kind: 'ADDON', priceCents: 2000 });
    const [chicken, edamame] = menu.items;
    await createBooking({
      input: bookingInput({ adults: 2, menu: [{ itemId: chicken!.id, quantity: 4 }] }),
    });
    const afterDelete = await deleteMenuItem({
      scope: manager,
      itemId: edamame!.id,
      version: menu.version,
    });
    expect(afterDelete.items.map((item) => item.name)).toEqual(['Chicken']);
    expect(
      await refusal(
        deleteMenuItem({ scope: manager, itemId: chicken!.id, version: afterDelete.version }),
      ),
    ).toMatchObject({ status: 409, details: { reason: 'ITEM_IN_USE' } });
    expect((await getStationMenu({ scope: staff, slug: STATION })).items).toHaveLength(1);
  });

  it('holds roles and stations, and refuses bad items at their fields', async () => {
    const { version } = await getStationMenu({ scope: staff, slug: STATION });
    expect(
      await refusal(
        createMenuItem({
          scope: staff,
          slug: STATION,
          input: { name: 'x', kind: 'ADDON', version },
        }),
      ),
    ).toMatchObject({ status: 403 });
    expect(await refusal(getStationMenu({ scope: otherManager, slug: STATION }))).toMatchObject({
      status: 404,
    });
    const menu = await add({ name: 'Gyoza', kind: 'ADDON', priceCents: 4000 });
    expect(
      await refusal(
        updateMenuItem({
          scope: otherManager,
          itemId: menu.items[0]!.id,
          input: { active: false, version: menu.version },
        }),
      ),
    ).toMatchObject({ status: 404 });
    for (const [input, field] of [
      [{ name: '', kind: 'ADDON' }, 'name'],
      [{ name: 'x', kind: 'DESSERT' }, 'kind'],
      [{ name: 'x', kind: 'ADDON', priceCents: -1 }, 'priceCents'],
      [{ name: 'x', kind: 'ADDON', priceCents: 10.5 }, 'priceCents'],
      [{ name: 'x', kind: 'ADDON', dietaryTags: ['tasty'] }, 'dietaryTags.0'],
      [{ name: 'x', kind: 'ADDON', stationId: 'y' }, ''],
    ] as const)
      expect(
        await refusal(
          createMenuItem({
            scope: manager,
            slug: STATION,
            input: { ...input, version: menu.version },
          }),
        ),
        field,
      ).toMatchObject({ status: 400 });
    expect(
      await refusal(deleteMenuItem({ scope: manager, itemId: menu.items[0]!.id, version: 'abc' })),
    ).toMatchObject({
      status: 400,
    });
    expect((await getStationMenu({ scope: manager, slug: STATION })).items).toHaveLength(1);
  });
});
