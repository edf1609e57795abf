import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { hasDatabaseCode } from '../errors/translate-database-error';
import { parseLocalTime } from '../time';
import { fieldError, parseInput } from '../validation';
import { ZCreateStation, type StationAdminRow } from './station-settings.schema';
import { required } from '../platform/required';
import { auditStationChange, listStationAdminRows } from './station-lifecycle';

const SLUG_TAKEN = 'Another station has this address';

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
      await auditStationChange(tx, options, station.id, 'station.created', undefined, input);
      return required((await listStationAdminRows(tx, station.id))[0], 'station row');
    });
  } catch (error) {
    // Two super admins choosing one address at once: the unique index decides.
    if (hasDatabaseCode(error, '23505') || hasDatabaseCode(error, 'P2002'))
      throw fieldError('slug', SLUG_TAKEN);
    throw error;
  }
}
