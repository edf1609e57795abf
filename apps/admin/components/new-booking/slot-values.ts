import type { TStaffAvailability } from '@hibachi/core/availability/availability.schema';
import { formatTime } from '@hibachi/web/format';

export type StaffSlot = TStaffAvailability['slots'][number];
type Chef = TStaffAvailability['chefs'][number];

/** "3 chefs free", "1 chef free", "Full": a start's capacity in words. */
export function capacityText(slot: Pick<StaffSlot, 'available'>): string {
  if (slot.available === 0) return 'Full';
  return `${slot.available} chef${slot.available === 1 ? '' : 's'} free`;
}

/** The chefs free for the whole event at a start (none before a start is chosen). */
export function freeChefsAt(availability: TStaffAvailability, time: string): Chef[] {
  const slot = availability.slots.find((candidate) => candidate.time === time);
  const free = new Set(slot?.freeChefIds ?? []);
  return availability.chefs.filter((chef) => free.has(chef.id));
}

/**
 * The chef choice once the start (or the day) changes: kept while that chef is free then,
 * else back to the least busy free chef, with the reason to tell the person.
 */
export function chefAfterChange(
  availability: TStaffAvailability,
  time: string,
  chefId: string,
): { chefId: string; notice?: string } {
  if (!chefId || !time) return { chefId };
  if (freeChefsAt(availability, time).some((chef) => chef.id === chefId)) return { chefId };
  const name = availability.chefs.find((chef) => chef.id === chefId)?.name ?? 'That chef';
  return {
    chefId: '',
    notice: `${name} is not free at ${formatTime(time)}: the least busy free chef will cook.`,
  };
}

/**
 * Why a start asked for (the calendar's link) is not chosen: gone, past, or every chef busy.
 * Undefined when it can be booked.
 */
export function startNotice(availability: TStaffAvailability, time: string): string | undefined {
  if (!time) return undefined;
  const slot = availability.slots.find((candidate) => candidate.time === time);
  if (!slot)
    return `${formatTime(time)} is not a start time that day (past, outside the hours or off the grid): choose another.`;
  if (slot.available === 0)
    return `Every chef is busy at ${formatTime(time)}: choose another start.`;
  return undefined;
}
