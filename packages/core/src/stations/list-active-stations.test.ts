import { beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../test/database';
import { insertStation } from '../../test/factories';
import { listActiveStations } from '.';

describe('listActiveStations', () => {
  beforeAll(async () => {
    const client = await connect();
    await client.query('TRUNCATE "Station" CASCADE');
    await insertStation(client, 'zeta');
    await client.query(`UPDATE "Station" SET name = 'Zeta' WHERE slug = 'zeta'`);
    await insertStation(client, 'alpha');
    await client.query(
      `UPDATE "Station" SET name = 'Alpha', "serviceStartMinute" = 690 WHERE slug = 'alpha'`,
    );
    await insertStation(client, 'closed');
    await client.query(`UPDATE "Station" SET active = false WHERE slug = 'closed'`);
    await client.end();
  });

  it('lists active stations alphabetically in the public shape', async () => {
    const stations = await listActiveStations();
    expect(stations.map((station) => station.slug)).toEqual(['alpha', 'zeta']);
    expect(stations[0]).toMatchObject({
      name: 'Alpha',
      timezone: 'America/New_York',
      pricing: { adultCents: 5000, childCents: 2500, minimumCents: 50000, depositCents: 10000 },
      serviceHours: { firstStart: '11:30', lastStart: '22:00', slotIntervalMinutes: 30 },
      minimumNoticeHours: 48,
    });
  });
});
