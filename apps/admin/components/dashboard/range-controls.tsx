'use client';

import { useState } from 'react';
import { ZAnalyticsQuery } from '@hibachi/core/analytics/analytics.schema';
import { fieldErrors } from '@hibachi/core/validation/client';
import { formatLocalDate } from '@hibachi/web/format';
import { RANGE_PRESETS, type DateRange, type RangePreset } from '@/lib/date-ranges';
import { onFormSubmit } from '@/lib/form-helpers';

const PRESETS = Object.keys(RANGE_PRESETS) as RangePreset[];

/** The range presets, a custom range checked with the API's rule, and the CSV export. */
export function RangeControls({
  preset,
  range,
  station,
  stationName,
  updating,
  navigate,
}: {
  preset: RangePreset;
  range: DateRange;
  station: string;
  stationName: string;
  updating: boolean;
  navigate: (changes: Record<string, string | undefined>) => void;
}) {
  const [customError, setCustomError] = useState<string>();
  const csvQuery = new URLSearchParams({ ...range, ...(station ? { station } : {}) });
  return (
    <div className="dashboard-controls panel">
      <div role="group" aria-label="Range" className="segmented">
        {PRESETS.map((option) => (
          <button
            key={option}
            type="button"
            className="button secondary"
            aria-pressed={option === preset}
            onClick={() =>
              navigate(
                option === 'custom'
                  ? { range: option, from: range.from, to: range.to }
                  : { range: option, from: undefined, to: undefined },
              )
            }
          >
            {RANGE_PRESETS[option]}
          </button>
        ))}
      </div>
      {preset === 'custom' ? (
        <form
          className="custom-range"
          onSubmit={onFormSubmit(['from', 'to'], (chosen) => {
            // The API's rule (valid dates, from ≤ to, at most two years), checked here first.
            const checked = ZAnalyticsQuery.safeParse(chosen);
            setCustomError(
              checked.success ? undefined : Object.values(fieldErrors(checked.error)).flat()[0],
            );
            if (checked.success) navigate({ range: 'custom', ...chosen });
          })}
        >
          <label>
            From <input type="date" name="from" defaultValue={range.from} required />
          </label>
          <label>
            To <input type="date" name="to" defaultValue={range.to} required />
          </label>
          <button type="submit" className="button">
            Show
          </button>
          {customError ? (
            <p className="field-error" role="alert">
              {customError}
            </p>
          ) : null}
        </form>
      ) : null}
      <p className="muted small" aria-live="polite">
        {stationName} · {formatLocalDate(range.from)} – {formatLocalDate(range.to)}
        {updating ? ' · updating…' : ''}
      </p>
      <a
        className="button secondary"
        href={`/api/admin/analytics/bookings.csv?${csvQuery}`}
        download
      >
        Export bookings (CSV)
      </a>
    </div>
  );
}
