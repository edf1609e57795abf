import { toAmountText, toMinorUnits } from '@hibachi/web/form-values';

/**
 * The balance form as text: the part paid now (where the station allows a part), the
 * gratuity chosen (`none`, a percent such as `20`, or `custom`) and a custom gratuity, both
 * amounts in major units of the booking's currency.
 */
export type BalanceValues = {
  amountCents?: string;
  tip: string;
  gratuity?: { amountCents?: string };
};

type Balance = {
  currency: string;
  balance: { dueCents: number; foodCents: number; partialAllowed: boolean };
};

/** The whole balance, no gratuity. */
export function toBalanceValues(booking: Balance): BalanceValues {
  return {
    amountCents: toAmountText(booking.balance.dueCents, booking.currency),
    tip: 'none',
    gratuity: { amountCents: '' },
  };
}

/** The gratuity chosen, in minor units (NaN for an unreadable custom amount). */
export function toGratuityCents(values: BalanceValues, booking: Balance): number {
  if (values.tip === 'none') return 0;
  if (values.tip === 'custom') return toMinorUnits(values.gratuity?.amountCents, booking.currency);
  return Math.round((booking.balance.foodCents * Number(values.tip)) / 100);
}

/** The price part paid now: what was typed where a part is allowed, else the whole balance. */
export function toAmountCents(values: BalanceValues, booking: Balance): number {
  return booking.balance.partialAllowed
    ? toMinorUnits(values.amountCents, booking.currency)
    : booking.balance.dueCents;
}

/** `POST …/balance-checkout` without the proof (the e-mail or the link's token). */
export function toBalanceCheckoutInput(values: BalanceValues, booking: Balance) {
  const gratuity =
    values.tip === 'none'
      ? { kind: 'none' as const }
      : values.tip === 'custom'
        ? { kind: 'amount' as const, amountCents: toGratuityCents(values, booking) }
        : { kind: 'percent' as const, percent: Number(values.tip) as 18 | 20 | 22 };
  return {
    ...(booking.balance.partialAllowed ? { amountCents: toAmountCents(values, booking) } : {}),
    gratuity,
  };
}
