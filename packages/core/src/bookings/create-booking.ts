import { randomUUID } from 'node:crypto';
import { Prisma, type Station } from '../generated/prisma/client';
import { ACTIVE_STATUSES_SQL } from '../scheduling/active-statuses';
import { chefIsFree } from '../scheduling/chef-is-free.sql';
import { assertDateInRange } from '../availability/get-availability';
import { requireActiveStation, stationNotServedError } from '../stations/require-active-station';
import type { StationWithMenu } from '../stations/station-cache';
import { earliestBookableStart, isOnGrid } from '../availability/start-times';
import {
  closedDateMessage,
  dateRulesBetween,
  stationOnDate,
  type DateRule,
} from '../availability/station-dates';
import { auditInsertSql } from '../audit/write-audit';
import { getDb, preparedAs, runPrepared } from '../db/client';
import { AppError } from '../errors/app-error';
import {
  hasDatabaseCode,
  lostToConcurrentWrite,
  slotTakenError,
  translateDatabaseError,
} from '../errors/translate-database-error';
import { bookingWriteClock, type BookingWriteStep } from '../metrics/write-steps';
import { emailInsertSql } from '../notifications/enqueue-email';
import { priceEvent } from '../pricing/price-event';
import { localToInstant, parseLocalTime, todayInTimeZone, toDbDate } from '../time';
import { fieldError, parseInput } from '../validation';
import { generateBookingReference } from './booking-reference';
import {
  ZCreateBookingInput,
  type TCreateBookingValues,
  type TAdjustmentInput,
  type TCreatedBooking,
  type TStaffCreatedBooking,
} from './create-booking.schema';
import { expireHolds } from './expire-holds';
import {
  claimWithResponseSql,
  hashRequest,
  storedResponse,
  type StoredResponse,
} from './idempotency';
import { createManageToken, manageUrl, paymentUrl, proposalUrl } from '../links/booking-link';
import { required } from '../platform/required';
import { sealCustomer } from '../crypto/customer-fields';
import { blindIndex, seal, sealOptional } from '../crypto/field-crypto';
import { toPriceAdjustment } from '../pricing/calculate-quote';
import { currentTerms } from '../terms/current-terms';

const MINUTE = 60_000;

/**
 * Who places the booking: a customer on the website, or staff taking a phone or text order
 * (they may book inside the minimum notice and choose the chef; the hold is the station's
 * longer one for staff, since the customer pays later from the link they are sent).
 */
export type BookingChannel =
  | { kind: 'website'; clientAddress?: string }
  | {
      kind: 'staff';
      staffId: string;
      chefId?: string;
      /** Discounts and surcharges, each with its reason (audited). */
      adjustments: TAdjustmentInput[];
      /** A manager's deposit instead of the station's (never more than the total). */
      depositCents?: number;
    };

/** Each channel's keys apart: a staff member's key never replays a customer's answer. */
const idempotencyScope = (channel: BookingChannel) =>
  channel.kind === 'staff' ? 'booking.create.staff' : 'booking.create';

export type CreateBookingResult = {
  status: number;
  body: TCreatedBooking | TStaffCreatedBooking | Prisma.JsonValue;
  replayed: boolean;
};

/**
 * POST /api/bookings. Validates, prices server-side, holds the least busy free chef
 * with PENDING_PAYMENT until the hold expires, writes the outbox e-mail and audit row (and
 * the Idempotency-Key with its response), all in one statement: one round trip, atomic
 * without a transaction around it. The exclusion constraint has the last word: when a race
 * is lost the statement is retried against fresh data, and when no chef is left the caller
 * gets 409 "just taken".
 */
export async function createBooking(options: {
  input: unknown;
  idempotencyKey?: string;
  requestId?: string;
  clientAddress?: string;
  now?: Date;
}): Promise<CreateBookingResult> {
  const lap = bookingWriteClock();
  const input = parseInput(ZCreateBookingInput, options.input);
  lap('validate');
  return placeBooking(
    input,
    { kind: 'website', clientAddress: options.clientAddress },
    { ...options, lap },
  );
}

