import type { TStationSettings } from '@hibachi/core/stations/station-settings.schema';

/** Currencies offered in the list (any ISO 4217 code the runtime knows is accepted by the API). */
const CURRENCIES = ['USD', 'CAD', 'GBP', 'EUR', 'AUD', 'JPY'];

/**
 * The station's money and menu rules: its currency (fixed once it has bookings), the locale
 * amounts are written in, its country (which postcodes), proteins per adult and the menu lock.
 */
export function MoneyMenuFields({
  settings,
  errors,
}: {
  settings: TStationSettings;
  errors: Record<string, string[]>;
}) {
  const currencies = CURRENCIES.includes(settings.currency)
    ? CURRENCIES
    : [settings.currency, ...CURRENCIES];
  const field = (
    name: 'locale' | 'country' | 'proteinsPerAdult' | 'menuLockHours',
    label: string,
    hint: string,
  ) => (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        defaultValue={String(settings[name])}
        inputMode={name === 'proteinsPerAdult' || name === 'menuLockHours' ? 'numeric' : undefined}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={`${name}-hint${errors[name] ? ` ${name}-error` : ''}`}
      />
      <span id={`${name}-hint`} className="small muted">
        {hint}
      </span>
      {errors[name] ? (
        <span className="field-error" id={`${name}-error`}>
          {errors[name].join(' ')}
        </span>
      ) : null}
    </div>
  );
  return (
    <fieldset className="card">
      <legend>Money and menu</legend>
      <div className="field">
        <label htmlFor="currency">Currency</label>
        <select
          id="currency"
          name="currency"
          defaultValue={settings.currency}
          aria-describedby="currency-hint"
          aria-invalid={errors.currency ? true : undefined}
        >
          {currencies.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
        <span id="currency-hint" className="small muted">
          Every price of the station, its bookings and payments. Fixed once it has bookings.
        </span>
        {errors.currency ? (
          <span className="field-error" id="currency-error">
            {errors.currency.join(' ')}
          </span>
        ) : null}
      </div>
      {field(
        'locale',
        'Locale',
        'How amounts are written: en-US for $1,234.50, en-GB for £1,234.50.',
      )}
      {field('country', 'Country', 'Two letters (US, CA, GB): which postal codes addresses use.')}
      {field(
        'proteinsPerAdult',
        'Proteins each adult chooses',
        'Included protein choices for each adult.',
      )}
      {field(
        'menuLockHours',
        'Menu lock (hours before the event)',
        'After it only staff change the menu and party: the chef buys for them.',
      )}
    </fieldset>
  );
}
