import { z } from 'zod';

/** Writes an amount in the booking's currency, or in `currency` when the charge came in another. */
type ChargeMoney = (amount: number, currency?: string) => string;

/** The currency a charge came in, when it was not the booking's (older rows leave it out). */
const ZChargeCurrency = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .optional();
/** A deposit charge that goes back whole (paid twice, too late, in another currency). */
const ZRefund = z.object({
  amountCents: z.number().int().positive(),
  reason: z.string().min(1),
  currency: ZChargeCurrency,
});
const ZBalanceReceived = z.object({
  amountCents: z.number().int().nonnegative(),
  gratuityCents: z.number().int().nonnegative(),
  refundCents: z.number().int().nonnegative(),
  /** Of refundCents, the gratuity (older rows leave it out). */
  refundGratuityCents: z.number().int().nonnegative().optional(),
  reason: z.string().optional(),
  currency: ZChargeCurrency,
});

/** A deposit charge that goes back whole: what it was, how much, and why. */
export function refundIssuedLines(payload: unknown, money: ChargeMoney): string[] {
  const refund = ZRefund.parse(payload);
  return [
    `We are refunding the ${money(refund.amountCents, refund.currency)} deposit payment to your card.`,
    refund.reason,
  ];
}

/** The receipt for a balance (and gratuity) paid online, and what of it goes back, if any. */
export function balanceReceivedLines(payload: unknown, money: ChargeMoney): string[] {
  const paid = ZBalanceReceived.parse(payload);
  const charged = (amount: number) => money(amount, paid.currency);
  return [
    `Thank you: we have received ${charged(paid.amountCents + paid.gratuityCents)}${
      paid.gratuityCents > 0
        ? ` (${charged(paid.amountCents)} towards the price and a ${charged(paid.gratuityCents)} gratuity, which goes to your chef)`
        : ''
    }.`,
    ...(paid.refundCents > 0
      ? [`${balanceRefundWords(paid, charged)} ${paid.reason ?? ''}`.trim()]
      : []),
  ];
}

/** What of a balance payment goes back: the part beyond what was due, or all of it with the gratuity. */
function balanceRefundWords(
  paid: z.infer<typeof ZBalanceReceived>,
  charged: (amount: number) => string,
): string {
  if (paid.refundGratuityCents === undefined)
    return `We are refunding ${charged(paid.refundCents)} to your card.`;
  const priceBack = paid.refundCents - paid.refundGratuityCents;
  const parts = [
    priceBack <= 0
      ? ''
      : priceBack === paid.amountCents
        ? `the ${charged(priceBack)} towards the price`
        : `${charged(priceBack)} of the ${charged(paid.amountCents)} towards the price`,
    paid.refundGratuityCents > 0 ? `the ${charged(paid.refundGratuityCents)} gratuity` : '',
  ].filter(Boolean);
  return `We are refunding ${charged(paid.refundCents)} to your card: ${parts.join(' and ')}.`;
}
