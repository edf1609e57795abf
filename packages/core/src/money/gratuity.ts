import { z } from 'zod';

/** The gratuities offered as a share of the food total; a custom amount is allowed too. */
export const GRATUITY_PERCENTS = [18, 20, 22] as const;

/**
 * The customer's gratuity choice, as the balance form and the API both read it: none, one of
 * the offered shares of the food total, or an amount in minor units.
 */
export const ZGratuityChoice = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('none') }),
    z.strictObject({
      kind: z.literal('percent'),
      percent: z.union(
        GRATUITY_PERCENTS.map((percent) => z.literal(percent)),
        {
          error: `Choose ${GRATUITY_PERCENTS.join(', ')} percent or an amount`,
        },
      ),
    }),
    z.strictObject({
      kind: z.literal('amount'),
      amountCents: z
        .number({ error: 'Enter the gratuity as an amount' })
        .int('Enter the gratuity in whole minor units (cents)')
        .positive('Enter a gratuity above zero, or choose none'),
    }),
  ],
  { error: 'Choose no gratuity, a percentage or an amount' },
);
export type TGratuityChoice = z.infer<typeof ZGratuityChoice>;

/**
 * What a gratuity is a share of: the food, that is the booking's price without the travel fee
 * (a per-mile charge is not the chef's work).
 */
export function foodTotalCents(booking: { totalCents: number; travelFeeCents: number }): number {
  return Math.max(0, booking.totalCents - booking.travelFeeCents);
}

/** The gratuity a choice comes to, in minor units (a share is rounded to the nearest unit). */
export function gratuityCents(choice: TGratuityChoice, foodCents: number): number {
  switch (choice.kind) {
    case 'none':
      return 0;
    case 'percent':
      return Math.round((foodCents * choice.percent) / 100);
    case 'amount':
      return choice.amountCents;
  }
}

/** A gratuity above the food total itself is a slip of the finger, refused with this limit. */
export function maxGratuityCents(foodCents: number): number {
  return foodCents;
}

type GratuityAmounts = { status: string; gratuityCents: number; gratuityRefundedCents: number };

/** Gratuity kept from a booking's payments (what went back left out): the chef's. */
export function keptGratuityCents(payments: readonly GratuityAmounts[]): number {
  return payments
    .filter((payment) => payment.status !== 'PENDING' && payment.status !== 'FAILED')
    .reduce((sum, payment) => sum + payment.gratuityCents - payment.gratuityRefundedCents, 0);
}
