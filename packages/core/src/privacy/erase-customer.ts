import 'server-only';
import { writeStaffAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { parseInput } from '../validation';
import { ZEraseCustomerInput, type TErasedCustomer } from './customer-data.schema';
import { eraseInTransaction } from './customer-data';

/**
 * `POST /api/admin/customers/ID/erase` (super admin, audited): the customer's personal data
 * replaced by a tombstone. Bookings and payments stay, with their amounts, for the books;
 * a booking still to come must be cancelled first (409), so no event loses its address.
 */
export async function eraseCustomer(
  options: StaffRequest & { customerId: string; input: unknown; now?: Date },
): Promise<TErasedCustomer> {
  assertCan(options.scope, 'customers.privacy');
  parseInput(ZEraseCustomerInput, options.input);
  const now = options.now ?? new Date();
  return inTransaction((tx) =>
    eraseInTransaction(tx, options.customerId, now, (entry) => writeStaffAudit(tx, options, entry)),
  );
}
