import 'server-only';
import { getDb } from '../db/client';
import type { Tx } from '../db/transaction';
import type { StationTerms } from '../generated/prisma/client';
import { defaultTerms } from './default-terms';
import { sha256Of } from './terms-record';

type Db = Pick<Tx, 'station' | 'stationTerms'>;

/**
 * A station's current terms: its latest version; a station whose manager has written none
 * yet gets its first from its settings (defaultTerms), kept from then on as version 1 (two
 * readers at once both insert it, and the unique version keeps one).
 */
export async function currentTerms(stationId: string, db: Db = getDb()): Promise<StationTerms> {
  const latest = await db.stationTerms.findFirst({
    where: { stationId },
    orderBy: { version: 'desc' },
  });
  if (latest) return latest;
  const station = await db.station.findUniqueOrThrow({ where: { id: stationId } });
  const body = defaultTerms(station);
  await db.stationTerms.createMany({
    data: [{ stationId, version: 1, body, sha256: sha256Of(body) }],
    skipDuplicates: true,
  });
  return db.stationTerms.findFirstOrThrow({ where: { stationId }, orderBy: { version: 'desc' } });
}
