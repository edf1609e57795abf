import { Prisma, type Station } from '../generated/prisma/client';
import { ACTIVE_BOOKING_STATUSES, ACTIVE_STATUSES_SQL } from '../scheduling/active-statuses';
import { chefIsFree } from '../scheduling/chef-is-free.sql';
import { assertDateInRange } from '../availability/get-availability';
import { earliestBookableStart, isOnGrid } from '../availability/start-times';
import { writeAudit } from '../audit/write-audit';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import { slotTakenError, translateDatabaseError } from '../errors/translate-database-error';
import { enqueueEmail } from '../outbox/enqueue-email';
import { calculateQuote } from '../pricing/calculate-quote';
import { findActiveStation } from '../stations/find-active-station';
import { localToInstant, parseLocalTime, todayInTimeZone } from '../time';
import { fieldError, parseInput } from '../validation';
import { generateBookingReference } from './booking-reference';
import {
  ZCreateBookingInput,
  type TCreateBookingValues,
  type TCreatedBooking,
} from './create-booking.schema';
import { expireHolds } from './expire-holds';
import { claimIdempotencyKey, hashRequest, storeIdempotentResponse } from './idempotency';
import { createManageToken, manageUrl, paymentUrl } from './manage-token';

const IDEMPOTENCY_SCOPE = 'booking.create';
const MINUTE = 60_000;

export type CreateBookingResult = {
  status: number;
  body: TCreatedBooking | Prisma.JsonValue;
  replayed: boolean;
};

type Tx = Prisma.TransactionClient;

/**
 * POST /api/bookings. Validates, prices server-side, holds the least busy free chef
 * with PENDING_PAYMENT until the hold expires, writes the outbox e-mail and audit row,
 * all in one transaction. The exclusion constraint has the last word: when a race is
 * lost the transaction is retried against fresh data, and when no chef is left the
 * caller gets 409 "just taken".
 */
export async function createBooking(options: {
  input: unknown;
  idempotencyKey?: string;
  requestId?: string;
  now?: Date;
}): Promise<CreateBookingResult> {
  const input = parseInput(ZCreateBookingInput, options.input);
  // Read fresh, not from the station cache: a booking takes the prices as they are now.
  const station = await findActiveStation(input.station, getDb());
  const window = resolveWindow(station, input, options.now ?? new Date());
  const requestHash = options.idempotencyKey ? hashRequest(options.input) : '';

  const maxAttempts = 8;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await getDb().$transaction(
        (tx) => insertBooking(tx, { ...options, input, station, window, requestHash }),
        {
          maxWait: 10_000,
          timeout: 15_000,
        },
      );
    } catch (error) {
      const translated = translateDatabaseError(error);
      const lostRace =
        translated?.details?.reason === 'SLOT_TAKEN' || translated?.details?.reason === 'DUPLICATE';
      if (!lostRace || attempt >= maxAttempts) throw translated ?? error;
    }
  }
}

type Window = { startsAt: Date; endsAt: Date; blockedUntil: Date };

function resolveWindow(station: Station, input: TCreateBookingValues, now: Date): Window {
  assertDateInRange(input.date, todayInTimeZone(station.timezone, now), 'date');
  const minute = parseLocalTime(input.time)!;
  if (!isOnGrid(station, minute)) {
    throw fieldError('time', 'Choose one of the offered start times');
  }
  const startsAt = localToInstant({ date: input.date, time: input.time }, station.timezone);
  if (!startsAt) throw fieldError('time', 'That time does not exist on this date (clocks change)');
  if (startsAt < earliestBookableStart(station, now)) {
    throw fieldError('date', `Please book at least ${station.minimumNoticeHours} hours ahead`);
  }
  const endsAt = new Date(startsAt.getTime() + input.durationMinutes * MINUTE);
  return {
    startsAt,
    endsAt,
    blockedUntil: new Date(endsAt.getTime() + station.bufferMinutes * MINUTE),
  };
}

