import { Field, SelectField } from '@hibachi/web/field';
import type { ApiFormFields } from '@hibachi/web/use-api-form';
import type { StationSettingsValues } from './station-settings-values';

/** Currencies offered in the list (any ISO 4217 code the runtime knows is accepted by the API). */
const CURRENCIES = ['USD', 'CAD', 'GBP', 'EUR', 'AUD', 'JPY'];

/**
 * The station's money and menu rules: its currency (fixed once it has bookings), the locale
 * amounts are written in, its country (which postcodes), proteins per adult and the menu lock.
 */
export function MoneyMenuFields({
  fields,
  currency,
}: {
  fields: ApiFormFields<StationSettingsValues>;
  currency: string;
}) {
  const currencies = CURRENCIES.includes(currency) ? CURRENCIES : [currency, ...CURRENCIES];
  return (
    <fieldset className="card">
      <legend>Money and menu</legend>
      <SelectField
        field={fields.currency}
        label="Currency"
        hint="Every price of the station, its bookings and payments. Fixed once it has bookings."
      >
        {currencies.map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </SelectField>
      <Field
        field={fields.locale}
        label="Locale"
        hint="How amounts are written: en-US for $1,234.50, en-GB for £1,234.50."
      />
      <Field
        field={fields.country}
        label="Country"
        hint="Two letters (US, CA, GB): which postal codes addresses use."
      />
      <Field
        field={fields.proteinsPerAdult}
        label="Proteins each adult chooses"
        inputMode="numeric"
        hint="Included protein choices for each adult."
      />
      <Field
        field={fields.menuLockHours}
        label="Menu lock (hours before the event)"
        inputMode="numeric"
        hint="After it only staff change the menu and party: the chef buys for them."
      />
    </fieldset>
  );
}
