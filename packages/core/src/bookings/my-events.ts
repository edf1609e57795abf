import { z } from 'zod';
import { writeStaffAudit } from '../audit/write-audit';
import { requireRecord } from '../auth/require-in-scope';
import { assertCan, type StaffRequest, type StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { inTransaction, type Tx } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { netPaidCents } from '../money/net-paid';
import { addDays, instantToLocal, localToInstant, todayInTimeZone } from '../time';
import { parseInput } from '../validation';
import { balanceDue } from './list-staff-bookings';
import { awaitsOutcome } from './staff-booking-actions';
import type { TCompletedEvent, TMyEvent, TMyEvents, TStartedEvent } from './my-events.schema';
import { updateBookingAtVersion } from './versioned-update';

/** How far ahead "My events" lists a chef's events. */
const AHEAD_DAYS = 60;

export type MyEvent = TMyEvent;
export type MyEvents = TMyEvents;

const forbidden = () =>
  new AppError('FORBIDDEN', 'Only a chef account has "My events".', { details: {} });

function chefOf(scope: StaffScope): string {
  assertCan(scope, 'myEvents.view');
  if (!scope.chefId) throw forbidden();
  return scope.chefId;
}

/**
 * `GET /api/admin/my-events`: a chef's own events from today on (station-local), phone-first:
 * time, address with a maps link, party, menu counts, requests, the balance to collect and the
 * customer's phone. Only their events: the query is by the account's own chef.
 */
export async function getMyEvents(options: { scope: StaffScope; now?: Date }): Promise<MyEvents> {
  const chefId = chefOf(options.scope);
  const now = options.now ?? new Date();
  const chef = await getDb().chef.findUniqueOrThrow({
    where: { id: chefId },
    include: { station: true },
  });
  const zone = chef.station.timezone;
  const today = todayInTimeZone(zone, now);
  const from = localToInstant({ date: today, time: '00:00' }, zone) ?? now;
  const until = localToInstant({ date: addDays(today, AHEAD_DAYS), time: '00:00' }, zone) ?? now;
  const bookings = await getDb().booking.findMany({
    where: {
      chefId,
      status: { in: ['PENDING_PAYMENT', 'CONFIRMED', 'COMPLETED'] },
      startsAt: { gte: from, lt: until },
    },
    include: {
      customer: { select: { name: true, phone: true } },
      payments: true,
      menuLines: { orderBy: [{ kind: 'asc' }, { name: 'asc' }] },
    },
    orderBy: { startsAt: 'asc' },
  });
  return {
    chef: { name: chef.name },
    station: {
      name: chef.station.name,
      timezone: zone,
      currency: chef.station.currency,
      locale: chef.station.locale,
    },
    today,
    events: bookings.map((booking) => {
      const address = {
        line1: booking.addressLine1,
        line2: booking.addressLine2,
        city: booking.city,
        postalCode: booking.postalCode,
      };
      const place = [address.line1, address.line2, address.city, address.postalCode]
        .filter(Boolean)
        .join(', ');
      return {
        id: booking.id,
        reference: booking.reference,
        status: booking.status as MyEvent['status'],
        version: booking.version,
        date: booking.eventDate.toISOString().slice(0, 10),
        time: booking.startTime,
        endTime: instantToLocal(booking.endsAt, zone).time,
        address,
        mapsUrl: `https://www.openstreetmap.org/search?query=${encodeURIComponent(place)}`,
        adults: booking.adults,
        children: booking.children,
        menu: booking.menuLines.map((line) => ({ name: line.name, quantity: line.quantity })),
        specialRequests: booking.specialRequests,
        balanceCents: balanceDue(
          booking.status,
          booking.totalCents,
          netPaidCents(booking.payments),
        ),
        customer: booking.customer,
        canComplete: chef.station.chefsMayComplete && awaitsOutcome(booking, now),
        startedAt: booking.startedAt?.toISOString() ?? null,
        canStart: chef.station.chefsMayComplete && mayStart(booking, now),
      };
    }),
  };
}

const ZCompleteInput = z.strictObject({ version: z.number().int().positive() });

/** How long before the start a chef may say they have started (arriving and setting up). */
const START_WINDOW_MS = 2 * 3_600_000;

/** A confirmed event not yet marked started, from two hours before its start to its end. */
function mayStart(
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
async function onOwnEvent<T>(
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

/**
 * `POST /api/admin/my-events/ID/start`: the chef says they have started (where the station
 * allows chefs to mark their events); staff see it on the booking. Version-checked, audited.
 */
export async function startMyEvent(
  options: StaffRequest & { bookingId: string; input: unknown; now?: Date },
): Promise<TStartedEvent> {
  const now = options.now ?? new Date();
  return onOwnEvent(
    options,
    'Your station follows events from the office.',
    async (tx, booking, version) => {
      if (!mayStart(booking, now))
        throw new AppError(
          'CONFLICT',
          booking.startedAt
            ? 'This event is marked started already.'
            : 'An event can be marked started from two hours before it until it ends.',
          { details: { reason: 'BAD_STATE', status: booking.status } },
        );
      await updateBookingAtVersion(tx, booking.id, version, { startedAt: now });
      await writeStaffAudit(tx, options, {
        stationId: booking.stationId,
        entityType: 'Booking',
        entityId: booking.id,
        action: 'booking.started',
        after: { startedAt: now.toISOString(), by: 'chef' },
      });
      return { id: booking.id, startedAt: now.toISOString(), version: version + 1 };
    },
  );
}

/**
 * `POST /api/admin/my-events/ID/complete`: the chef marks their own started event completed,
 * where the station allows it (Settings). Another chef's event answers 404; version-checked
 * and audited like the staff action.
 */
export async function completeMyEvent(
  options: StaffRequest & { bookingId: string; input: unknown; now?: Date },
): Promise<TCompletedEvent> {
  const now = options.now ?? new Date();
  return onOwnEvent(
    options,
    'Your station marks events completed from the office.',
    async (tx, booking, version) => {
      if (!awaitsOutcome(booking, now))
        throw new AppError(
          'CONFLICT',
          booking.status === 'CONFIRMED'
            ? 'This event has not started yet.'
            : `A ${booking.status.toLowerCase().replace('_', ' ')} event cannot be marked completed.`,
          { details: { reason: 'BAD_STATE', status: booking.status } },
        );
      await updateBookingAtVersion(tx, booking.id, version, { status: 'COMPLETED' });
      await writeStaffAudit(tx, options, {
        stationId: booking.stationId,
        entityType: 'Booking',
        entityId: booking.id,
        action: 'booking.completed',
        before: { status: booking.status },
        after: { status: 'COMPLETED', by: 'chef' },
      });
      return { id: booking.id, status: 'COMPLETED' as const, version: version + 1 };
    },
  );
}
