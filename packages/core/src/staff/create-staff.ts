import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { fieldError, parseInput } from '../validation';
import {
  audit,
  describe,
  stationIdFor,
  chefIdFor,
  unusablePasswordHash,
  withLink,
  WITH_STATION,
} from './staff-account-record';
import { ZCreateStaff, type StaffWithLink } from './staff.schema';

/**
 * `POST /api/admin/staff`: a new account with no usable password and a one-time
 * set-password link (24 h), answered once to the super admin and queued as an e-mail.
 */
export async function createStaff(
  options: StaffRequest & { input: unknown; now?: Date },
): Promise<StaffWithLink> {
  assertCan(options.scope, 'staff.manage');
  const input = parseInput(ZCreateStaff, options.input);
  const passwordHash = await unusablePasswordHash();
  return inTransaction(async (tx) => {
    const stationId = await stationIdFor(tx, input.station);
    const chefId = input.role === 'CHEF' ? await chefIdFor(tx, input.chef, stationId) : null;
    const taken = await tx.staffUser.findUnique({ where: { email: input.email } });
    if (taken) throw fieldError('email', 'An account with this e-mail exists already');
    const account = await tx.staffUser.create({
      data: {
        email: input.email,
        name: input.name,
        role: input.role,
        stationId,
        chefId,
        passwordHash,
      },
      include: WITH_STATION,
    });
    await audit(tx, options, account, 'staff.created', undefined, describe(account));
    return withLink(tx, account, 'Your Hibachi at Home staff account', options.now);
  });
}
