import { createHash } from 'node:crypto';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import { inviteUid } from '../notifications/booking-invite';

/** How far back a feed keeps events (a chef looking up last week's address). */
const FEED_PAST_DAYS = 30;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A feed token is kept only as its SHA-256: a leaked database gives no working URL. */
export const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** The feed's path for a token (under the admin app). */
export const chefFeedPath = (token: string) => `/api/feeds/chef/${token}.ics`;

/**
 * `GET /api/feeds/chef/TOKEN.ics`: the chef's assignments as an iCalendar feed a calendar app
 * subscribes to. Held and confirmed events ahead and the last month's, in the station's zone,
 * with the address and party (no payment data). UIDs are the bookings' own, so a refresh
 * updates events in place; a cancelled or moved-away booking is simply not in the feed any
 * more, which subscribing calendars read as removed. An unknown token answers 404.
 */
export async function chefFeed(file: string, now: Date = new Date()): Promise<string> {
  const token = file.replace(/\.ics$/, '');
  if (!TOKEN_PATTERN.test(token)) throw new AppError('NOT_FOUND', 'No such feed.');
  const db = getDb();
  const chef = await db.chef.findUnique({
    where: { feedTokenHash: digest(token) },
    include: { station: { select: { name: true, timezone: true } } },
  });
  if (!chef) throw new AppError('NOT_FOUND', 'No such feed.');
  const bookings = await db.booking.findMany({
    where: {
      chefId: chef.id,
      status: { in: ['PENDING_PAYMENT', 'CONFIRMED', 'COMPLETED'] },
      startsAt: { gte: new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000) },
    },
    include: { menuLines: { orderBy: [{ kind: 'asc' }, { name: 'asc' }] } },
    orderBy: { startsAt: 'asc' },
    take: 1_000,
  });
  const zone = chef.station.timezone;
  const calendar = ical({
    name: `${chef.name} · Hibachi at Home`,
    prodId: { company: 'Hibachi at Home', product: 'chef-feed', language: 'EN' },
    timezone: zone,
    ttl: 15 * 60,
  });
  for (const booking of bookings) {
    const party = `${booking.adults} adult${booking.adults === 1 ? '' : 's'}${
      booking.children > 0
        ? `, ${booking.children} child${booking.children === 1 ? '' : 'ren'}`
        : ''
    }`;
    const menu = booking.menuLines.map((line) => `${line.quantity} × ${line.name}`).join(', ');
    calendar.createEvent({
      id: inviteUid(booking),
      sequence: booking.version,
      stamp: booking.updatedAt,
      start: DateTime.fromJSDate(booking.startsAt, { zone }),
      end: DateTime.fromJSDate(booking.endsAt, { zone }),
      timezone: zone,
      summary: `Hibachi · ${party} · ${booking.reference}`,
      location: [booking.addressLine1, booking.addressLine2, booking.city, booking.postalCode]
        .filter(Boolean)
        .join(', '),
      description: [
        party,
        menu ? `Menu: ${menu}` : 'Menu not chosen yet',
        booking.specialRequests ? `Requests: ${booking.specialRequests}` : '',
        booking.status === 'PENDING_PAYMENT' ? 'Held: waiting for the deposit' : '',
      ]
        .filter(Boolean)
        .join('\n'),
      status:
        booking.status === 'PENDING_PAYMENT'
          ? ICalEventStatus.TENTATIVE
          : ICalEventStatus.CONFIRMED,
    });
  }
  const vtimezone = getVtimezoneComponent(zone);
  const text = calendar.toString();
  return vtimezone && bookings.length > 0
    ? text.replace('BEGIN:VEVENT', `${vtimezone.trim()}\r\nBEGIN:VEVENT`)
    : text;
}
