import { requireActiveStation } from '../stations/require-active-station';
import { requireTermsVersion } from './require-terms-version';
import type { TTermsVersion } from './terms.schema';

/** `GET /api/stations/SLUG/terms/VERSION` (public): one version exactly as published. */
export async function getPublicTermsVersion(options: {
  slug: string;
  version: unknown;
}): Promise<TTermsVersion> {
  const station = await requireActiveStation(options.slug);
  return requireTermsVersion({ stationId: station.id, version: options.version });
}
