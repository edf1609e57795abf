'use client';

import { Field, SelectField } from '@hibachi/web/field';
import type { ApiFormFields } from '@hibachi/web/use-api-form';
import type { MoveValues } from './move-values';

export type { MoveTarget } from './move-values';

const DURATIONS = Array.from({ length: 15 }, (_, index) => 60 + index * 30);
const durationLabel = (minutes: number) =>
  `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;

/**
 * The fields of a move (date, start, duration, and the chef when the screen knows them), shared
 * by the calendar's Move… form and the booking page's dialog; both send them to the same
 * endpoint, and the messages under the fields are the API schema's.
 */
export function MoveFields({
  fields,
  durationMinutes,
  chefs,
  currentChefId,
  autoFocus = false,
}: {
  fields: ApiFormFields<MoveValues>;
  /** The booking's duration now (offered even when it is not on the usual list). */
  durationMinutes: number;
  chefs?: { id: string; name: string; active: boolean }[];
  currentChefId?: string;
  autoFocus?: boolean;
}) {
  const durations = DURATIONS.includes(durationMinutes)
    ? DURATIONS
    : [...DURATIONS, durationMinutes].sort((a, b) => a - b);
  return (
    <>
      <Field field={fields.date} label="Date" type="date" required autoFocus={autoFocus} />
      <Field field={fields.time} label="Start" type="time" step={900} required />
      <SelectField field={fields.durationMinutes} label="Duration">
        {durations.map((minutes) => (
          <option key={minutes} value={minutes}>
            {durationLabel(minutes)}
          </option>
        ))}
      </SelectField>
      {chefs ? (
        <SelectField field={fields.chefId} label="Chef">
          {chefs
            .filter((chef) => chef.active || chef.id === currentChefId)
            .map((chef) => (
              <option key={chef.id} value={chef.id}>
                {chef.name}
              </option>
            ))}
        </SelectField>
      ) : null}
    </>
  );
}
