/**
 * How a station writes money: its ISO 4217 currency and BCP 47 locale. Every amount in the
 * product is an integer count of the currency's minor units (cents, pence).
 */
export type MoneyFormat = { currency: string; locale: string };

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(money: MoneyFormat, fractionDigits?: number): Intl.NumberFormat {
  const key = `${money.currency}|${money.locale}|${fractionDigits ?? ''}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(money.locale, {
      style: 'currency',
      currency: money.currency,
      ...(fractionDigits === undefined ? {} : { minimumFractionDigits: fractionDigits }),
    });
    formatters.set(key, found);
  }
  return found;
}

/** The number of minor units in one major unit: 100 for USD and GBP, 1 for JPY. */
export function minorUnitsPerMajor(currency: string): number {
  return (
    10 ** (formatter({ currency, locale: 'en-US' }).resolvedOptions().maximumFractionDigits ?? 2)
  );
}

/**
 * Minor units in the station's currency and locale, the one money format of both apps, the
 * e-mails and the CSV: whole amounts without decimals ("$100", "£55"), otherwise with them
 * ("$85.50"). Browser-safe.
 */
export function formatMoney(amount: number, money: MoneyFormat): string {
  const perMajor = minorUnitsPerMajor(money.currency);
  const whole = amount % perMajor === 0;
  return formatter(money, whole ? 0 : undefined).format(amount / perMajor);
}

/** Minor units as a plain decimal in major units ("85.50"), for CSV cells and form fields. */
export function toMajorUnits(amount: number, currency: string): string {
  const perMajor = minorUnitsPerMajor(currency);
  const digits = Math.round(Math.log10(perMajor));
  return (amount / perMajor).toFixed(digits);
}

/**
 * What a person typed as an amount ("85.50", "£1,200", "$ 40") in minor units of the
 * currency; NaN for anything else, so the schema behind the form says what is wrong.
 */
export function fromMajorUnits(text: string, currency: string): number {
  const plain = text.replace(/[^\d.-]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return Number.NaN;
  return Math.round(Number(plain) * minorUnitsPerMajor(currency));
}

/** The money format of a booking (or any record with a currency at a station). */
export function moneyOf(record: { currency: string; station: { locale: string } }): MoneyFormat {
  return { currency: record.currency, locale: record.station.locale };
}

/** Whether the runtime knows this ISO 4217 code (so amounts in it can be written). */
export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  return Intl.supportedValuesOf('currency').includes(code);
}

/** The demo and default money format. */
export const US_DOLLARS: MoneyFormat = { currency: 'USD', locale: 'en-US' };
