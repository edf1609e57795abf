import type { Station } from '../generated/prisma/client';

/**
 * A station's first terms, until its manager writes its own (Settings → Terms): written from
 * its settings when first needed and then kept, word for word, as version 1.
 */
export function defaultTerms(
  station: Pick<
    Station,
    'name' | 'cancellationNoticeHours' | 'rescheduleNoticeHours' | 'menuLockHours'
  >,
): string {
  return [
    `Terms of booking with ${station.name}`,
    '',
    `1. Deposit. Your booking is confirmed when the deposit is paid. It is part of the total, not an extra charge.`,
    `2. Cancellation. Cancel at least ${station.cancellationNoticeHours} hours before the event and the deposit is refunded in full; after that the deposit is kept.`,
    `3. Moves. You may move your event to another date or time, subject to a chef being free, until ${station.rescheduleNoticeHours} hours before it.`,
    `4. Menu and party. The menu and the number of guests may be changed until ${station.menuLockHours} hours before the event; after that please call us. The price follows the party and menu.`,
    '5. Balance. The balance is due on the day of the event, before or after the meal.',
    '6. Weather. Outdoor events need a covered area in rain or strong wind; without one the chef may cook under cover elsewhere on site or, if none is safe, the event is moved without charge.',
    '7. Included. The chef brings the grill, propane, utensils and ingredients for the menu chosen, and cleans the cooking area. Tables, chairs, plates and drinks are the host’s.',
    '8. Safety. The grill needs a flat, open area of about 3 × 3 metres (10 × 10 feet), away from anything that can burn.',
  ].join('\n');
}
