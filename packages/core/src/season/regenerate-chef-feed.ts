import { randomBytes } from 'node:crypto';
import { writeStaffAudit } from '../audit/write-audit';
import { requireInScope } from '../auth/require-in-scope';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { chefFeedPath, digest } from './chef-feed';

/**
 * `POST /api/admin/chefs/ID/feed`: a new secret calendar feed URL for the chef; the old one
 * stops working at once. Managers; audited. The token is shown once (only its hash is kept).
 */
export async function regenerateChefFeed(
  options: StaffRequest & { chefId: string },
): Promise<{ path: string; createdAt: string }> {
  assertCan(options.scope, 'chefs.manage');
  const token = randomBytes(32).toString('base64url');
  return inTransaction(async (tx) => {
    const chef = await requireInScope(options.scope, 'chef', options.chefId, (id) =>
      tx.chef.findUnique({ where: { id } }),
    );
    const createdAt = new Date();
    await tx.chef.update({
      where: { id: chef.id },
      data: { feedTokenHash: digest(token), feedTokenCreatedAt: createdAt },
    });
    await writeStaffAudit(tx, options, {
      stationId: chef.stationId,
      entityType: 'Chef',
      entityId: chef.id,
      action: chef.feedTokenHash ? 'chef.feed_regenerated' : 'chef.feed_created',
    });
    return { path: chefFeedPath(token), createdAt: createdAt.toISOString() };
  });
}
