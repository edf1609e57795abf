import type pg from 'pg';
import type { StaffScope } from '../src/auth/staff-scope';
import { resetStation, staffScope } from './booking-fixtures';
import { connect } from './database';
import { insertBooking, insertChef, insertCustomer, insertStation } from './factories';

export type StaffWorkspace = {
  client: pg.Client;
  stationId: string;
  chefIds: string[];
  otherStationId: string;
  otherChefId: string;
  manager: StaffScope;
  staff: StaffScope;
  admin: StaffScope;
  /** `count` confirmed bookings, one a day from `firstDay` days ahead, at the test station (or another). */
  bookings: (
    count: number,
    options?: { firstDay?: number; station?: 'own' | 'other'; hourUtc?: number },
  ) => Promise<string[]>;
};

/**
 * What the staff use-case tests start from: the test station with two chefs, another station
 * with one, a manager and a staff member of the first and a super admin. The caller ends
 * `client`.
 */
export async function setUpStaffWorkspace(): Promise<StaffWorkspace> {
  const client = await connect();
  const { stationId, chefIds } = await resetStation(client, 2);
  const otherStationId = await insertStation(client, 'other-station');
  const otherChefId = await insertChef(client, otherStationId, 'Chef Elsewhere');
  const bookings: StaffWorkspace['bookings'] = async (count, options = {}) => {
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const customerId = await insertCustomer(
        client,
        `guest${Math.random().toString(36).slice(2)}@example.com`,
      );
      const startsAt = new Date(Date.now() + ((options.firstDay ?? 5) + index) * 86_400_000);
      startsAt.setUTCHours(options.hourUtc ?? 22, 0, 0, 0);
      const own = options.station !== 'other';
      ids.push(
        await insertBooking(client, {
          stationId: own ? stationId : otherStationId,
          customerId,
          chefId: own ? chefIds[index % chefIds.length]! : otherChefId,
          startsAt: startsAt.toISOString(),
        }),
      );
    }
    return ids;
  };
  return {
    client,
    stationId,
    chefIds,
    otherStationId,
    otherChefId,
    manager: await staffScope(client, 'MANAGER', stationId),
    staff: await staffScope(client, 'STAFF', stationId),
    admin: await staffScope(client, 'SUPER_ADMIN', null),
    bookings,
  };
}
