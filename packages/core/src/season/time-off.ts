import { requireInScope } from '../auth/require-in-scope';
import { type StaffRequest, type StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { inTransaction, type Tx } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { hasDatabaseCode } from '../errors/translate-database-error';
import { UPCOMING_HOLDING_SQL } from '../scheduling/active-statuses';
import { reassignBookings } from '../stations/reassign-bookings';
import type { ChefBooking } from '../stations/chef.schema';
import { addDays, instantToLocal, localToInstant } from '../time';
import { fieldError } from '../validation';
import { ZTimeOffInput, type TimeOffEntry } from './season.schema';

type Chef = { id: string; stationId: string; name: string; timezone: string };

type Span = { startsAt: Date; endsAt: Date; allDay: boolean };

const timeOffOverlap = () =>
  new AppError('CONFLICT', 'The chef already has time off then; change that entry instead.', {
    details: { reason: 'TIME_OFF_OVERLAP' },
  });

/** A write that the database may refuse for overlapping entries or a racing booking. */
export async function writeTimeOff<T>(write: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await inTransaction(write, { maxWait: 10_000, timeout: 30_000 });
  } catch (error) {
    if (hasDatabaseCode(error, '23P01')) {
      throw new AppError(
        'CONFLICT',
        'A booking for this chef landed in that time a moment ago. Look again and reassign it.',
        { details: { reason: 'CHEF_HAS_BOOKINGS', bookings: [] } },
      );
    }
    throw error;
  }
}

/**
 * The chef's events inside the span: none, refused with their list, or moved to free chefs.
 * The chef's schedule lock is taken first, so no booking can land in the span until commit.
 */
export async function clearBookings(
  tx: Tx,
  request: StaffRequest,
  chef: Chef,
  span: Span,
  choice: 'refuse' | 'reassign',
  exceptId?: string,
): Promise<(ChefBooking & { chef: string })[]> {
  await tx.$executeRaw`SELECT chef_schedule_lock(${chef.id}::uuid)`;
  const overlapping = await tx.chefTimeOff.findFirst({
    where: {
      chefId: chef.id,
      startsAt: { lt: span.endsAt },
      endsAt: { gt: span.startsAt },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
  });
  if (overlapping) throw timeOffOverlap();
  const inside = await tx.$queryRaw<(ChefBooking & { startsAt: Date; blockedUntil: Date })[]>`
    SELECT b.id, b.reference, to_char(b."eventDate", 'YYYY-MM-DD') AS date, b."startTime" AS time,
           b."startsAt", b."blockedUntil"
      FROM "Booking" b
     WHERE b."chefId" = ${chef.id}::uuid AND ${UPCOMING_HOLDING_SQL}
       AND tstzrange(b."startsAt", b."blockedUntil", '[)') && tstzrange(${span.startsAt}::timestamptz, ${span.endsAt}::timestamptz, '[)')
     ORDER BY b."startsAt", b.id
       FOR UPDATE OF b`;
  if (inside.length === 0) return [];
  if (choice === 'refuse')
    throw new AppError(
      'CONFLICT',
      `${chef.name} has ${inside.length} booking${inside.length === 1 ? '' : 's'} then. Reassign ${inside.length === 1 ? 'it' : 'them'} to other chefs, or move ${inside.length === 1 ? 'it' : 'them'} first.`,
      {
        details: {
          reason: 'CHEF_HAS_BOOKINGS',
          bookings: inside.map(({ id, reference, date, time }) => ({ id, reference, date, time })),
        },
      },
    );
  return reassignBookings(tx, request, chef, inside);
}

/** The span an input covers, in the station's zone: whole days run midnight to midnight. */
export function spanOf(input: ReturnType<typeof ZTimeOffInput.parse>, timezone: string): Span {
  const at = (date: string, time: string, field: string) => {
    const instant = localToInstant({ date, time }, timezone);
    if (!instant) throw fieldError(field, 'That time does not exist on this date (clocks change)');
    return instant;
  };
  if (input.kind === 'DAYS')
    return {
      startsAt: at(input.from, '00:00', 'from'),
      endsAt: at(addDays(input.to, 1), '00:00', 'to'),
      allDay: true,
    };
  return {
    startsAt: at(input.date, input.from, 'from'),
    endsAt: at(input.date, input.to, 'to'),
    allDay: false,
  };
}

export const auditSpan = (span: { startsAt: Date; endsAt: Date; allDay: boolean }) => ({
  startsAt: span.startsAt.toISOString(),
  endsAt: span.endsAt.toISOString(),
  allDay: span.allDay,
});

/** The chef of the station, for this caller: another station's (or none) answers 404. */
export function requireStationChef(
  tx: Tx,
  scope: StaffScope,
  chefId: string,
  stationId: string,
): Promise<Chef> {
  return requireInScope(scope, 'chef', chefId, async (id) => {
    const [chef] = await tx.$queryRaw<Chef[]>`
      SELECT c.id, c."stationId", c.name, s.timezone
        FROM "Chef" c JOIN "Station" s ON s.id = c."stationId"
       WHERE c.id = ${id}::uuid AND c."stationId" = ${stationId}::uuid`;
    return chef;
  });
}

/** A time off entry of the caller's station, or 404 (malformed, missing, another's alike). */
export function requireTimeOffEntry(tx: Tx, scope: StaffScope, timeOffId: string) {
  return requireInScope(scope, 'timeOff', timeOffId, (id) =>
    tx.chefTimeOff.findUnique({ where: { id } }),
  );
}

/** An entry as the admin reads it: local dates (the last day inclusive) or a date and times. */
export function toEntry(
  row: {
    id: string;
    chefId: string;
    startsAt: Date;
    endsAt: Date;
    allDay: boolean;
    note: string | null;
    chef: { name: string };
  },
  timezone: string,
): TimeOffEntry {
  const start = instantToLocal(row.startsAt, timezone);
  const end = instantToLocal(row.endsAt, timezone);
  return {
    id: row.id,
    chefId: row.chefId,
    chef: row.chef.name,
    kind: row.allDay ? 'DAYS' : 'HOURS',
    from: row.allDay ? start.date : start.time,
    to: row.allDay ? addDays(end.date, -1) : end.time,
    date: row.allDay ? null : start.date,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    note: row.note,
  };
}

/** Used by the season read and the tests: the entries of a station overlapping a span. */
export async function timeOffBetween(stationId: string, from: Date, until: Date, timezone: string) {
  const rows = await getDb().chefTimeOff.findMany({
    where: { stationId, startsAt: { lt: until }, endsAt: { gt: from } },
    include: { chef: { select: { name: true } } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => toEntry(row, timezone));
}
