'use client';

import { fieldText } from '@/lib/form-helpers';

export type MoveTarget = { date: string; time: string; durationMinutes: number; chefId?: string };

const DURATIONS = Array.from({ length: 15 }, (_, index) => 60 + index * 30);
const durationLabel = (minutes: number) =>
  `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;

/** What a move form asks for, read back from its fields. */
export function readMoveTarget(data: FormData): MoveTarget {
  const chefId = fieldText(data, 'chef');
  return {
    date: fieldText(data, 'date'),
    time: fieldText(data, 'time'),
    durationMinutes: Number(fieldText(data, 'duration')),
    ...(chefId ? { chefId } : {}),
  };
}

/**
 * The fields of a move (date, start, duration, and the chef when the screen knows them), shared
 * by the calendar's Move… form and the booking page's dialog; both send them to the same
 * endpoint, and the messages under the fields are the API schema's.
 */
export function MoveFields({
  current,
  chefs,
  errors = {},
  autoFocus = false,
}: {
  current: { date: string; time: string; durationMinutes: number; chefId: string };
  chefs?: { id: string; name: string; active: boolean }[];
  errors?: Record<string, string[] | undefined>;
  autoFocus?: boolean;
}) {
  const durations = DURATIONS.includes(current.durationMinutes)
    ? DURATIONS
    : [...DURATIONS, current.durationMinutes].sort((a, b) => a - b);
  const error = (field: string) => errors[field]?.[0];
  return (
    <>
      <div className="field">
        <label htmlFor="move-date">Date</label>
        <input
          id="move-date"
          name="date"
          type="date"
          defaultValue={current.date}
          required
          autoFocus={autoFocus}
          aria-invalid={error('date') ? true : undefined}
          aria-describedby="move-date-error"
        />
        <p id="move-date-error" className="field-error">
          {error('date')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="move-time">Start</label>
        <input
          id="move-time"
          name="time"
          type="time"
          step={900}
          defaultValue={current.time}
          required
          aria-invalid={error('time') ? true : undefined}
          aria-describedby="move-time-error"
        />
        <p id="move-time-error" className="field-error">
          {error('time')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="move-duration">Duration</label>
        <select id="move-duration" name="duration" defaultValue={current.durationMinutes}>
          {durations.map((minutes) => (
            <option key={minutes} value={minutes}>
              {durationLabel(minutes)}
            </option>
          ))}
        </select>
        <p className="field-error">{error('durationMinutes')}</p>
      </div>
      {chefs ? (
        <div className="field">
          <label htmlFor="move-chef">Chef</label>
          <select id="move-chef" name="chef" defaultValue={current.chefId}>
            {chefs
              .filter((chef) => chef.active || chef.id === current.chefId)
              .map((chef) => (
                <option key={chef.id} value={chef.id}>
                  {chef.name}
                </option>
              ))}
          </select>
          <p className="field-error">{error('chefId')}</p>
        </div>
      ) : null}
    </>
  );
}
