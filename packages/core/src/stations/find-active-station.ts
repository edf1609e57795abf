import type { Station } from '../generated/prisma/client';
import { getDb } from '../db/client';
import { fieldError } from '../validation';

type Db = Pick<ReturnType<typeof getDb>, 'station'>;

/** A station by slug, or a 400 on the `station` field (it is part of the request body). */
export async function findActiveStation(
  slug: string,
  db: Db = getDb(),
  field = 'station',
): Promise<Station> {
  const station = await db.station.findUnique({ where: { slug } });
  if (!station || !station.active) throw fieldError(field, 'We do not serve that location');
  return station;
}
