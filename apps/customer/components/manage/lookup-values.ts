/** What finds a booking: its reference and the e-mail it was made with. */
export type Lookup = { reference: string; email: string };

/** As typed, less the spaces around them; references are upper case ("hb-7k3p9q" finds HB-7K3P9Q). */
export function toLookupInput(values: Partial<Record<'reference' | 'email', string>>): Lookup {
  return {
    reference: (values.reference ?? '').trim().toUpperCase(),
    email: (values.email ?? '').trim(),
  };
}
