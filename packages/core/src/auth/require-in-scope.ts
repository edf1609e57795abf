import { AppError } from '../errors/app-error';
import { isUuid } from '../validation/uuid';
import type { StaffScope } from './staff-scope';

/** What staff look a record up by id for, and the one answer when it is not theirs to see. */
const NO_SUCH = {
  account: 'No such account.',
  booking: 'No such booking.',
  chef: 'No such chef.',
  conversation: 'No such conversation.',
  customer: 'No such customer.',
  email: 'No such e-mail.',
  event: 'No such event.',
  menuItem: 'No such menu item.',
  payment: 'No such payment.',
  timeOff: 'No such time off.',
} as const;

type RecordKind = keyof typeof NO_SUCH;

/** The 404 for a kind of record: the same words for a malformed, missing or hidden id. */
const noSuchRecordError = (kind: RecordKind): AppError => new AppError('NOT_FOUND', NO_SUCH[kind]);

/** Whether a row of this station is the caller's to see (a super admin sees every station). */
function isInScope(scope: StaffScope, stationId: string | null): boolean {
  return scope.role === 'SUPER_ADMIN' || (stationId !== null && stationId === scope.stationId);
}

/** Reads one row by id; `undefined` (a raw query's empty first row) means none. */
type Find<Row> = (id: string) => Promise<Row | null | undefined>;

/**
 * A record by id, or the kind's 404 when the id is malformed (never sent to the database) or
 * names nothing. For records of no station (customers, accounts: `assertCan` keeps them to the
 * super admin) and for lookups whose query holds the scope itself (a chef's own events).
 */
export async function requireRecord<Row>(
  kind: RecordKind,
  id: string,
  find: Find<Row>,
): Promise<Row> {
  const row = isUuid(id) ? await find(id) : null;
  if (!row) throw noSuchRecordError(kind);
  return row;
}

/**
 * A station's record by id for this caller, or the kind's 404: malformed, missing and another
 * station's answer alike, so an id never tells whether it exists elsewhere.
 */
export async function requireInScope<Row extends { stationId: string | null }>(
  scope: StaffScope,
  kind: RecordKind,
  id: string,
  find: Find<Row>,
): Promise<Row> {
  const row = await requireRecord(kind, id, find);
  if (!isInScope(scope, row.stationId)) throw noSuchRecordError(kind);
  return row;
}
