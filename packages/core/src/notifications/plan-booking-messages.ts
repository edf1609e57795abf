import { getDb } from '../db/client';
import { DAY_BEFORE_HOURS, THANK_YOU_AFTER_HOURS } from './planned-message-rules';

export type PlannedMessages = { reminders: number; dayBefore: number; thankYou: number };

/**
 * The messages an event earns as its day approaches and passes, queued in the e-mail outbox
 * (so delivery, retries and the viewer stay one path) once they fall due at `now`:
 *
 * - a reminder `reminderDays` before a confirmed event (menu, lock deadline, balance);
 * - the day before (arrival details), 24 hours before it;
 * - a thank-you with the review link 18 hours after a completed event ends.
 *
 * What is due is derived from each booking as it is now, so a move moves its messages (the
 * key holds the start: a moved booking earns them for its new time), a cancellation or a
 * no-show leaves nothing due, and a booking made after a message's moment never gets it.
 * Each message is queued once however many instances plan at the same moment: its key
 * (kind, booking, start) is unique in the outbox. A message queued but not yet sent when the
 * booking moves or is cancelled is skipped at delivery (supersededReason).
 */
export async function planBookingMessages(now: Date = new Date()): Promise<PlannedMessages> {
  const rows = await getDb().$queryRaw<{ kind: string; n: number }[]>`
    WITH due AS (
      SELECT 'BOOKING_REMINDER'::"OutboxKind" AS kind, b.id, b."stationId", b.reference,
             b."startsAt", b."customerId",
             'Coming up: your hibachi chef for ' || b.reference AS subject
        FROM "Booking" b JOIN "Station" s ON s.id = b."stationId"
       WHERE b."startsAt" > ${now}::timestamptz + make_interval(hours => ${DAY_BEFORE_HOURS}::int)
         AND b."startsAt" <= ${now}::timestamptz + interval '31 days'
         AND b.status = 'CONFIRMED' AND s."sendReminder"
         AND b."startsAt" - make_interval(days => s."reminderDays") <= ${now}::timestamptz
         AND b."createdAt" < b."startsAt" - make_interval(days => s."reminderDays")
      UNION ALL
      SELECT 'BOOKING_DAY_BEFORE', b.id, b."stationId", b.reference, b."startsAt", b."customerId",
             'Tomorrow: your hibachi chef for ' || b.reference
        FROM "Booking" b JOIN "Station" s ON s.id = b."stationId"
       WHERE b."startsAt" > ${now}::timestamptz
         AND b."startsAt" <= ${now}::timestamptz + make_interval(hours => ${DAY_BEFORE_HOURS}::int)
         AND b.status = 'CONFIRMED' AND s."sendDayBefore"
         AND b."createdAt" < b."startsAt" - make_interval(hours => ${DAY_BEFORE_HOURS}::int)
      UNION ALL
      SELECT 'BOOKING_THANK_YOU', b.id, b."stationId", b.reference, b."startsAt", b."customerId",
             'Thank you for having us: ' || b.reference
        FROM "Booking" b JOIN "Station" s ON s.id = b."stationId"
       WHERE b."startsAt" > ${now}::timestamptz - interval '8 days'
         AND b."startsAt" <= ${now}::timestamptz
         AND b.status = 'COMPLETED' AND s."sendThankYou"
         AND b."endsAt" + make_interval(hours => ${THANK_YOU_AFTER_HOURS}::int) <= ${now}::timestamptz),
    queued AS (
      INSERT INTO "OutboxMessage" (kind, recipient, subject, payload, "bookingId", "stationId", "dedupeKey")
      SELECT due.kind, c.email, due.subject,
             jsonb_build_object('reference', due.reference,
                                'startsAt', to_char(due."startsAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
             due.id, due."stationId",
             due.kind || ':' || due.id || ':' || (extract(epoch FROM due."startsAt") * 1000)::bigint
        FROM due JOIN "Customer" c ON c.id = due."customerId"
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING kind)
    SELECT kind::text, count(*)::int AS n FROM queued GROUP BY kind`;
  const count = (kind: string) => rows.find((row) => row.kind === kind)?.n ?? 0;
  return {
    reminders: count('BOOKING_REMINDER'),
    dayBefore: count('BOOKING_DAY_BEFORE'),
    thankYou: count('BOOKING_THANK_YOU'),
  };
}
