import { getDb } from '../db/client';
import type { AppError } from '../errors/app-error';
import { fieldError } from '../validation';
import { cachedActiveStation, WITH_MENU, type StationWithMenu } from './station-cache';

type Db = Pick<ReturnType<typeof getDb>, 'station'>;

/**
 * A station by slug, or a 400 on the `station` field (it is part of the request body).
 * Reads use the instance's station cache; a write passes `db` to read the row itself.
 */
export async function requireActiveStation(
  slug: string,
  db?: Db,
  field = 'station',
): Promise<StationWithMenu> {
  const station = db
    ? await db.station.findUnique({ where: { slug }, include: WITH_MENU })
    : await cachedActiveStation(slug);
  if (!station || !station.active) throw stationNotServedError(field);
  return station;
}

/** 400 on the request's station field: no such station, or it takes no bookings. */
export function stationNotServedError(field = 'station'): AppError {
  return fieldError(field, 'We do not serve that location');
}
