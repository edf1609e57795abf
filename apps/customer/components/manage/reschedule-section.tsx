'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TCustomerBooking } from '@hibachi/core/bookings/customer-booking.schema';
import { ApiError } from '@hibachi/web/fetch-json';
import { formatInstant, formatLocalDate, formatTime } from '@hibachi/web/format';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { api } from '@/lib/api';
import { DayPicker, TimePicker } from '../booking/date-time-step';

type Proof = { email: string } | { token: string };

/**
 * "Change date or time" on the manage page: the station's open dates and start times (the
 * wizard's pickers, same duration), then one confirming click. Outside the station's policy
 * the section says why and whom to ask.
 */
export function RescheduleSection({
  booking,
  proof,
  onMoved,
}: {
  booking: TCustomerBooking;
  proof: Proof;
  onMoved: (booking: TCustomerBooking) => void;
}) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState<string>();
  const [time, setTime] = useState<string>();
  const [notice, setNotice] = useState('');
  const stations = useQuery({
    queryKey: ['stations'],
    queryFn: () => api.stations(),
    enabled: open,
  });
  const station = stations.data?.find((candidate) => candidate.slug === booking.station.slug);
  const move = useMutation({
    mutationFn: (slot: { date: string; time: string }) =>
      api.reschedule(booking.reference, { ...proof, ...slot, version: booking.version }),
    onSuccess: (moved) => {
      setOpen(false);
      setDate(undefined);
      setTime(undefined);
      setNotice(
        `Moved to ${formatLocalDate(moved.date)} at ${formatTime(moved.time)}. We have e-mailed you the new details with an updated calendar invite.`,
      );
      onMoved(moved);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.details?.reason === 'SLOT_TAKEN') setTime(undefined);
      void queryClient.invalidateQueries({ queryKey: ['availability'] });
      void queryClient.invalidateQueries({ queryKey: ['availability-days'] });
    },
  });
  const active = booking.status === 'PENDING_PAYMENT' || booking.status === 'CONFIRMED';
  if (!active) return null;
  const tz = booking.station.timezone;
  const error =
    move.error instanceof ApiError && move.error.details?.reason === 'SLOT_TAKEN'
      ? 'That time was just taken. Please pick another.'
      : move.error?.message;

  return (
    <section className="reschedule" aria-labelledby="reschedule-heading">
      <h3 id="reschedule-heading">Date and time</h3>
      {notice ? (
        <p className="notice success" role="status" data-testid="reschedule-outcome">
          {notice}
        </p>
      ) : null}
      {!booking.reschedule.allowed ? (
        <p className="muted small" data-testid="reschedule-policy">
          {booking.reschedule.left === 0
            ? 'This booking has been moved online as often as we allow.'
            : `Online changes closed on ${formatInstant(booking.reschedule.until, tz)}.`}{' '}
          To move it, reply to your confirmation e-mail or call {booking.station.name}.
        </p>
      ) : !open ? (
        <>
          <p className="muted small" data-testid="reschedule-policy">
            You can move your booking online until {formatInstant(booking.reschedule.until, tz)} (
            {booking.reschedule.left === 1 ? 'once more' : `${booking.reschedule.left} more times`}
            ). Your deposit and menu stay as they are.
          </p>
          <button type="button" className="button secondary" onClick={() => setOpen(true)}>
            Change date or time
          </button>
        </>
      ) : !station ? (
        <p aria-busy="true" className="muted">
          Loading open dates…
        </p>
      ) : (
        <div className="reschedule-picker">
          <WidgetBoundary title="Available dates">
            <DayPicker
              station={station}
              durationMinutes={booking.durationMinutes}
              date={date}
              onPick={(picked) => {
                setDate(picked);
                setTime(undefined);
              }}
            />
          </WidgetBoundary>
          {date ? (
            <WidgetBoundary title="Start times">
              <TimePicker
                station={station}
                durationMinutes={booking.durationMinutes}
                date={date}
                time={time}
                onPick={setTime}
              />
            </WidgetBoundary>
          ) : null}
          {error ? (
            <p className="notice error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                move.reset();
                setOpen(false);
              }}
            >
              Keep the current time
            </button>
            <button
              type="button"
              className="button"
              disabled={!date || !time || move.isPending}
              aria-busy={move.isPending}
              onClick={() => date && time && move.mutate({ date, time })}
            >
              {move.isPending
                ? 'Moving…'
                : date && time
                  ? `Move to ${formatLocalDate(date)} at ${formatTime(time)}`
                  : 'Pick a date and time'}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
