import { Prisma } from '../generated/prisma/client';
import { ACTIVE_BOOKING_STATUSES, ACTIVE_STATUSES_SQL } from '../scheduling/active-statuses';
import { chefIsFree, chefTimeOff } from '../scheduling/chef-is-free.sql';
import { writeAudit, writeStaffAudit } from '../audit/write-audit';
import type { StaffRequest } from '../auth/staff-scope';
import type { Tx } from '../db/transaction';
import { closedDateMessage, dateRulesBetween, stationOnDate } from '../availability/station-dates';
import { AppError } from '../errors/app-error';
import { enqueueEmail } from '../notifications/enqueue-email';
import { instantToLocal, localToInstant, parseLocalTime, toDbDate, toLocalDate } from '../time';
import { fieldError } from '../validation';
import type { TRescheduledBooking } from './reschedule-booking.schema';
import { staleVersionError, updateBookingAtVersion } from './versioned-update';
import { required } from '../platform/required';
import { customerReschedulePolicy } from './customer-reschedule-policy';

const MINUTE = 60_000;
/** Staff may place events on any quarter hour, finer than the customers' grid. */
export const STAFF_GRID_MINUTES = 15;

/** Who moves the booking: staff (their rules), or its customer (the station's policy). */
export type MoveActor =
  | { kind: 'STAFF'; request: StaffRequest }
  | { kind: 'CUSTOMER'; customerId: string; requestId?: string };

/**
 * The move itself, inside the caller's transaction, for staff and customers alike: the
 * row locked and its version checked, the new window on the grid, inside service hours and
 * free (the exclusion constraint has the last word), one active booking a day, audited and
 * e-mailed. Staff place events on any quarter hour, inside the notice too, and may change the
 * duration and chef; customers keep both, use the station's start times and notice, and move
 * only until the station's reschedule notice, at most its limit of times.
 */
export async function moveBooking(
  tx: Tx,
  options: {
    bookingId: string;
    input: {
      date: string;
      time: string;
      version: number;
      durationMinutes?: number;
      chefId?: string;
    };
    now: Date;
    actor: MoveActor;
  },
): Promise<TRescheduledBooking> {
  const { input, now, actor } = options;
  // Lock the row: the version check below is then the truth until commit.
  await tx.$queryRaw`SELECT 1 FROM "Booking" WHERE id = ${options.bookingId}::uuid FOR UPDATE`;
  const booking = await tx.booking.findUniqueOrThrow({
    where: { id: options.bookingId },
    include: { station: true, customer: true, chef: true },
  });
  const { station } = booking;
  if (booking.version !== input.version) {
    const error = staleVersionError();
    throw new AppError('CONFLICT', 'Someone else changed this booking a moment ago.', {
      details: {
        ...error.details,
        // (staff see the booking as it is now; a customer reloads their page)
        ...(actor.kind === 'STAFF'
          ? { current: toRescheduledBooking(booking, booking.chef, false) }
          : {}),
      },
    });
  }
  if (booking.status !== 'PENDING_PAYMENT' && booking.status !== 'CONFIRMED') {
    throw new AppError(
      'CONFLICT',
      `A ${booking.status.toLowerCase().replace('_', ' ')} booking cannot be moved.`,
      { details: { reason: 'BAD_STATE', status: booking.status } },
    );
  }

  if (actor.kind === 'CUSTOMER') assertCustomerMayMove(booking, now);

  const minute = required(parseLocalTime(input.time), 'start time');
  const rule = (await dateRulesBetween(station.id, input.date, input.date, tx)).get(input.date);
  const hours = stationOnDate(station, rule);
  if (!hours) throw fieldError('date', closedDateMessage(rule));
  if (actor.kind === 'STAFF' && minute % STAFF_GRID_MINUTES !== 0)
    throw fieldError('time', 'Start on the quarter hour (:00, :15, :30 or :45)');
  if (
    actor.kind === 'CUSTOMER' &&
    (minute - hours.serviceStartMinute) % station.slotIntervalMinutes !== 0
  )
    throw fieldError('time', 'Choose one of the start times offered');
  if (minute < hours.serviceStartMinute || minute > hours.serviceEndMinute)
    throw fieldError('time', 'Outside service hours');
  const startsAt = localToInstant({ date: input.date, time: input.time }, station.timezone);
  if (!startsAt) throw fieldError('time', 'That time does not exist on this date (clocks change)');
  if (startsAt <= now) throw fieldError('date', 'That time is in the past');
  if (
    actor.kind === 'CUSTOMER' &&
    startsAt.getTime() < now.getTime() + station.minimumNoticeHours * 3_600_000
  )
    throw fieldError('date', `Bookings need ${station.minimumNoticeHours} hours' notice`);
  const durationMinutes = input.durationMinutes ?? booking.durationMinutes;
  const endsAt = new Date(startsAt.getTime() + durationMinutes * MINUTE);
  const blockedUntil = new Date(endsAt.getTime() + station.bufferMinutes * MINUTE);

  const sameWindow =
    startsAt.getTime() === booking.startsAt.getTime() &&
    durationMinutes === booking.durationMinutes;
  if (sameWindow && (input.chefId === undefined || input.chefId === booking.chefId))
    return toRescheduledBooking(booking, booking.chef, false);

  const chef = await chooseChef(tx, {
    stationId: station.id,
    timeZone: station.timezone,
    bookingId: booking.id,
    date: input.date,
    wanted: input.chefId,
    current: booking.chefId,
    startsAt,
    blockedUntil,
  });

  if (input.date !== toLocalDate(booking.eventDate)) {
    const other = await tx.booking.findFirst({
      where: {
        customerId: booking.customerId,
        eventDate: toDbDate(input.date),
        status: { in: [...ACTIVE_BOOKING_STATUSES] },
        id: { not: booking.id },
      },
      select: { reference: true },
    });
    if (other)
      throw new AppError(
        'CONFLICT',
        `This customer already has booking ${other.reference} that day.`,
        {
          details: {
            reason: 'DUPLICATE_BOOKING',
            reference: other.reference,
          },
        },
      );
  }

  await updateBookingAtVersion(tx, booking.id, input.version, {
    eventDate: toDbDate(input.date),
    startTime: input.time,
    startsAt,
    endsAt,
    blockedUntil,
    durationMinutes,
    chefId: chef.id,
    ...(actor.kind === 'CUSTOMER' ? { customerReschedules: { increment: 1 } } : {}),
  });
  const before = {
    date: toLocalDate(booking.eventDate),
    time: booking.startTime,
    durationMinutes: booking.durationMinutes,
    chefId: booking.chefId,
    startsAt: booking.startsAt.toISOString(),
  };
  const after = {
    date: input.date,
    time: input.time,
    durationMinutes,
    chefId: chef.id,
    startsAt: startsAt.toISOString(),
  };
  const entry = {
    stationId: station.id,
    entityType: 'Booking',
    entityId: booking.id,
    action: 'booking.rescheduled',
    before,
    after,
  } as const;
  if (actor.kind === 'STAFF') await writeStaffAudit(tx, actor.request, entry);
  else
    await writeAudit(tx, {
      ...entry,
      actorType: 'CUSTOMER',
      actorId: actor.customerId,
      requestId: actor.requestId,
    });
  await enqueueEmail(tx, {
    kind: 'BOOKING_RESCHEDULED',
    recipient: booking.customer.email,
    subject: `Your hibachi booking ${booking.reference} has moved`,
    payload: { reference: booking.reference, previous: { date: before.date, time: before.time } },
    bookingId: booking.id,
    stationId: station.id,
  });
  return toRescheduledBooking(
    {
      ...booking,
      startsAt,
      endsAt,
      durationMinutes,
      eventDate: toDbDate(input.date),
      startTime: input.time,
      version: input.version + 1,
    },
    chef,
    true,
  );
}