async function insertBooking(
  tx: Tx,
  context: {
    input: TCreateBookingValues;
    station: Station;
    window: Window;
    idempotencyKey?: string;
    requestHash: string;
    requestId?: string;
  },
): Promise<CreateBookingResult> {
  const { input, station, window } = context;
  if (context.idempotencyKey) {
    const stored = await claimIdempotencyKey(
      tx,
      IDEMPOTENCY_SCOPE,
      context.idempotencyKey,
      context.requestHash,
    );
    if (stored) return { status: stored.status, body: stored.body, replayed: true };
  }
  // Read FOR KEY SHARE: a station being closed (locked FOR UPDATE) is waited for, then seen
  // closed, so no booking lands on a station the moment it stops taking them.
  const [open] = await tx.$queryRaw<{ active: boolean }[]>`
    SELECT active FROM "Station" WHERE id = ${station.id}::uuid FOR KEY SHARE`;
  if (!open?.active) throw fieldError('station', 'We do not serve that location');
  await expireHolds({ stationId: station.id, tx });

  const [customer] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Customer" (email, name, phone, "updatedAt")
    VALUES (${input.customer.email}, ${input.customer.name}, ${input.customer.phone}, now())
    ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone, "updatedAt" = now()
    RETURNING id`;
  const eventDate = new Date(`${input.date}T00:00:00Z`);
  const duplicate = await tx.booking.findFirst({
    where: {
      customerId: customer!.id,
      eventDate,
      status: { in: [...ACTIVE_BOOKING_STATUSES] },
    },
    select: { reference: true },
  });
  if (duplicate) {
    throw new AppError(
      'CONFLICT',
      'You already have a booking on this date. Manage it instead of booking twice.',
      {
        reason: 'DUPLICATE_BOOKING',
      },
    );
  }

  const chefId = await pickChef(tx, station, input.date, window);
  if (!chefId) throw slotTakenError();
  const quote = calculateQuote(station, input);
  const holdExpiresAt = new Date(Date.now() + station.holdMinutes * MINUTE);
  const booking = await tx.booking.create({
    data: {
      reference: generateBookingReference(),
      stationId: station.id,
      customerId: customer!.id,
      chefId,
      eventDate,
      startTime: input.time,
      ...window,
      durationMinutes: input.durationMinutes,
      adults: input.adults,
      children: input.children,
      addressLine1: input.address.line1,
      addressLine2: input.address.line2 ?? null,
      city: input.address.city,
      postalCode: input.address.postalCode,
      specialRequests: input.specialRequests ?? null,
      totalCents: quote.totalCents,
      depositCents: quote.depositCents,
      status: 'PENDING_PAYMENT',
      holdExpiresAt,
    },
  });

  const token = createManageToken(booking.reference, booking.endsAt);
  const body: TCreatedBooking = {
    reference: booking.reference,
    status: 'PENDING_PAYMENT',
    startsAt: booking.startsAt.toISOString(),
    date: input.date,
    time: input.time,
    timezone: station.timezone,
    totalCents: booking.totalCents,
    depositCents: booking.depositCents,
    holdExpiresAt: holdExpiresAt.toISOString(),
    paymentUrl: paymentUrl(booking.reference, token),
    manageUrl: manageUrl(booking.reference, token),
  };
  await enqueueEmail(tx, {
    kind: 'BOOKING_CONFIRMATION',
    recipient: input.customer.email,
    subject: `Your hibachi booking ${booking.reference}: pay the deposit to confirm`,
    payload: { stationName: station.name, ...body },
    bookingId: booking.id,
    stationId: station.id,
  });
  await writeAudit(tx, {
    actorType: 'CUSTOMER',
    actorId: customer!.id,
    stationId: station.id,
    entityType: 'Booking',
    entityId: booking.id,
    action: 'booking.created',
    after: {
      reference: booking.reference,
      status: booking.status,
      startsAt: body.startsAt,
      chefId,
      totalCents: booking.totalCents,
    },
    requestId: context.requestId,
  });
  if (context.idempotencyKey) {
    await storeIdempotentResponse(tx, IDEMPOTENCY_SCOPE, context.idempotencyKey, {
      status: 201,
      body,
    });
  }
  return { status: 201, body, replayed: false };
}

/**
 * The free chef with the fewest active events that day (ties: by name), or undefined. The
 * chef row is read FOR KEY SHARE: a chef being deactivated (locked FOR UPDATE) is waited for
 * and then skipped, so no booking lands on a chef who has just left.
 */
async function pickChef(
  tx: Tx,
  station: Station,
  date: string,
  window: Window,
): Promise<string | undefined> {
  const [chef] = await tx.$queryRaw<{ id: string }[]>`
    SELECT c.id
      FROM "Chef" c
     WHERE c."stationId" = ${station.id}::uuid
       AND c.active
       AND ${chefIsFree(Prisma.sql`${window.startsAt}::timestamptz`, Prisma.sql`${window.blockedUntil}::timestamptz`)}
     ORDER BY (SELECT count(*) FROM "Booking" d
                WHERE d."chefId" = c.id AND d."eventDate" = ${date}::date AND d.status IN ${ACTIVE_STATUSES_SQL}),
              c.name, c.id
     LIMIT 1
       FOR KEY SHARE OF c`;
  return chef?.id;
}