/**
 * The one booking use case behind both channels (the website's POST /api/bookings and staff's
 * POST /api/admin/bookings): every rule holds for both, bar the channel's own (see above).
 */
export async function placeBooking(
  input: TCreateBookingValues,
  channel: BookingChannel,
  options: {
    input: unknown;
    idempotencyKey?: string;
    requestId?: string;
    now?: Date;
    lap?: (step: BookingWriteStep) => void;
  },
): Promise<CreateBookingResult> {
  const lap = options.lap ?? (() => undefined);
  const now = options.now ?? new Date();
  const requestHash = options.idempotencyKey ? hashRequest(options.input) : '';

  const maxAttempts = 8;
  let stationFromDatabase = false;
  let lostRace = false;
  // Most dates keep the station's usual hours: the first attempt assumes so, and the
  // statement checks it (a date with a rule of its own is answered by the next attempt).
  let dateRule: RuleGuess = { rule: undefined, confirmed: false };
  for (let attempt = 1; ; attempt += 1) {
    // The instance's copy of the station; the statement checks it against the row (version
    // and active), and a stale copy costs one more attempt with the row read afresh.
    const station = await requireActiveStation(
      input.station,
      stationFromDatabase ? getDb() : undefined,
    );
    try {
      // Lapsed holds still sit in the constraints until the sweep marks them. The first
      // attempt does not look for them (the free-chef check already ignores them); if one is
      // in the way the insert fails, and the retry expires the station's first.
      if (lostRace) await expireHolds({ stationId: station.id });
      lap('station');
      const attemptResult = await insertBooking(station, {
        ...options,
        channel,
        input,
        now,
        requestHash,
        dateRule,
        lap,
      });
      if (attemptResult.kind === 'answered') return attemptResult.result;
      if (attemptResult.kind === 'stale-station') stationFromDatabase = true;
      else dateRule = { rule: attemptResult.rule, confirmed: true };
      lostRace = false;
      if (attempt >= maxAttempts) throw slotTakenError();
    } catch (error) {
      // Lost to a concurrent writer: the chef's window (exclusion constraint), the customer's
      // date (unique index; the retry's own check then answers DUPLICATE_BOOKING), a deadlock.
      lostRace =
        hasDatabaseCode(error, '23P01') ||
        hasDatabaseCode(error, '23505') ||
        lostToConcurrentWrite(error);
      if (!lostRace || attempt >= maxAttempts) throw translateDatabaseError(error) ?? error;
    }
  }
}

type Window = { startsAt: Date; endsAt: Date; blockedUntil: Date };

function resolveWindow(
  station: Station,
  input: TCreateBookingValues,
  now: Date,
  rule: DateRule | undefined,
  channel: BookingChannel,
): Window {
  assertDateInRange(input.date, todayInTimeZone(station.timezone, now), 'date');
  const minute = required(parseLocalTime(input.time), 'start time');
  const thatDay = stationOnDate(station, rule);
  if (!thatDay) throw fieldError('date', closedDateMessage(rule));
  if (!isOnGrid(thatDay, minute)) {
    throw fieldError('time', 'Choose one of the offered start times');
  }
  const startsAt = localToInstant({ date: input.date, time: input.time }, station.timezone);
  if (!startsAt) throw fieldError('time', 'That time does not exist on this date (clocks change)');
  if (channel.kind === 'staff') {
    if (startsAt <= now) throw fieldError('time', 'That start time has passed');
  } else if (startsAt < earliestBookableStart(station, now)) {
    throw fieldError('date', `Please book at least ${station.minimumNoticeHours} hours ahead`);
  }
  const endsAt = new Date(startsAt.getTime() + input.durationMinutes * MINUTE);
  return {
    startsAt,
    endsAt,
    blockedUntil: new Date(endsAt.getTime() + station.bufferMinutes * MINUTE),
  };
}

/** The date's rule as an attempt takes it: assumed (none), or as the database last said. */
type RuleGuess = { rule: DateRule | undefined; confirmed: boolean };

