import { writeStaffAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest, type StaffScope } from '../auth/staff-scope';
import { inTransaction, type Tx } from '../db/transaction';
import { UPCOMING_HOLDING_SQL } from '../scheduling/active-statuses';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import { hasDatabaseCode } from '../errors/translate-database-error';
import type { Prisma } from '../generated/prisma/client';
import { parseLocalTime } from '../time';
import { fieldError, parseInput } from '../validation';
import { ZCreateStation, type StationAdminRow } from './station-settings.schema';
import { required } from '../platform/required';

const SLUG_TAKEN = 'Another station has this address';

/** `GET /api/admin/stations` (super admin): every station, open or closed, by name. */
export async function listStationsAdmin(options: {
  scope: StaffScope;
}): Promise<StationAdminRow[]> {
  assertCan(options.scope, 'stations.manage');
  return rows(getDb());
}

/**
 * `POST /api/admin/stations` (super admin): a new station, **closed** to customers until it
 * has a chef and someone opens it; settings not given start from the defaults.
 */
export async function createStation(
  options: StaffRequest & { input: unknown },
): Promise<StationAdminRow> {
  assertCan(options.scope, 'stations.manage');
  const input = parseInput(ZCreateStation, options.input);
  try {
    return await inTransaction(async (tx) => {
      if (await tx.station.findUnique({ where: { slug: input.slug }, select: { id: true } }))
        throw fieldError('slug', SLUG_TAKEN);
      const { slug, name, timezone, firstStart, lastStart, ...numbers } = input;
      const station = await tx.station.create({
        data: {
          slug,
          name,
          timezone,
          active: false,
          serviceStartMinute: required(parseLocalTime(firstStart), 'first start'),
          serviceEndMinute: required(parseLocalTime(lastStart), 'last start'),
          ...numbers,
        },
      });
      await audit(tx, options, station.id, 'station.created', undefined, input);
      return required((await rows(tx, station.id))[0], 'station row');
    });
  } catch (error) {
    // Two super admins choosing one address at once: the unique index decides.
    if (hasDatabaseCode(error, '23505') || hasDatabaseCode(error, 'P2002'))
      throw fieldError('slug', SLUG_TAKEN);
    throw error;
  }
}

/**
 * `POST /api/admin/stations/SLUG/deactivate` (super admin): hidden from customers. Refused
 * while active bookings lie ahead (409 FUTURE_BOOKINGS with the count): they must be moved
 * or cancelled first. The row is locked FOR UPDATE; booking creation reads it FOR KEY SHARE
 * and checks it is still open, so a booking racing the closure either lands first (and is
 * counted here) or waits and is refused.
 */
export function deactivateStation(
  options: StaffRequest & { slug: string },
): Promise<StationAdminRow> {
  return setStationOpen(options, false, async (tx, station) => {
    const [{ count }] = await tx.$queryRaw<[{ count: number }]>`
      SELECT count(*)::int AS count FROM "Booking" b
       WHERE b."stationId" = ${station.id}::uuid AND ${UPCOMING_HOLDING_SQL}`;
    if (count > 0)
      throw new AppError(
        'CONFLICT',
        `${station.name} has ${count} upcoming booking${count === 1 ? '' : 's'}: move or cancel ${count === 1 ? 'it' : 'them'} before closing the station.`,
        { details: { reason: 'FUTURE_BOOKINGS', count } },
      );
  });
}

/**
 * `POST /api/admin/stations/SLUG/activate` (super admin): open to customers. Refused without
 * an active chef (409 NO_ACTIVE_CHEFS): customers would find every time taken.
 */
export function activateStation(
  options: StaffRequest & { slug: string },
): Promise<StationAdminRow> {
  return setStationOpen(options, true, async (tx, station) => {
    const chefs = await tx.chef.count({ where: { stationId: station.id, active: true } });
    if (chefs === 0)
      throw new AppError(
        'CONFLICT',
        `${station.name} has no active chef yet: add one in Settings before opening it.`,
        { details: { reason: 'NO_ACTIVE_CHEFS' } },
      );
  });
}

type LockedStation = { id: string; name: string; active: boolean };

/** Opens or closes a station under its row lock, after `check` (which may refuse); audited. */
async function setStationOpen(
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
      await audit(
        tx,
        options,
        station.id,
        open ? 'station.activated' : 'station.deactivated',
        { active: !open },
        { active: open },
      );
    }
    return required((await rows(tx, station.id))[0], 'station row');
  });
}

async function lockStation(tx: Tx, slug: string): Promise<LockedStation> {
  const [station] = await tx.$queryRaw<LockedStation[]>`
    SELECT id, name, active FROM "Station" WHERE slug = ${slug} FOR UPDATE`;
  if (!station) throw new AppError('NOT_FOUND', 'No such station.');
  return station;
}

function audit(
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

function rows(db: Tx | ReturnType<typeof getDb>, stationId?: string): Promise<StationAdminRow[]> {
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
