/**
 * The station's policy for the moves a customer makes online (the manage page): until
 * `rescheduleNoticeHours` before the event, at most `rescheduleLimit` times. The one rule the
 * booking's view (`reschedule`) and the move itself (409 RESCHEDULE_CLOSED / _LIMIT) read.
 */
export function customerReschedulePolicy(
  booking: {
    status: string;
    startsAt: Date;
    customerReschedules: number;
    station: { rescheduleNoticeHours: number; rescheduleLimit: number };
  },
  now: Date,
) {
  const until = new Date(
    booking.startsAt.getTime() - booking.station.rescheduleNoticeHours * 3_600_000,
  );
  const left = Math.max(0, booking.station.rescheduleLimit - booking.customerReschedules);
  const active = booking.status === 'PENDING_PAYMENT' || booking.status === 'CONFIRMED';
  return { allowed: active && now < until && left > 0, until: until.toISOString(), left };
}