/**
 * One attempt: the answer; or "our copy of the station is stale: read it again and retry";
 * or "the date has another rule than the one assumed: this one; retry with it".
 */
type AttemptResult =
  | { kind: 'answered'; result: CreateBookingResult }
  | { kind: 'stale-station' }
  | { kind: 'other-rule'; rule: DateRule | undefined };

type Outcome = {
  stationActive: boolean | null;
  stationVersion: number | null;
  duplicate: boolean;
  ruleAsAssumed: boolean;
  dateRule: DateRule | null;
  chefId: string | null;
  booked: number;
  existingKey: {
    requestHash: string;
    responseStatus: number | null;
    responseBody: Prisma.JsonValue;
  } | null;
};

async function insertBooking(
  station: StationWithMenu,
  context: {
    input: TCreateBookingValues;
    channel: BookingChannel;
    now: Date;
    idempotencyKey?: string;
    requestHash: string;
    requestId?: string;
    dateRule: RuleGuess;
    lap: (step: BookingWriteStep) => void;
  },
): Promise<AttemptResult> {
  const { input, channel, lap } = context;
  let rule = context.dateRule;
  let window: Window;
  try {
    window = resolveWindow(station, input, context.now, rule.rule, channel);
  } catch (error) {
    if (rule.confirmed) throw error;
    // Refused under the usual hours: the date's own rule says what the customer is told
    // (closed that day, say, before the time).
    const rules = await dateRulesBetween(station.id, input.date, input.date);
    rule = { rule: rules.get(input.date), confirmed: true };
    window = resolveWindow(station, input, context.now, rule.rule, channel);
  }
  const expected = rule.rule;
  lap('window');
  const eventDate = toDbDate(input.date);
  // Priced (menu checked, travel fee or refusal for the address) before anything is held.
  const adjustments = channel.kind === 'staff' ? channel.adjustments.map(toPriceAdjustment) : [];
  const { quote, lines, travel } = priceEvent(station, {
    party: input,
    menu: input.menu,
    postalCode: input.address.postalCode,
    postalCodeField: 'address.postalCode',
    currency: input.currency,
    adjustments,
  });
  const depositCents =
    channel.kind === 'staff' && channel.depositCents !== undefined
      ? Math.min(channel.depositCents, quote.totalCents)
      : quote.depositCents;
  const terms = await acceptedTerms(station.id, input.acceptTerms);
  const staffId = channel.kind === 'staff' ? channel.staffId : null;
  const chosenChefId = channel.kind === 'staff' ? (channel.chefId ?? null) : null;
  const holdMinutes = channel.kind === 'staff' ? station.staffHoldHours * 60 : station.holdMinutes;
  // A hold never outlasts the event's start (staff may book a few hours ahead).
  const holdExpiresAt = new Date(
    Math.min(Date.now() + holdMinutes * MINUTE, window.startsAt.getTime()),
  );
  const scope = idempotencyScope(channel);
  const bookingId = randomUUID();
  const reference = generateBookingReference();
  const token = createManageToken(reference, window.endsAt);
  const body: TCreatedBooking | TStaffCreatedBooking = {
    ...(staffId ? { id: bookingId, proposalUrl: proposalUrl(reference, token) } : {}),
    reference,
    status: 'PENDING_PAYMENT',
    startsAt: window.startsAt.toISOString(),
    date: input.date,
    time: input.time,
    timezone: station.timezone,
    totalCents: quote.totalCents,
    depositCents,
    currency: station.currency,
    holdExpiresAt: holdExpiresAt.toISOString(),
    paymentUrl: paymentUrl(reference, token),
    manageUrl: manageUrl(reference, token),
  };
  const key = context.idempotencyKey;
  const customer = sealCustomer(input.customer);
  const email = emailInsertSql(
    {
      kind: 'BOOKING_CONFIRMATION',
      recipient: input.customer.email,
      subject: `Your hibachi booking ${reference}: pay the deposit to confirm`,
      payload: { stationName: station.name, ...body },
      bookingId,
      stationId: station.id,
    },
    Prisma.sql`booking`,
  );
  const audit = auditInsertSql(
    {
      actorType: staffId ? 'STAFF' : 'CUSTOMER',
      stationId: station.id,
      entityType: 'Booking',
      entityId: bookingId,
      action: 'booking.created',
      after: {
        reference,
        status: 'PENDING_PAYMENT',
        startsAt: body.startsAt,
        totalCents: quote.totalCents,
        currency: station.currency,
        source: staffId ? 'STAFF' : 'WEBSITE',
        menu: lines.map((line) => ({ item: line.name, quantity: line.quantity })),
        ...(channel.kind === 'staff' && channel.adjustments.length > 0
          ? { adjustments: channel.adjustments.map(toAdjustmentRow) }
          : {}),
        ...(channel.kind === 'staff' && channel.depositCents !== undefined ? { depositCents } : {}),
        ...(terms ? { termsVersion: terms.version } : {}),
      },
      requestId: context.requestId,
    },
    {
      rows: Prisma.sql`booking`,
      actorId: Prisma.sql`coalesce(${staffId}::text, booking."customerId"::text)`,
      addToAfter: Prisma.sql`jsonb_build_object('chefId', booking."chefId")`,
    },
  );
  // Each step reads the one before it, so a step with no row writes nothing after it:
  //   station   the row as it is now, read FOR KEY SHARE: a station being closed (locked FOR
  //             UPDATE) is waited for, then seen closed. Our copy must be its version.
  //   date_rule the date's rule (closed, or other hours), which must be the one the window
  //             was checked against: none, unless an earlier attempt was told otherwise.
  //   same_date whether this customer (by e-mail) already holds this date. One committed
  //             meanwhile is caught by the unique index and the retry.
  //   chef      the free chef with the fewest active events that day (ties: by name), read
  //             FOR KEY SHARE: a chef being deactivated is waited for and then skipped.
  //   claim     the Idempotency-Key with the response it replays (a request sharing the key
  //             waits for this one, then claims nothing); without a key, just the chef's row.
  //   customer, booking, email, audit: written together, or (a constraint refusing the
  //             booking) none of them.
  // Run on the pool without Prisma: its raw-query path cost more than the statement.
  lap('prepare');
  const [outcome] = await runPrepared<Outcome>(Prisma.sql`${preparedAs('booking_create')}
    WITH station AS (
      SELECT id, version, active FROM "Station" WHERE id = ${station.id}::uuid FOR KEY SHARE),
    existing_key AS (
      SELECT "requestHash", "responseStatus", "responseBody" FROM "IdempotencyKey"
       WHERE scope = ${scope} AND key = ${key ?? null}::text),
    date_rule AS (
      SELECT closed, "firstStartMinute", "lastStartMinute", note FROM "StationDate"
       WHERE "stationId" = ${station.id}::uuid AND date = ${eventDate}::date),
    rule_as_assumed AS (
      SELECT CASE WHEN ${expected === undefined}::boolean THEN NOT EXISTS (SELECT 1 FROM date_rule)
                  ELSE EXISTS (
                    SELECT 1 FROM date_rule r
                     WHERE r.closed = ${expected?.closed ?? false}::boolean
                       AND r."firstStartMinute" IS NOT DISTINCT FROM ${expected?.firstStartMinute ?? null}::int
                       AND r."lastStartMinute" IS NOT DISTINCT FROM ${expected?.lastStartMinute ?? null}::int)
             END AS yes),
    same_date AS (
      SELECT EXISTS (
        SELECT 1 FROM "Booking" b JOIN "Customer" cu ON cu.id = b."customerId"
         WHERE cu."emailHash" = ${customer.emailHash} AND b."eventDate" = ${eventDate}::date
           AND b.status IN ${ACTIVE_STATUSES_SQL}) AS found),
    chef AS (
      SELECT c.id
        FROM "Chef" c, station
       WHERE station.active AND station.version = ${station.version}::int
         AND (SELECT yes FROM rule_as_assumed)
         AND NOT (SELECT found FROM same_date) AND NOT EXISTS (SELECT 1 FROM existing_key)
         AND c."stationId" = station.id AND c.active
         AND (${chosenChefId}::uuid IS NULL OR c.id = ${chosenChefId}::uuid)
         AND ${chefIsFree(Prisma.sql`${window.startsAt}::timestamptz`, Prisma.sql`${window.blockedUntil}::timestamptz`)}
       ORDER BY (SELECT count(*) FROM "Booking" d
                  WHERE d."chefId" = c.id AND d."eventDate" = ${eventDate}::date
                    AND d.status IN ${ACTIVE_STATUSES_SQL}),
                c.name, c.id
       LIMIT 1
         FOR KEY SHARE OF c),
    claim AS (${
      key
        ? claimWithResponseSql(
            {
              scope,
              key,
              requestHash: context.requestHash,
              response: { status: 201, body },
            },
            Prisma.sql`chef`,
          )
        : Prisma.sql`SELECT id FROM chef`
    }),
    customer AS (
      INSERT INTO "Customer" (email, "emailHash", name, phone, "phoneHash", "updatedAt")
      SELECT ${customer.email}::text, ${customer.emailHash}::text, ${customer.name}::text,
             ${customer.phone}::text, ${customer.phoneHash}::text, now()
        FROM claim
      ON CONFLICT ("emailHash") DO UPDATE
        SET name = EXCLUDED.name, phone = EXCLUDED.phone, "phoneHash" = EXCLUDED."phoneHash",
            "updatedAt" = now()
      RETURNING id),
    booking AS (
      INSERT INTO "Booking" (id, reference, "stationId", "customerId", "chefId", "eventDate",
                             "startTime", "startsAt", "endsAt", "blockedUntil", "durationMinutes",
                             adults, children, "addressLine1", "addressLine2", city, "postalCode",
                             "specialRequests", "totalCents", "depositCents", currency,
                             "adultPriceCents", "childPriceCents", "minimumCents",
                             "travelFeeCents", "travelLabel", status, "holdExpiresAt", source,
                             "createdByStaffId", "updatedAt")
      SELECT ${bookingId}::uuid, ${reference}::text, ${station.id}::uuid, customer.id, chef.id,
             ${eventDate}::date, ${input.time}::text, ${window.startsAt}::timestamptz,
             ${window.endsAt}::timestamptz, ${window.blockedUntil}::timestamptz,
             ${input.durationMinutes}::int, ${input.adults}::int, ${input.children}::int,
             ${seal(input.address.line1)}::text, ${sealOptional(input.address.line2)}::text,
             ${input.address.city}::text, ${input.address.postalCode}::text,
             ${sealOptional(input.specialRequests)}::text, ${quote.totalCents}::int,
             ${depositCents}::int, ${station.currency}::text, ${station.adultPriceCents}::int,
             ${station.childPriceCents}::int, ${station.minimumCents}::int,
             ${travel?.feeCents ?? 0}::int, ${travel?.label ?? null}::text,
             'PENDING_PAYMENT', ${holdExpiresAt}::timestamptz,
             ${staffId ? 'STAFF' : 'WEBSITE'}::"BookingSource", ${staffId}::uuid, now()
        FROM customer, chef
      RETURNING id, "customerId", "chefId"),
    menu_lines AS (
      INSERT INTO "BookingMenuLine" ("bookingId", "itemId", kind, name, "unitPriceCents", quantity)
      SELECT booking.id, line."itemId", line.kind::"MenuItemKind", line.name, line."unitPriceCents",
             line.quantity
        FROM booking, jsonb_to_recordset(${JSON.stringify(lines)}::jsonb)
             AS line("itemId" uuid, kind text, name text, "unitPriceCents" int, quantity int)),
    adjustments AS (
      INSERT INTO "BookingAdjustment" ("bookingId", kind, percent, "amountCents", label, reason,
                                       "createdByStaffId")
      SELECT booking.id, a.kind::"AdjustmentKind", a.percent, a."amountCents", a.label, a.reason,
             ${staffId}::uuid
        FROM booking, jsonb_to_recordset(${JSON.stringify(
          channel.kind === 'staff' ? channel.adjustments.map(toAdjustmentRow) : [],
        )}::jsonb) AS a(kind text, percent int, "amountCents" int, label text, reason text)),
    acceptance AS (
      INSERT INTO "TermsAcceptance" ("bookingId", "proposalVersion", "termsId", "acceptedName",
                                     "totalCents", "clientAddressHash", "acceptedAt")
      SELECT booking.id, 1, ${terms?.id ?? null}::uuid,
             ${terms ? seal(input.customer.name) : null}::text, ${quote.totalCents}::int,
             ${clientAddressHash(channel, terms)}::text, now()
        FROM booking WHERE ${terms?.id ?? null}::uuid IS NOT NULL),
    email AS (${email}),
    audit AS (${audit})
    SELECT (SELECT active FROM station) AS "stationActive",
           (SELECT version FROM station) AS "stationVersion",
           (SELECT found FROM same_date) AS duplicate,
           (SELECT yes FROM rule_as_assumed) AS "ruleAsAssumed",
           (SELECT row_to_json(r) FROM date_rule r) AS "dateRule",
           (SELECT id FROM chef) AS "chefId",
           (SELECT count(*) FROM booking)::int AS booked,
           (SELECT row_to_json(k) FROM existing_key k) AS "existingKey"`);
  lap('statement');

  if (!outcome) throw new Error('the booking statement returned no row');
  if (outcome.existingKey)
    return answered(replay(storedResponse(outcome.existingKey, context.requestHash)));
  if (!outcome.stationActive) throw stationNotServedError();
  if (outcome.stationVersion !== station.version) return { kind: 'stale-station' };
  if (!outcome.ruleAsAssumed) return { kind: 'other-rule', rule: outcome.dateRule ?? undefined };
  if (outcome.duplicate) {
    throw new AppError(
      'CONFLICT',
      'You already have a booking on this date. Manage it instead of booking twice.',
      { details: { reason: 'DUPLICATE_BOOKING' } },
    );
  }
  if (!outcome.chefId) throw slotTakenError();
  if (outcome.booked === 1) return answered({ status: 201, body, replayed: false });
  if (key === undefined) throw new Error('the booking statement made no booking and said no why');
  // A request sharing the key committed while this one waited on it: its response.
  const claimed = await getDb().idempotencyKey.findUnique({
    where: { scope_key: { scope, key } },
  });
  return answered(replay(storedResponse(claimed, context.requestHash)));
}

