import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetStation, STATION } from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { quietly, startListening } from '../../test/changes';
import { eventually } from '../../test/eventually';
import { listActiveStations } from './list-active-stations';
import { stopChangeListener } from '../db/change-listener';
import { invalidateStationCache } from './station-cache';

const nameOf = async () => (await listActiveStations()).find((s) => s.slug === STATION)?.name;

describe('station cache', () => {
  let client: pg.Client;

  beforeAll(async () => {
    client = await connect();
    await resetStation(client, 1);
    await startListening();
  });

  afterAll(async () => {
    await stopChangeListener();
    await client.end();
  });

  it('answers from memory, and drops its copy when any instance changes a station', async () => {
    invalidateStationCache();
    expect(await nameOf()).toBe('Test Station');
    // A change that notifies nobody (triggers off for this session) is not seen: the list
    // really comes from memory.
    await quietly(client, `UPDATE "Station" SET name = 'Quiet Rename' WHERE slug = $1`, [STATION]);
    expect(await nameOf()).toBe('Test Station');
    // A normal write (any instance, any connection) notifies: the next reads see it.
    await client.query(`UPDATE "Station" SET name = 'Loud Rename' WHERE slug = $1`, [STATION]);
    await eventually(async () => (await nameOf()) === 'Loud Rename');
  });

  it('a station closed or added elsewhere leaves or joins the list', async () => {
    await client.query(`UPDATE "Station" SET active = false WHERE slug = $1`, [STATION]);
    await eventually(async () => (await nameOf()) === undefined);
    await client.query(`UPDATE "Station" SET active = true WHERE slug = $1`, [STATION]);
    await eventually(async () => (await nameOf()) !== undefined);
  });

  it('without a listener (stopped), reads go to the database every time', async () => {
    await stopChangeListener();
    await quietly(client, `UPDATE "Station" SET name = 'Unnotified' WHERE slug = $1`, [STATION]);
    expect(await nameOf()).toBe('Unnotified');
  });
});
