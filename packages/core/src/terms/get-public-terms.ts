import { requireActiveStation } from '../stations/require-active-station';
import { currentTerms } from './current-terms';
import { toTermsVersion } from './terms-record';
import type { TTermsVersion } from './terms.schema';

/** `GET /api/stations/SLUG/terms` (public): the terms a customer reads before booking. */
export async function getPublicTerms(options: { slug: string }): Promise<TTermsVersion> {
  const station = await requireActiveStation(options.slug);
  return toTermsVersion(await currentTerms(station.id));
}