const answered = (result: CreateBookingResult): AttemptResult => ({ kind: 'answered', result });

const toAdjustmentRow = (adjustment: TAdjustmentInput) => ({
  ...toPriceAdjustment(adjustment),
  reason: adjustment.reason,
});

/** The keyed hash an online acceptance keeps of the client address (never the address). */
const clientAddressHash = (channel: BookingChannel, terms: unknown): string | null =>
  terms && channel.kind === 'website' && channel.clientAddress
    ? blindIndex('clientAddress', channel.clientAddress)
    : null;

/**
 * The terms a website customer accepted on the review step: the station's current version
 * (a version published while they read is refused, so they read the new one), or none.
 */
async function acceptedTerms(
  stationId: string,
  accepted: { version: number } | undefined,
): Promise<{ id: string; version: number } | undefined> {
  if (!accepted) return undefined;
  const terms = await currentTerms(stationId);
  if (terms.version !== accepted.version)
    throw new AppError(
      'CONFLICT',
      'The terms changed while you were booking. Please read them again.',
      {
        details: { reason: 'TERMS_CHANGED', termsVersion: terms.version },
      },
    );
  return { id: terms.id, version: terms.version };
}

const replay = (stored: StoredResponse): CreateBookingResult => ({
  status: stored.status,
  body: stored.body,
  replayed: true,
});
