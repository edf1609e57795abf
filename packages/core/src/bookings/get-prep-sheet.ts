import { assertCan, type StaffScope } from '../auth/staff-scope';
import { resolveStationChoice } from '../auth/resolve-station-choice';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import { menuLockAt, menuOpen } from '../menu/menu-lock';
import { proteinsDecided } from '../menu/menu-selection';
import { MENU_ITEM_KINDS } from '../menu/menu.schema';
import { netPaidCents } from '../money/net-paid';
import { formatMinutes, parseLocalTime, toDbDate } from '../time';
import { fieldError, parseInput } from '../validation';
import { bookingAddress } from './booking-record';
import { ZPrepSheet, ZPrepSheetQuery, type TPrepEvent, type TPrepSheet } from './prep-sheet.schema';

/** The events a chef cooks for: confirmed ones, and completed ones when looking back. */
const COOKED = ['CONFIRMED', 'COMPLETED'] as const;

/**
 * `GET /api/admin/prep-sheet`: one station's events of a local day (optionally one chef's),
 * each with its party, counts per item, dietary tags and requests, balance to collect and
 * whether its menu is final (past the lock); and the day's totals per item, the shopping list.
 * Station-scoped like the calendar (a super admin without `station` gets the first by name).
 */
export async function getPrepSheet(options: {
  scope: StaffScope;
  query: unknown;
  now?: Date;
}): Promise<TPrepSheet> {
  assertCan(options.scope, 'prep.view');
  const query = parseInput(ZPrepSheetQuery, options.query);
  const db = getDb();
  const chosen = await resolveStationChoice(options.scope, query.station);
  const station = await db.station.findFirst({
    where: chosen ? { id: chosen } : { active: true },
    orderBy: { name: 'asc' },
    include: { chefs: { select: { id: true, name: true }, orderBy: { name: 'asc' } } },
  });
  if (!station) throw new AppError('NOT_FOUND', 'No such station.');
  const chef = query.chef ? station.chefs.find((candidate) => candidate.id === query.chef) : null;
  if (chef === undefined) throw fieldError('chef', 'No such chef at this station');
  const bookings = await db.booking.findMany({
    where: {
      stationId: station.id,
      eventDate: toDbDate(query.date),
      status: { in: [...COOKED] },
      ...(chef ? { chefId: chef.id } : {}),
    },
    orderBy: [{ startsAt: 'asc' }, { reference: 'asc' }],
    include: {
      chef: { select: { id: true, name: true } },
      customer: { select: { name: true, phone: true } },
      payments: true,
      menuLines: {
        include: { item: { select: { dietaryTags: true, sortOrder: true } } },
      },
    },
  });
  const now = options.now ?? new Date();
  const events = bookings.map((booking): TPrepEvent => {
    const lines = [...booking.menuLines]
      .sort(
        (a, b) =>
          MENU_ITEM_KINDS.indexOf(a.kind) - MENU_ITEM_KINDS.indexOf(b.kind) ||
          a.item.sortOrder - b.item.sortOrder,
      )
      .map((line) => ({
        itemId: line.itemId,
        name: line.name,
        kind: line.kind,
        quantity: line.quantity,
        dietaryTags: line.item.dietaryTags,
      }));
    const lockAt = menuLockAt(
      { date: query.date, time: booking.startTime },
      station.timezone,
      station.menuLockHours,
    );
    const paid = netPaidCents(booking.payments);
    const start = parseLocalTime(booking.startTime) ?? 0;
    return {
      id: booking.id,
      reference: booking.reference,
      status: booking.status,
      time: booking.startTime,
      endTime: formatMinutes((start + booking.durationMinutes) % 1440),
      durationMinutes: booking.durationMinutes,
      chef: booking.chef,
      customer: booking.customer,
      address: bookingAddress(booking),
      adults: booking.adults,
      children: booking.children,
      lines,
      proteinsDecided: proteinsDecided(lines, booking, station.proteinsPerAdult),
      final: !menuOpen(lockAt, now),
      lockAt: lockAt.toISOString(),
      dietary: dietaryOf(lines),
      specialRequests: booking.specialRequests,
      notes: booking.notes,
      totalCents: booking.totalCents,
      paidCents: paid,
      balanceCents: Math.max(0, booking.totalCents - paid),
    };
  });
  return ZPrepSheet.parse({
    station: {
      slug: station.slug,
      name: station.name,
      timezone: station.timezone,
      currency: station.currency,
      locale: station.locale,
    },
    date: query.date,
    chef,
    chefs: station.chefs,
    events,
    totals: totalsOf(
      events,
      new Map(
        bookings.flatMap((booking) =>
          booking.menuLines.map((line) => [line.itemId, line.item.sortOrder] as const),
        ),
      ),
    ),
  });
}

/** Each tag among the chosen items, with the items (and counts) that carry it. */
function dietaryOf(lines: TPrepEvent['lines']): TPrepEvent['dietary'] {
  const byTag = new Map<string, string[]>();
  for (const line of lines)
    for (const tag of line.dietaryTags) {
      const items = byTag.get(tag) ?? [];
      items.push(`${line.name} × ${line.quantity}`);
      byTag.set(tag, items);
    }
  return [...byTag].map(([tag, items]) => ({ tag, items }));
}

/** The day's shopping list: every item's portions over the events, in menu order. */
function totalsOf(
  events: TPrepEvent[],
  sortOrder: ReadonlyMap<string, number>,
): TPrepSheet['totals'] {
  const items = new Map<string, TPrepSheet['totals']['items'][number]>();
  for (const event of events)
    for (const line of event.lines) {
      const found = items.get(line.itemId);
      if (found) found.quantity += line.quantity;
      else items.set(line.itemId, { name: line.name, kind: line.kind, quantity: line.quantity });
    }
  const rank = (itemId: string, kind: TPrepEvent['lines'][number]['kind']) =>
    MENU_ITEM_KINDS.indexOf(kind) * 10_000 + (sortOrder.get(itemId) ?? 0);
  return {
    events: events.length,
    adults: events.reduce((sum, event) => sum + event.adults, 0),
    children: events.reduce((sum, event) => sum + event.children, 0),
    undecidedEvents: events.filter((event) => !event.proteinsDecided).length,
    balanceCents: events.reduce((sum, event) => sum + event.balanceCents, 0),
    items: [...items]
      .sort(([a, x], [b, y]) => rank(a, x.kind) - rank(b, y.kind))
      .map(([, item]) => item),
  };
}
