'use client';

import type { UseMutationResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { TCreateStation } from '@hibachi/core/stations/station-settings.schema';
import { Field, SelectField } from '@hibachi/web/field';
import { hasFieldErrors } from '@hibachi/web/field-errors';
import { useApiForm } from '@hibachi/web/use-api-form';
import { timeZones } from '@/lib/time-zones';
import { toCreateStationInput, type NewStationValues } from './new-station-values';

/** Adds a station, closed to customers until it is prepared and opened. */
export function NewStationForm({
  create,
  onSubmit,
}: {
  create: UseMutationResult<unknown, Error, TCreateStation>;
  onSubmit: () => void;
}) {
  const zones = useMemo(() => timeZones('America/New_York'), []);
  const { form, fields, formProps } = useApiForm<NewStationValues, TCreateStation>({
    id: 'new-station',
    defaultValue: { name: '', slug: '', timezone: 'America/New_York' },
    toInput: toCreateStationInput,
    onValid: (body) => {
      onSubmit();
      create.mutate(body, { onSuccess: () => form.reset() });
    },
    error: create.error,
  });
  return (
    <form {...formProps} className="card invite-form" aria-labelledby="new-station-heading">
      <h2 id="new-station-heading">Add a station</h2>
      <div className="inline-form">
        <Field field={fields.name} label="Name" autoComplete="off" />
        <Field
          field={fields.slug}
          label={
            <>
              Address <span className="muted small">/book/</span>
            </>
          }
          autoComplete="off"
          placeholder="san-diego"
        />
        <SelectField field={fields.timezone} label="Time zone">
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add station'}
        </button>
      </div>
      {create.error && !hasFieldErrors(create.error) ? (
        <p className="field-error">{create.error.message}</p>
      ) : null}
      <p className="small muted">
        It starts closed, with hours 11:00-20:00 and the usual prices; prepare it in Settings.
      </p>
    </form>
  );
}
