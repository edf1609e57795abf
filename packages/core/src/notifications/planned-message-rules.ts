/**
 * When a booking's planned messages fall due: the one rule the planner's statement and the
 * booking page's preview both use. Browser-safe.
 */
export const DAY_BEFORE_HOURS = 24;
export const THANK_YOU_AFTER_HOURS = 18;
const HOUR = 3_600_000;

export type PlannedKind = 'BOOKING_REMINDER' | 'BOOKING_DAY_BEFORE' | 'BOOKING_THANK_YOU';

export const PLANNED_LABELS: Record<PlannedKind, string> = {
  BOOKING_REMINDER: 'Reminder',
  BOOKING_DAY_BEFORE: 'The day before',
  BOOKING_THANK_YOU: 'Thank-you',
};

export type PlannedMessage = {
  kind: PlannedKind;
  at: string;
  /** PLANNED: will be queued then; OFF: the station does not send it; SKIPPED: booked after its moment. */
  state: 'PLANNED' | 'OFF' | 'SKIPPED';
};

/**
 * The messages still to come for a booking (those already queued are in its e-mails): the
 * reminder and the day-before message for a confirmed event ahead, the thank-you once it is
 * (or will be) completed. A booking made after a message's moment never gets that one.
 */
export function plannedMessages(
  booking: { status: string; startsAt: Date; endsAt: Date; createdAt: Date },
  station: {
    reminderDays: number;
    sendReminder: boolean;
    sendDayBefore: boolean;
    sendThankYou: boolean;
  },
  queuedKinds: readonly string[],
  now: Date,
): PlannedMessage[] {
  const confirmed = booking.status === 'CONFIRMED';
  const candidates: { kind: PlannedKind; at: Date; on: boolean; applies: boolean }[] = [
    {
      kind: 'BOOKING_REMINDER',
      at: new Date(booking.startsAt.getTime() - station.reminderDays * 24 * HOUR),
      on: station.sendReminder,
      applies: confirmed,
    },
    {
      kind: 'BOOKING_DAY_BEFORE',
      at: new Date(booking.startsAt.getTime() - DAY_BEFORE_HOURS * HOUR),
      on: station.sendDayBefore,
      applies: confirmed,
    },
    {
      kind: 'BOOKING_THANK_YOU',
      at: new Date(booking.endsAt.getTime() + THANK_YOU_AFTER_HOURS * HOUR),
      on: station.sendThankYou,
      applies: confirmed || booking.status === 'COMPLETED',
    },
  ];
  return candidates
    .filter((candidate) => candidate.applies && !queuedKinds.includes(candidate.kind))
    .filter(
      (candidate) =>
        candidate.kind === 'BOOKING_THANK_YOU' ||
        candidate.at > now ||
        booking.createdAt >= candidate.at,
    )
    .map((candidate) => ({
      kind: candidate.kind,
      at: candidate.at.toISOString(),
      state: !candidate.on ? 'OFF' : booking.createdAt >= candidate.at ? 'SKIPPED' : 'PLANNED',
    }));
}
