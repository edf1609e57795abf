import { z } from 'zod';
import { requireRecord } from '../auth/require-in-scope';
import { assertCan, type StaffRequest, type StaffScope } from '../auth/staff-scope';
import { inTransaction, type Tx } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation';
import type { TMyEvent, TMyEvents } from './my-events.schema';

export type MyEvent = TMyEvent;

export type MyEvents = TMyEvents;

const notAChefError = () =>
  new AppError('FORBIDDEN', 'Only a chef account has "My events".', { details: {} });

export function chefOf(scope: StaffScope): string {
  assertCan(scope, 'myEvents.view');
  if (!scope.chefId) throw notAChefError();
  return scope.chefId;
}

const ZCompleteInput = z.strictObject({ version: z.number().int().positive() });

/** How long before the start a chef may say they have started (arriving and setting up). */
const START_WINDOW_MS = 2 * 3_600_000;

/** A confirmed event not yet marked started, from two hours before its start to its end. */
export function mayStart(
  booking: { status: string; startedAt: Date | null; startsAt: Date; endsAt: Date },
  now: Date,
): boolean {
  return (
    booking.status === 'CONFIRMED' &&
    !booking.startedAt &&
    now.getTime() >= booking.startsAt.getTime() - START_WINDOW_MS &&
    now < booking.endsAt
  );
}

type OwnEvent = NonNullable<Awaited<ReturnType<Tx['booking']['findUnique']>>>;

/**
 * The chef's own event, locked in a transaction, where the station lets chefs mark their
 * events: the one gate both "started" and "completed" pass (another chef's event: 404).
 */
export async function onOwnEvent<T>(
  options: StaffRequest & { bookingId: string; input: unknown },
  officeWords: string,
  act: (tx: Tx, booking: OwnEvent, version: number) => Promise<T>,
): Promise<T> {
  const chefId = chefOf(options.scope);
  const { version } = parseInput(ZCompleteInput, options.input);
  return inTransaction(async (tx) => {
    // The chef's own events only: the query holds the scope, so another chef's is missing.
    const booking = await requireRecord('event', options.bookingId, (id) =>
      tx.booking.findFirst({
        where: { id, chefId },
        include: { station: { select: { chefsMayComplete: true } } },
      }),
    );
    if (!booking.station.chefsMayComplete)
      throw new AppError('FORBIDDEN', officeWords, { details: {} });
    return act(tx, booking, version);
  });
}
