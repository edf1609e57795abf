import { writeStaffAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction, type Tx } from '../db/transaction';
import { UPCOMING_HOLDING_SQL } from '../scheduling/active-statuses';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import type { Prisma } from '../generated/prisma/client';
import { type StationAdminRow } from './station-settings.schema';
import { required } from '../platform/required';

type LockedStation = { id: string; name: string; active: boolean };

/** Opens or closes a station under its row lock, after `check` (which may refuse); audited. */
export async function setStationOpen(
  options: StaffRequest & { slug: string },
  open: boolean,
  check: (tx: Tx, station: LockedStation) => Promise<void>,
): Promise<StationAdminRow> {
  assertCan(options.scope, 'stations.manage');
  return inTransaction(async (tx) => {
    const station = await lockStation(tx, options.slug);
    if (station.active !== open) {
      await check(tx, station);
      await tx.station.update({ where: { id: station.id }, data: { active: open } });
      await auditStationChange(
        tx,
        options,
        station.id,
        open ? 'station.activated' : 'station.deactivated',
        { active: !open },
        { active: open },
      );
    }
    return required((await listStationAdminRows(tx, station.id))[0], 'station row');
  });
}

async function lockStation(tx: Tx, slug: string): Promise<LockedStation> {
  const [station] = await tx.$queryRaw<LockedStation[]>`
    SELECT id, name, active FROM "Station" WHERE slug = ${slug} FOR UPDATE`;
  if (!station) throw new AppError('NOT_FOUND', 'No such station.');
  return station;
}

export function auditStationChange(
  tx: Tx,
  options: StaffRequest,
  stationId: string,
  action: string,
  before: Prisma.InputJsonObject | undefined,
  after: Prisma.InputJsonObject,
) {
  return writeStaffAudit(tx, options, {
    stationId,
    entityType: 'Station',
    entityId: stationId,
    action,
    before,
    after,
  });
}

export function listStationAdminRows(
  db: Tx | ReturnType<typeof getDb>,
  stationId?: string,
): Promise<StationAdminRow[]> {
  return db.$queryRaw<StationAdminRow[]>`
    SELECT s.id, s.slug, s.name, s.timezone, s.active,
           (SELECT count(*)::int FROM "Chef" c WHERE c."stationId" = s.id AND c.active) AS "activeChefs",
           (SELECT count(*)::int FROM "Booking" b
             WHERE b."stationId" = s.id AND ${UPCOMING_HOLDING_SQL}) AS "upcomingBookings",
           (SELECT count(*)::int FROM "StaffUser" u WHERE u."stationId" = s.id AND u.active) AS staff
      FROM "Station" s
     WHERE ${stationId ?? null}::uuid IS NULL OR s.id = ${stationId ?? null}::uuid
     ORDER BY s.name, s.id`;
}
