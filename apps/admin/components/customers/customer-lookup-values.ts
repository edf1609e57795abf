/** Whom the privacy page looks up: a whole e-mail or a whole phone number. */
export type Lookup = { email: string } | { phone: string };

/** A whole e-mail (it has an @) or else a phone number, as typed less the spaces around it. */
export function toCustomerLookup(values: { who: string }): Lookup {
  const value = values.who.trim();
  return value.includes('@') ? { email: value } : { phone: value };
}
