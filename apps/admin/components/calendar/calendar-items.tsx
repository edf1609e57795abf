'use client';

import { useMemo, useState, type CSSProperties } from 'react';
import type { Calendar, CalendarEvent } from '@hibachi/core/bookings';
import { formatMoney, type MoneyFormat } from '@hibachi/web/format';
import { FALLBACK_CHEF_COLOUR } from '@/lib/calendar-constants';
import type { MoveOverride } from '@/lib/calendar-moves';
import { STATUS_LABELS } from '@/lib/labels';

/** One booking as react-big-calendar draws it. */
export type CalendarItem = {
  id: string;
  title: string;
  start: Date;
  end: Date;
  resourceId: string;
  source: CalendarEvent;
  color: string;
  /** The station's currency and locale, for the tooltip's amounts. */
  money: MoneyFormat;
  /** The saved booking's state, built once: the library asks draggable/resizable per render. */
  state: { status: CalendarEvent['status']; startsAt: Date };
};

export const itemTooltip = (item: CalendarItem) => {
  const { source } = item;
  const due =
    source.balanceCents > 0 ? `, ${formatMoney(source.balanceCents, item.money)} due` : '';
  return `${source.reference}: ${source.customerName}, ${source.partySize} guests, ${source.chef.name}, ${formatMoney(source.totalCents, item.money)}${due} (${STATUS_LABELS[source.status]})`;
};

export const itemProps = (item: CalendarItem) => ({
  className: `cal-event cal-${item.source.status.toLowerCase()}${item.source.balanceCents > 0 ? ' has-balance' : ''}`,
  style: { '--chef': item.color } as CSSProperties,
});

export const ITEM_COMPONENTS = {
  event: ({ event }: { event: CalendarItem }) => (
    <span className="cal-event-body">
      {event.source.balanceCents > 0 ? (
        <span className="balance-flag" aria-label="balance due">
          $
        </span>
      ) : null}
      <strong>{event.source.reference}</strong> {event.source.customerName} ·{' '}
      {event.source.partySize}
    </span>
  ),
};

/**
 * The calendar's items: its events (one chef's, when filtered), each drawn where a pending
 * move puts it. Items are kept while their booking and override are unchanged, so a move
 * rebuilds one item, not thousands, and the library can tell what did not change.
 */
export function useCalendarItems(
  calendar: Calendar | undefined,
  chefFilter: string,
  overrides: Readonly<Record<string, MoveOverride>>,
): CalendarItem[] {
  const colours = useMemo(
    () => new Map((calendar?.chefs ?? []).map((chef) => [chef.id, chef.color])),
    [calendar],
  );
  const money = useMemo(
    () => ({
      currency: calendar?.station.currency ?? 'USD',
      locale: calendar?.station.locale ?? 'en-US',
    }),
    [calendar],
  );
  // One map per calendar for its lifetime (a memo of items, not state that renders).
  const [cache] = useState(() => new Map<string, { key: unknown[]; item: CalendarItem }>());
  return useMemo<CalendarItem[]>(() => {
    const next = (calendar?.events ?? [])
      .filter((event) => !chefFilter || event.chef.id === chefFilter)
      .map((event) => {
        const moved = overrides[event.id];
        const chefId = moved?.chefId ?? event.chef.id;
        const color = colours.get(chefId) ?? FALLBACK_CHEF_COLOUR;
        const key = [event, moved, color];
        const cached = cache.get(event.id);
        if (cached && cached.key.every((part, index) => part === key[index])) return cached.item;
        const item: CalendarItem = {
          id: event.id,
          title: `${event.reference} · ${event.customerName} · ${event.partySize}`,
          start: moved?.start ?? new Date(event.startsAt),
          end: moved?.end ?? new Date(event.endsAt),
          resourceId: chefId,
          source: event,
          color,
          money,
          state: { status: event.status, startsAt: new Date(event.startsAt) },
        };
        cache.set(event.id, { key, item });
        return item;
      });
    if (cache.size > next.length * 4) cache.clear();
    return next;
  }, [calendar, chefFilter, overrides, colours, money, cache]);
}