/**
 * The station's policy for moves made online: until its reschedule notice before the event,
 * at most its limit of times. Outside it, the answer says whom to ask instead.
 */
function assertCustomerMayMove(
  booking: Parameters<typeof customerReschedulePolicy>[0] & { station: { name: string } },
  now: Date,
): void {
  const { station } = booking;
  const policy = customerReschedulePolicy(booking, now);
  const elsewhere = `reply to your confirmation e-mail or call ${station.name}`;
  if (now.getTime() > Date.parse(policy.until))
    throw new AppError(
      'CONFLICT',
      `Online changes close ${station.rescheduleNoticeHours} hours before the event. To move it now, ${elsewhere}.`,
      { details: { reason: 'RESCHEDULE_CLOSED' } },
    );
  if (policy.left === 0)
    throw new AppError(
      'CONFLICT',
      station.rescheduleLimit === 0
        ? `${station.name} does not take moves online. To move it, ${elsewhere}.`
        : `This booking has been moved online ${station.rescheduleLimit} time${station.rescheduleLimit === 1 ? '' : 's'}, the most we allow. To move it again, ${elsewhere}.`,
      { details: { reason: 'RESCHEDULE_LIMIT' } },
    );
}

type ChefRow = { id: string; name: string; color: string };

/**
 * The chef for the new window: the one asked for (active, same station, free), else the
 * current chef when free, else the least busy free chef that day. 409 SLOT_TAKEN names the
 * clash in the station's local time ("Chef Aiko is busy 18:00-20:30").
 */
