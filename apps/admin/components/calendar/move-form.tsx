'use client';

import type { CalendarEvent } from '@hibachi/core/bookings';

export type MoveTarget = { date: string; time: string; durationMinutes: number; chefId: string };

const DURATIONS = Array.from({ length: 15 }, (_, index) => 60 + index * 30);

/** The keyboard and touch way to move a booking: the same request a drag sends. */
export function MoveForm({
  event,
  chefs,
  busy,
  onMove,
  onCancel,
}: {
  event: CalendarEvent;
  chefs: { id: string; name: string; active: boolean }[];
  busy: boolean;
  onMove: (target: MoveTarget) => void;
  onCancel: () => void;
}) {
  return (
    <form
      className="move-form"
      aria-label={`Move ${event.reference}`}
      onSubmit={(submit) => {
        submit.preventDefault();
        const data = new FormData(submit.currentTarget);
        onMove({
          date: String(data.get('date')),
          time: String(data.get('time')),
          durationMinutes: Number(data.get('duration')),
          chefId: String(data.get('chef')),
        });
      }}
    >
      <div className="field">
        <label htmlFor="move-date">Date</label>
        <input
          id="move-date"
          name="date"
          type="date"
          defaultValue={event.date}
          required
          autoFocus
        />
      </div>
      <div className="field">
        <label htmlFor="move-time">Start</label>
        <input
          id="move-time"
          name="time"
          type="time"
          step={900}
          defaultValue={event.time}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="move-duration">Duration</label>
        <select id="move-duration" name="duration" defaultValue={event.durationMinutes}>
          {DURATIONS.map((minutes) => (
            <option key={minutes} value={minutes}>
              {Math.floor(minutes / 60)} h{minutes % 60 ? ` ${minutes % 60} min` : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="move-chef">Chef</label>
        <select id="move-chef" name="chef" defaultValue={event.chef.id}>
          {chefs
            .filter((chef) => chef.active || chef.id === event.chef.id)
            .map((chef) => (
              <option key={chef.id} value={chef.id}>
                {chef.name}
              </option>
            ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Moving…' : 'Move booking'}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
