import { writeAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { requireStationInScope } from '../stations/station-in-scope';
import { parseInput } from '../validation';
import { currentTerms } from './current-terms';
import { getTermsHistory } from './get-terms-history';
import { sha256Of } from './terms-record';
import { ZTermsInput, type TTermsHistory } from './terms.schema';

/**
 * `PUT /api/admin/stations/SLUG/terms` (managers): publishes the text as the next version
 * (old versions stay, so every acceptance still opens the text it accepted). The same text
 * as the current version publishes nothing. Audited.
 */
export async function publishTerms(
  options: StaffRequest & { slug: string; input: unknown },
): Promise<TTermsHistory> {
  assertCan(options.scope, 'stations.settings');
  const { body } = parseInput(ZTermsInput, options.input);
  const stationId = await requireStationInScope(options.scope, options.slug);
  await inTransaction(async (tx) => {
    // One publisher at a time per station (bookings, which take FOR KEY SHARE, go on).
    await tx.$queryRaw`SELECT id FROM "Station" WHERE id = ${stationId}::uuid FOR NO KEY UPDATE`;
    const current = await currentTerms(stationId, tx);
    const sha256 = sha256Of(body);
    if (current.sha256 === sha256) return;
    const published = await tx.stationTerms.create({
      data: {
        stationId,
        version: current.version + 1,
        body,
        sha256,
        createdByStaffId: options.scope.staffId,
      },
    });
    await writeAudit(tx, {
      actorType: 'STAFF',
      actorId: options.scope.staffId,
      requestId: options.requestId,
      stationId,
      entityType: 'Station',
      entityId: stationId,
      action: 'terms.published',
      before: { version: current.version, sha256: current.sha256 },
      after: { version: published.version, sha256 },
    });
  });
  return getTermsHistory(options);
}
