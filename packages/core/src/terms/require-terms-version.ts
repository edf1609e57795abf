import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import { toTermsVersion } from './terms-record';
import type { TTermsVersion } from './terms.schema';

/**
 * `GET /api/stations/SLUG/terms/VERSION` (public) and the admin's twin: one version exactly
 * as it was published, for an acceptance to be read again.
 */
export async function requireTermsVersion(options: {
  stationId: string;
  version: unknown;
}): Promise<TTermsVersion> {
  const version = typeof options.version === 'string' ? Number(options.version) : NaN;
  const terms =
    Number.isInteger(version) && version > 0 && version < 1_000_000
      ? await getDb().stationTerms.findUnique({
          where: { stationId_version: { stationId: options.stationId, version } },
        })
      : null;
  if (!terms) throw new AppError('NOT_FOUND', 'No such version of the terms.');
  return toTermsVersion(terms);
}
