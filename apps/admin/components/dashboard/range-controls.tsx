'use client';

import { ZAnalyticsQuery } from '@hibachi/core/analytics/analytics.schema';
import { Field } from '@hibachi/web/field';
import { formatLocalDate } from '@hibachi/web/format';
import { useApiForm } from '@hibachi/web/use-api-form';
import { RANGE_PRESETS, type DateRange, type RangePreset } from '@/lib/date-ranges';
import { toRangeInput } from './dashboard-values';

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
        <CustomRangeForm
          range={range}
          onShow={(chosen) => navigate({ range: 'custom', ...chosen })}
        />
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

/** A custom range, checked in the browser with the API's rule (valid dates, from ≤ to, two years). */
function CustomRangeForm({
  range,
  onShow,
}: {
  range: DateRange;
  onShow: (chosen: DateRange) => void;
}) {
  const { fields, formProps } = useApiForm<DateRange, DateRange>({
    id: 'custom-range',
    defaultValue: range,
    toInput: toRangeInput,
    schema: ZAnalyticsQuery,
    onValid: onShow,
  });
  return (
    <form {...formProps} className="custom-range">
      <Field field={fields.from} label="From" type="date" required />
      <Field field={fields.to} label="To" type="date" required />
      <button type="submit" className="button">
        Show
      </button>
    </form>
  );
}
