import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { connect } from '../../test/database';
import { daysAhead, refusal, resetStation, staffScope } from '../../test/booking-fixtures';
import { insertBooking, insertCustomer } from '../../test/factories';
import { localToInstant } from '../time';
import { chefFeed, regenerateChefFeed } from '.';

/** The feed's events as an independent parser reads them. */
function readFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((event) => ({
    uid: event.getFirstPropertyValue('uid'),
    tzid: event.getFirstProperty('dtstart')!.getParameter('tzid'),
    summary: String(event.getFirstPropertyValue('summary')),
    location: event.getFirstPropertyValue('location'),
    description: String(event.getFirstPropertyValue('description')),
  }));
}
const fileOf = (path: string) => path.split('/').at(-1)!;

describe("a chef's private calendar feed", () => {
  let client: pg.Client;

  beforeEach(async () => {
    client = await connect();
    return () => client.end();
  });

  it('lists their assignments with stable UIDs, drops a cancelled one, and dies when regenerated', async () => {
    const { stationId, chefIds } = await resetStation(client, 2);
    const manager = await staffScope(client, 'MANAGER', stationId);
    const [mine, theirs] = chefIds as [string, string];
    const at = (days: number) =>
      localToInstant({ date: daysAhead(days), time: '18:00' }, 'America/New_York')!.toISOString();
    const customerId = await insertCustomer(client, 'feed@example.com');
    const first = await insertBooking(client, {
      stationId,
      customerId,
      chefId: mine,
      startsAt: at(5),
    });
    const second = await insertBooking(client, {
      stationId,
      customerId,
      chefId: mine,
      startsAt: at(9),
    });
    await insertBooking(client, { stationId, customerId, chefId: theirs, startsAt: at(6) });

    const { path } = await regenerateChefFeed({ scope: manager, chefId: mine });
    expect(path).toMatch(/^\/api\/feeds\/chef\/[A-Za-z0-9_-]{43}\.ics$/);
    const events = readFeed(await chefFeed(fileOf(path)));
    expect(events.map((event) => event.uid)).toEqual([
      `booking-${first}@hibachi-at-home`,
      `booking-${second}@hibachi-at-home`,
    ]);
    expect(events[0]).toMatchObject({
      tzid: 'America/New_York',
      location: '1 Test St, Testville, 10001',
    });
    expect(events[0]!.summary).toContain('4 adults');
    // No payment data in a chef's calendar.
    expect(events.map((event) => event.description).join(' ')).not.toMatch(/\$|deposit|paid/i);

    // A refresh: the same UIDs; a cancelled booking is gone.
    await client.query(
      `UPDATE "Booking" SET status = 'CANCELLED', "cancelledAt" = now() WHERE id = $1`,
      [second],
    );
    expect(readFeed(await chefFeed(fileOf(path))).map((event) => event.uid)).toEqual([
      `booking-${first}@hibachi-at-home`,
    ]);

    // Regenerated: the old URL answers 404, the new one works.
    const next = await regenerateChefFeed({ scope: manager, chefId: mine });
    expect(await refusal(chefFeed(fileOf(path)))).toMatchObject({ status: 404 });
    expect(readFeed(await chefFeed(fileOf(next.path)))).toHaveLength(1);
    expect(await refusal(chefFeed('not-a-token.ics'))).toMatchObject({ status: 404 });
    const { rows } = await client.query(`SELECT "feedTokenHash" FROM "Chef" WHERE id = $1`, [mine]);
    expect(rows[0].feedTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(next.path).not.toContain(rows[0].feedTokenHash);
  });

  it('is made by managers of the station only', async () => {
    const { stationId, chefIds } = await resetStation(client, 1);
    const staff = await staffScope(client, 'STAFF', stationId);
    expect(await refusal(regenerateChefFeed({ scope: staff, chefId: chefIds[0]! }))).toMatchObject({
      status: 403,
    });
  });
});
