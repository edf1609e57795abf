import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { requireStationInScope } from '../stations/station-in-scope';
import { currentTerms } from './current-terms';
import { toTermsVersion } from './terms-record';
import type { TTermsHistory } from './terms.schema';

/** `GET /api/admin/stations/SLUG/terms` (managers): the current terms and their history. */
export async function getTermsHistory(
  options: StaffRequest & { slug: string },
): Promise<TTermsHistory> {
  assertCan(options.scope, 'stations.settings');
  const stationId = await requireStationInScope(options.scope, options.slug);
  const current = await currentTerms(stationId);
  const versions = await getDb().stationTerms.findMany({
    where: { stationId },
    orderBy: { version: 'desc' },
    select: {
      version: true,
      sha256: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      _count: { select: { acceptances: true } },
    },
  });
  return {
    current: toTermsVersion(current),
    versions: versions.map((terms) => ({
      version: terms.version,
      sha256: terms.sha256,
      createdAt: terms.createdAt.toISOString(),
      createdBy: terms.createdBy?.name ?? null,
      acceptances: terms._count.acceptances,
    })),
  };
}