async function chooseChef(
  tx: Tx,
  request: {
    stationId: string;
    timeZone: string;
    bookingId: string;
    date: string;
    wanted?: string;
    current: string;
    startsAt: Date;
    blockedUntil: Date;
  },
): Promise<ChefRow> {
  const free = chefIsFree(
    Prisma.sql`${request.startsAt}::timestamptz`,
    Prisma.sql`${request.blockedUntil}::timestamptz`,
    request.bookingId,
  );
  if (request.wanted) {
    const [chef] = await tx.$queryRaw<(ChefRow & { free: boolean })[]>`
      SELECT c.id, c.name, c.color, ${free} AS free
        FROM "Chef" c
       WHERE c.id = ${request.wanted}::uuid AND c."stationId" = ${request.stationId}::uuid AND c.active
         FOR KEY SHARE OF c`;
    if (!chef) throw fieldError('chefId', 'Choose an active chef of this station');
    if (!chef.free) throw await chefBusyError(tx, request, chef);
    return { id: chef.id, name: chef.name, color: chef.color };
  }
  const [chef] = await tx.$queryRaw<ChefRow[]>`
    SELECT c.id, c.name, c.color
      FROM "Chef" c
     WHERE c."stationId" = ${request.stationId}::uuid AND c.active AND ${free}
     ORDER BY (c.id = ${request.current}::uuid) DESC,
              (SELECT count(*) FROM "Booking" d
                WHERE d."chefId" = c.id AND d."eventDate" = ${request.date}::date
                  AND d.status IN ${ACTIVE_STATUSES_SQL} AND d.id <> ${request.bookingId}::uuid),
              c.name, c.id
     LIMIT 1
       FOR KEY SHARE OF c`;
  if (!chef) {
    const [current] = await tx.$queryRaw<ChefRow[]>`
      SELECT id, name, color FROM "Chef" WHERE id = ${request.current}::uuid`;
    throw await chefBusyError(
      tx,
      request,
      required(current, 'current chef'),
      'No chef is free then',
    );
  }
  return chef;
}

async function chefBusyError(
  tx: Tx,
  request: { timeZone: string; bookingId: string; startsAt: Date; blockedUntil: Date },
  chef: ChefRow,
  prefix?: string,
): Promise<AppError> {
  const [clash] = await tx.$queryRaw<{ startsAt: Date; endsAt: Date; reference: string }[]>`
    SELECT "startsAt", "endsAt", reference FROM "Booking"
     WHERE "chefId" = ${chef.id}::uuid AND id <> ${request.bookingId}::uuid
       AND status IN ${ACTIVE_STATUSES_SQL}
       AND tstzrange("startsAt", "blockedUntil", '[)') && tstzrange(${request.startsAt}::timestamptz, ${request.blockedUntil}::timestamptz, '[)')
     ORDER BY "startsAt" LIMIT 1`;
  const span = clash
    ? `${instantToLocal(clash.startsAt, request.timeZone).time}-${instantToLocal(clash.endsAt, request.timeZone).time}`
    : undefined;
  // No event in the way: the chef is off then (time off or a weekly day off).
  const [away] = clash
    ? []
    : await tx.$queryRaw<{ note: string | null }[]>`
        SELECT (SELECT t.note FROM "ChefTimeOff" t
                 WHERE t."chefId" = c.id
                   AND tstzrange(t."startsAt", t."endsAt", '[)') && tstzrange(${request.startsAt}::timestamptz, ${request.blockedUntil}::timestamptz, '[)')
                 LIMIT 1) AS note
          FROM "Chef" c
         WHERE c.id = ${chef.id}::uuid
           AND ${chefTimeOff(Prisma.sql`${request.startsAt}`, Prisma.sql`${request.blockedUntil}`)}
               && tstzrange(${request.startsAt}::timestamptz, ${request.blockedUntil}::timestamptz, '[)')`;
  if (away && !prefix)
    return new AppError(
      'CONFLICT',
      `${chef.name} is off then${away.note ? ` (${away.note})` : ''}.`,
      { details: { reason: 'SLOT_TAKEN', chef: { id: chef.id, name: chef.name }, timeOff: true } },
    );
  const message = prefix
    ? `${prefix}${span ? ` (${chef.name} is busy ${span})` : ''}.`
    : `${chef.name} is busy ${span ?? 'then'}${clash ? ', plus travel time' : ''}.`;
  return new AppError('CONFLICT', message, {
    details: {
      reason: 'SLOT_TAKEN',
      chef: { id: chef.id, name: chef.name },
      ...(clash && span ? { clash: { reference: clash.reference, time: span } } : {}),
    },
  });
}

function toRescheduledBooking(
  booking: {
    id: string;
    reference: string;
    status: string;
    version: number;
    eventDate: Date;
    startTime: string;
    durationMinutes: number;
    startsAt: Date;
    endsAt: Date;
  },
  chef: ChefRow,
  moved: boolean,
): TRescheduledBooking {
  return {
    id: booking.id,
    reference: booking.reference,
    status: booking.status as TRescheduledBooking['status'],
    version: booking.version,
    date: toLocalDate(booking.eventDate),
    time: booking.startTime,
    durationMinutes: booking.durationMinutes,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    chef: { id: chef.id, name: chef.name, color: chef.color },
    moved,
  };
}
