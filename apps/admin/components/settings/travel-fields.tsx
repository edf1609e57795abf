'use client';

import { useState } from 'react';
import type { TStationSettings } from '@hibachi/core/stations/station-settings.schema';
import { fromMajorUnits, toMajorUnits } from '@hibachi/web/format';

type Zone = TStationSettings['travelZones'][number];
type ZoneDraft = { prefix: string; label: string; fee: string };

const MODES: { value: TStationSettings['travelMode']; label: string; hint: string }[] = [
  { value: 'NONE', label: 'No travel fee', hint: 'Any address; travel is in the price.' },
  {
    value: 'DISTANCE',
    label: 'By distance',
    hint: 'From a US or Canadian postal code, free within a radius, a fee per mile beyond it.',
  },
  {
    value: 'ZONES',
    label: 'By postcode zone',
    hint: 'A fee per postcode area or district (the UK); addresses in no zone are refused.',
  },
];

/** The zones as the form sends them (fee in minor units; an unreadable fee is NaN for the schema). */
export function zonesFrom(drafts: readonly ZoneDraft[], currency: string): Zone[] {
  return drafts.map((zone) => ({
    prefix: zone.prefix,
    label: zone.label,
    feeCents: zone.fee.trim() === '' ? 0 : fromMajorUnits(zone.fee, currency),
  }));
}

/**
 * How the station charges for travel: none, by distance from an origin postal code, or by
 * postcode zone (a table of prefixes and fees, edited in place). The zones are state and are
 * handed to the form through `onZones`; the other fields are plain inputs of the form.
 */
export function TravelFields({
  settings,
  currency,
  errors,
  onZones,
}: {
  settings: TStationSettings;
  currency: string;
  errors: Record<string, string[]>;
  onZones: (zones: ZoneDraft[]) => void;
}) {
  const [mode, setMode] = useState(settings.travelMode);
  const [zones, setZones] = useState<ZoneDraft[]>(
    settings.travelZones.map((zone) => ({
      prefix: zone.prefix,
      label: zone.label,
      fee: toMajorUnits(zone.feeCents, currency),
    })),
  );
  const update = (next: ZoneDraft[]) => {
    setZones(next);
    onZones(next);
  };
  const message = (field: string) =>
    errors[field]?.length ? (
      <span className="field-error" id={`${field}-error`}>
        {errors[field].join(' ')}
      </span>
    ) : null;
  const invalid = (field: string) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `${field}-error` : undefined,
  });

  return (
    <fieldset className="card">
      <legend>Travel</legend>
      <div className="field" role="radiogroup" aria-label="How travel is charged">
        {MODES.map((option) => (
          <label key={option.value} className="field-inline">
            <input
              type="radio"
              name="travelMode"
              value={option.value}
              checked={mode === option.value}
              onChange={() => setMode(option.value)}
            />
            <span>
              {option.label} <span className="small muted">{option.hint}</span>
            </span>
          </label>
        ))}
        {message('travelMode')}
      </div>
      {mode === 'DISTANCE' ? (
        <div className="field-row">
          <div className="field">
            <label htmlFor="travelOriginPostalCode">Measured from (postal code)</label>
            <input
              id="travelOriginPostalCode"
              name="travelOriginPostalCode"
              defaultValue={settings.travelOriginPostalCode ?? ''}
              {...invalid('travelOriginPostalCode')}
            />
            {message('travelOriginPostalCode')}
          </div>
          <div className="field">
            <label htmlFor="travelFreeMiles">Free within (miles)</label>
            <input
              id="travelFreeMiles"
              name="travelFreeMiles"
              inputMode="numeric"
              defaultValue={settings.travelFreeMiles}
              {...invalid('travelFreeMiles')}
            />
            {message('travelFreeMiles')}
          </div>
          <div className="field">
            <label htmlFor="travelFeePerMile">Fee per mile beyond ({currency})</label>
            <input
              id="travelFeePerMile"
              name="travelFeePerMile"
              inputMode="decimal"
              defaultValue={toMajorUnits(settings.travelFeePerMileCents, currency)}
              {...invalid('travelFeePerMileCents')}
            />
            {message('travelFeePerMileCents')}
          </div>
          <div className="field">
            <label htmlFor="travelMaxMiles">Service area ends at (miles)</label>
            <input
              id="travelMaxMiles"
              name="travelMaxMiles"
              inputMode="numeric"
              placeholder="No limit"
              defaultValue={settings.travelMaxMiles ?? ''}
              {...invalid('travelMaxMiles')}
            />
            {message('travelMaxMiles')}
          </div>
          <p className="small muted">
            Distances are straight lines between postal codes (an offline US and Canada dataset),
            rounded to the mile: roads are longer, and the fee says so.
          </p>
        </div>
      ) : null}
      {mode === 'ZONES' ? (
        <div className="zones">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Postcode prefix</th>
                <th scope="col">Label</th>
                <th scope="col">Fee ({currency})</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {zones.map((zone, index) => (
                <tr key={index}>
                  {(['prefix', 'label', 'fee'] as const).map((part) => {
                    const field = `travelZones.${index}.${part === 'fee' ? 'feeCents' : part}`;
                    return (
                      <td key={part}>
                        <input
                          aria-label={`Zone ${index + 1} ${part}`}
                          value={zone[part]}
                          inputMode={part === 'fee' ? 'decimal' : undefined}
                          onChange={(event) =>
                            update(
                              zones.map((other, at) =>
                                at === index ? { ...other, [part]: event.target.value } : other,
                              ),
                            )
                          }
                          {...invalid(field)}
                        />
                        {message(field)}
                      </td>
                    );
                  })}
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => update(zones.filter((_, at) => at !== index))}
                    >
                      Remove<span className="visually-hidden"> zone {index + 1}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {message('travelZones')}
          <button
            type="button"
            className="button secondary"
            onClick={() => update([...zones, { prefix: '', label: '', fee: '0' }])}
          >
            Add a zone
          </button>
          <p className="small muted">
            A prefix is an area (SW) or a district (SW1, E1); the most specific zone wins.
          </p>
        </div>
      ) : null}
    </fieldset>
  );
}
