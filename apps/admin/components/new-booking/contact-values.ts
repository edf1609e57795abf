import { ADMIN_API } from '@hibachi/core/openapi/admin-api';

/** One exact contact to look a returning customer up by (blind indexes match whole values). */
export type ContactLookup = { email: string; phone?: never } | { phone: string; email?: never };

const isWhole = (query: Record<string, string>) =>
  ADMIN_API.bookingCustomer.query.safeParse(query).success;

/**
 * What to look up for what is typed: the e-mail when it is a whole one, else the phone when
 * it is whole, else nothing (a half-typed value would only spend the rate limit).
 */
export function toContactLookup(
  station: string,
  typed: { email?: string | undefined; phone?: string | undefined },
): ContactLookup | undefined {
  const email = typed.email?.trim() ?? '';
  const phone = typed.phone?.trim() ?? '';
  if (email && isWhole({ station, email })) return { email };
  if (phone && isWhole({ station, phone })) return { phone };
  return undefined;
}
