'use client';

import { useState } from 'react';
import { ChoiceField } from '@hibachi/web/choice-field';
import { Field, FieldMessage, messagesOf, MoneyField } from '@hibachi/web/field';
import type { ApiForm, ApiFormFields } from '@hibachi/web/use-api-form';
import type { StationSettingsValues } from './station-settings-values';

const MODES = [
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
].map((mode) => ({
  value: mode.value,
  label: (
    <span>
      {mode.label} <span className="small muted">{mode.hint}</span>
    </span>
  ),
}));

type Props = {
  form: ApiForm<StationSettingsValues>;
  fields: ApiFormFields<StationSettingsValues>;
  currency: string;
};

/**
 * How the station charges for travel: none, by distance from an origin postal code, or by
 * postcode zone (a table of prefixes and fees, rows added and removed in place). Only the
 * chosen mode's fields are on the form; the others keep their saved values.
 */
export function TravelFields({ form, fields, currency }: Props) {
  const [mode, setMode] = useState(fields.travelMode.initialValue ?? 'NONE');
  return (
    <fieldset className="card">
      <legend>Travel</legend>
      <ChoiceField
        field={fields.travelMode}
        legend="How travel is charged"
        hideLegend
        choices={MODES}
        onChoose={setMode}
      />
      {mode === 'DISTANCE' ? (
        <div className="field-row">
          <Field field={fields.travelOriginPostalCode} label="Measured from (postal code)" />
          <Field field={fields.travelFreeMiles} label="Free within (miles)" inputMode="numeric" />
          <MoneyField
            field={fields.travelFeePerMileCents}
            currency={currency}
            label={`Fee per mile beyond (${currency})`}
          />
          <Field
            field={fields.travelMaxMiles}
            label="Service area ends at (miles)"
            inputMode="numeric"
            placeholder="No limit"
          />
          <p className="small muted">
            Distances are straight lines between postal codes (an offline US and Canada dataset),
            rounded to the mile: roads are longer, and the fee says so.
          </p>
        </div>
      ) : null}
      {mode === 'ZONES' ? <ZoneTable form={form} fields={fields} currency={currency} /> : null}
    </fieldset>
  );
}

function ZoneTable({ form, fields, currency }: Props) {
  const list = fields.travelZones;
  return (
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
          {list.getFieldList().map((item, index) => {
            const zone = item.getFieldset();
            return (
              <tr key={item.key}>
                <td>
                  <Field field={zone.prefix} label={`Zone ${index + 1} prefix`} hideLabel />
                </td>
                <td>
                  <Field field={zone.label} label={`Zone ${index + 1} label`} hideLabel />
                </td>
                <td>
                  <MoneyField
                    field={zone.feeCents}
                    currency={currency}
                    label={`Zone ${index + 1} fee`}
                    hideLabel
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => form.remove({ name: list.name, index })}
                  >
                    Remove<span className="visually-hidden"> zone {index + 1}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FieldMessage field={list} messages={messagesOf(list)} />
      <button
        type="button"
        className="button secondary"
        onClick={() =>
          form.insert({ name: list.name, defaultValue: { prefix: '', label: '', feeCents: '0' } })
        }
      >
        Add a zone
      </button>
      <p className="small muted">
        A prefix is an area (SW) or a district (SW1, E1); the most specific zone wins.
      </p>
    </div>
  );
}
