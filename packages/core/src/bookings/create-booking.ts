import { randomUUID } from 'node:crypto';
import { Prisma, type Station } from '../generated/prisma/client';
import { ACTIVE_STATUSES_SQL } from '../scheduling/active-statuses';
import { chefIsFree } from '../scheduling/chef-is-free.sql';
import { assertDateInRange } from '../availability/get-availability';
import { earliestBookableStart, isOnGrid } from '../availability/start-times';
import { auditInsertSql } from '../audit/write-audit';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import { slotTakenError, translateDatabaseError } from '../errors/translate-database-error';
import { emailInsertSql } from '../outbox/enqueue-email';
import { calculateQuote } from '../pricing/calculate-quote';
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
  const now = options.now ?? new Date();
  const requestHash = options.idempotencyKey ? hashRequest(options.input) : '';

  const maxAttempts = 8;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await getDb().$transaction(
        (tx) =>
          insertBooking(tx, {
            ...options,
            input,
            now,
            requestHash,
            // Lapsed holds still sit in the constraints until the sweep marks them. The first
            // attempt does not look for them (the free-chef check already ignores them); if
            // one is in the way the insert fails, and the retry expires the station's first.
            expireLapsedHolds: attempt > 1,
          }),
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
    now: Date;
    idempotencyKey?: string;
    requestHash: string;
    requestId?: string;
    expireLapsedHolds: boolean;
  },
): Promise<CreateBookingResult> {
  const { input } = context;
  if (context.idempotencyKey) {
    const stored = await claimIdempotencyKey(
      tx,
      IDEMPOTENCY_SCOPE,
      context.idempotencyKey,
      context.requestHash,
    );
    if (stored) return { status: stored.status, body: stored.body, replayed: true };
  }
  // The station as it is now (a booking takes today's prices, not the cache's), read FOR KEY
  // SHARE: a station being closed (locked FOR UPDATE) is waited for, then seen closed, so no
  // booking lands on a station the moment it stops taking them.
  const [station] = await tx.$queryRaw<Station[]>`
    SELECT * FROM "Station" WHERE slug = ${input.station} FOR KEY SHARE`;
  if (!station?.active) throw fieldError('station', 'We do not serve that location');
  const window = resolveWindow(station, input, context.now);
  if (context.expireLapsedHolds) await expireHolds({ stationId: station.id, tx });

  // The customer, and whether they already hold this date, in one round trip. A booking of
  // theirs committed meanwhile is caught by the unique index and the retry.
  const eventDate = new Date(`${input.date}T00:00:00Z`);
  const [customer] = await tx.$queryRaw<{ id: string; duplicate: boolean }[]>`
    WITH customer AS (
      INSERT INTO "Customer" (email, name, phone, "updatedAt")
      VALUES (${input.customer.email}, ${input.customer.name}, ${input.customer.phone}, now())
      ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone, "updatedAt" = now()
      RETURNING id)
    SELECT id, EXISTS (
             SELECT 1 FROM "Booking" b
              WHERE b."customerId" = customer.id AND b."eventDate" = ${eventDate}::date
                AND b.status IN ${ACTIVE_STATUSES_SQL}) AS duplicate
      FROM customer`;
  if (customer!.duplicate) {
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
  const bookingId = randomUUID();
  const reference = generateBookingReference();
  const token = createManageToken(reference, window.endsAt);
  const body: TCreatedBooking = {
    reference,
    status: 'PENDING_PAYMENT',
    startsAt: window.startsAt.toISOString(),
    date: input.date,
    time: input.time,
    timezone: station.timezone,
    totalCents: quote.totalCents,
    depositCents: quote.depositCents,
    holdExpiresAt: holdExpiresAt.toISOString(),
    paymentUrl: paymentUrl(reference, token),
    manageUrl: manageUrl(reference, token),
  };
  const email = emailInsertSql({
    kind: 'BOOKING_CONFIRMATION',
    recipient: input.customer.email,
    subject: `Your hibachi booking ${reference}: pay the deposit to confirm`,
    payload: { stationName: station.name, ...body },
    bookingId,
    stationId: station.id,
  });
  const audit = auditInsertSql({
    actorType: 'CUSTOMER',
    actorId: customer!.id,
    stationId: station.id,
    entityType: 'Booking',
    entityId: bookingId,
    action: 'booking.created',
    after: {
      reference,
      status: 'PENDING_PAYMENT',
      startsAt: body.startsAt,
      chefId,
      totalCents: quote.totalCents,
    },
    requestId: context.requestId,
  });
  // The booking, its e-mail and its audit row in one statement (one round trip): when the
  // constraints refuse the booking, none of the three is written.
  await tx.$executeRaw`
    WITH booking AS (
      INSERT INTO "Booking" (id, reference, "stationId", "customerId", "chefId", "eventDate",
                             "startTime", "startsAt", "endsAt", "blockedUntil", "durationMinutes",
                             adults, children, "addressLine1", "addressLine2", city, "postalCode",
                             "specialRequests", "totalCents", "depositCents", status,
                             "holdExpiresAt", "updatedAt")
      VALUES (${bookingId}::uuid, ${reference}, ${station.id}::uuid, ${customer!.id}::uuid,
              ${chefId}::uuid, ${eventDate}::date, ${input.time}, ${window.startsAt},
              ${window.endsAt}, ${window.blockedUntil}, ${input.durationMinutes}, ${input.adults},
              ${input.children}, ${input.address.line1}, ${input.address.line2 ?? null},
              ${input.address.city}, ${input.address.postalCode}, ${input.specialRequests ?? null},
              ${quote.totalCents}, ${quote.depositCents}, 'PENDING_PAYMENT', ${holdExpiresAt}, now())
      RETURNING id),
    email AS (${email} RETURNING id),
    audit AS (${audit} RETURNING id)
    SELECT (SELECT count(*) FROM booking) + (SELECT count(*) FROM email) + (SELECT count(*) FROM audit)`;
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
