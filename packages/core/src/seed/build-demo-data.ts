import { addDays, formatMinutes, localToInstant, todayInTimeZone } from '../time';
import {
  CHEF_COLORS,
  CHEF_NAMES,
  DEMO_STATIONS,
  FIRST_NAMES,
  LAST_NAMES,
  SPECIAL_REQUESTS,
  STREETS,
  SUPER_ADMIN_EMAIL,
  managerEmail,
  staffEmail,
} from './demo-data';
import { createRandom, type Random } from './random';
import { required } from '../platform/required';
import type { TMenuItemKind, TMenuLine } from '../menu/menu.schema';
import { calculateQuote } from '../pricing/calculate-quote';
import { travelFor } from '../pricing/travel-fee';
import { DEMO_MENU, LONDON_POSTCODES, LONDON_ZONES, SEATTLE_ZIPS } from './demo-menu';

const SEED = 20_261_122;
const DAYS_BACK = 182;
const DAYS_AHEAD = 61;
const BUFFER_MINUTES = 60;
/** Three event windows per chef per day; with ≤180 min events and the 60 min buffer they never overlap. */
const SLOT_STARTS = [660, 900, 1140] as const;
const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

type BookingStatus =
  'PENDING_PAYMENT' | 'CONFIRMED' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW' | 'EXPIRED';

export type DemoStation = {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  adultPriceCents: number;
  childPriceCents: number;
  minimumCents: number;
  depositCents: number;
  currency: string;
  locale: string;
  country: string;
  proteinsPerAdult: number;
  menuLockHours: number;
  travelMode: 'NONE' | 'DISTANCE' | 'ZONES';
  travelOriginPostalCode: string | null;
  travelFreeMiles: number;
  travelFeePerMileCents: number;
  travelMaxMiles: number | null;
  travelZones: { prefix: string; label: string; feeCents: number }[];
  menuItems: DemoMenuItem[];
};
export type DemoMenuItem = {
  id: string;
  stationId: string;
  name: string;
  description: string;
  kind: TMenuItemKind;
  priceCents: number;
  dietaryTags: string[];
  sortOrder: number;
  weight: number;
};
export type DemoChef = {
  id: string;
  stationId: string;
  name: string;
  color: string;
  active: boolean;
};
export type DemoCustomer = {
  id: string;
  email: string;
  name: string;
  phone: string;
  createdAt: Date;
};
export type DemoStaff = {
  email: string;
  name: string;
  role: 'SUPER_ADMIN' | 'MANAGER' | 'STAFF';
  stationId: string | null;
};
export type DemoBooking = {
  id: string;
  reference: string;
  stationId: string;
  customerId: string;
  chefId: string;
  eventDate: string;
  startTime: string;
  startsAt: Date;
  endsAt: Date;
  blockedUntil: Date;
  durationMinutes: number;
  adults: number;
  children: number;
  addressLine1: string;
  city: string;
  postalCode: string;
  specialRequests: string | null;
  totalCents: number;
  depositCents: number;
  currency: string;
  adultPriceCents: number;
  childPriceCents: number;
  minimumCents: number;
  travelFeeCents: number;
  travelLabel: string | null;
  menuLines: TMenuLine[];
  status: BookingStatus;
  holdExpiresAt: Date | null;
  cancelledAt: Date | null;
  cancellationReason: string | null;
  createdAt: Date;
};
export type DemoPayment = {
  bookingId: string;
  stationId: string;
  amountCents: number;
  refundedCents: number;
  method: 'CARD' | 'CASH' | 'CHECK';
  status: 'SUCCEEDED' | 'REFUNDED';
  purpose: 'DEPOSIT' | 'BALANCE';
  /** A card balance paid online carries the customer's gratuity (20% of the food). */
  gratuityCents: number;
  providerRef: string | null;
  createdAt: Date;
};
export type DemoData = {
  stations: DemoStation[];
  chefs: DemoChef[];
  customers: DemoCustomer[];
  staff: DemoStaff[];
  bookings: DemoBooking[];
  payments: DemoPayment[];
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The whole demo data set as of `now` (event dates around its UTC date), from a fixed PRNG seed. */
export function buildDemoData(options: { scale: number; now: Date }): DemoData {
  const random = createRandom(SEED);
  const stations = buildStations(random, options.scale);
  const chefs = stations.flatMap((station) => buildChefs(random, station));
  const customers = buildCustomers(random, 1_000 * options.scale, options.now);
  const staff = buildStaff(stations);
  // The menu choices draw from their own sequence, so the bookings' dates, chefs and
  // statuses are the same as before menus were seeded.
  const menuRandom = createRandom(SEED + 1);
  const bookings = buildBookings(random, menuRandom, {
    now: options.now,
    today: todayInTimeZone('UTC', options.now),
    stations,
    chefs,
    customers,
    count: 5_000 * options.scale,
  });
  const payments = buildPayments(random, bookings);
  return { stations, chefs, customers, staff, bookings, payments };
}

function buildStations(random: Random, scale: number): DemoStation[] {
  // Larger scales add station copies so every chef keeps a realistic load.
  const copies = Math.max(1, Math.ceil(scale / 3));
  const stations: DemoStation[] = [];
  for (let copy = 1; copy <= copies; copy += 1) {
    for (const base of DEMO_STATIONS) {
      const id = random.uuid();
      const money =
        'money' in base ? base.money : { currency: 'USD', locale: 'en-US', country: 'US' };
      const travel = 'travel' in base ? base.travel : undefined;
      stations.push({
        id,
        slug: copy === 1 ? base.slug : `${base.slug}-${copy}`,
        name: copy === 1 ? base.name : `${base.name} ${copy}`,
        timezone: base.timezone,
        adultPriceCents: base.adult,
        childPriceCents: base.child,
        minimumCents: base.minimum,
        depositCents: base.deposit,
        ...money,
        proteinsPerAdult: 2,
        menuLockHours: 72,
        travelMode: travel ? 'DISTANCE' : money.country === 'GB' ? 'ZONES' : 'NONE',
        travelOriginPostalCode: travel?.origin ?? null,
        travelFreeMiles: travel?.freeMiles ?? 0,
        travelFeePerMileCents: travel?.feePerMileCents ?? 0,
        travelMaxMiles: travel?.maxMiles ?? null,
        travelZones: money.country === 'GB' ? LONDON_ZONES.map((zone) => ({ ...zone })) : [],
        menuItems: DEMO_MENU.map((item, index) => ({
          id: random.uuid(),
          stationId: id,
          name: item.name,
          description: item.description,
          kind: item.kind,
          priceCents: money.currency === 'GBP' ? item.price.GBP : item.price.USD,
          dietaryTags: [...item.dietaryTags],
          sortOrder: index,
          weight: item.weight,
        })),
      });
    }
  }
  return stations;
}

function buildChefs(random: Random, station: DemoStation): DemoChef[] {
  const count = random.int(3, 6);
  return Array.from({ length: count }, (_, index) => ({
    id: random.uuid(),
    stationId: station.id,
    name: required(CHEF_NAMES[(index + station.slug.length) % CHEF_NAMES.length], 'chef name'),
    color: required(CHEF_COLORS[index % CHEF_COLORS.length], 'chef colour'),
    active: true,
  }));
}

function buildCustomers(random: Random, count: number, now: Date): DemoCustomer[] {
  return Array.from({ length: count }, (_, index) => {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    return {
      id: random.uuid(),
      email: `${first}.${last}.${index + 1}@example.com`.toLowerCase(),
      name: `${first} ${last}`,
      phone: `+1555${String(random.int(0, 9_999_999)).padStart(7, '0')}`,
      createdAt: new Date(now.getTime() - random.int(200, 400) * DAY),
    };
  });
}

function buildStaff(stations: DemoStation[]): DemoStaff[] {
  return [
    { email: SUPER_ADMIN_EMAIL, name: 'Demo Admin', role: 'SUPER_ADMIN', stationId: null },
    ...stations.flatMap((station): DemoStaff[] => [
      {
        email: managerEmail(station.slug),
        name: `${station.name} Manager`,
        role: 'MANAGER',
        stationId: station.id,
      },
      {
        email: staffEmail(station.slug),
        name: `${station.name} Staff`,
        role: 'STAFF',
        stationId: station.id,
      },
    ]),
  ];
}

function buildBookings(
  random: Random,
  menuRandom: Random,
  options: {
    today: string;
    now: Date;
    stations: DemoStation[];
    chefs: DemoChef[];
    customers: DemoCustomer[];
    count: number;
  },
): DemoBooking[] {
  const stationById = new Map(options.stations.map((station) => [station.id, station]));
  const days = DAYS_BACK + DAYS_AHEAD;
  const positions = options.chefs.length * days * SLOT_STARTS.length;
  if (options.count > positions * 0.8)
    throw new Error('Not enough chef time for that many bookings');
  const taken = new Set<number>();
  const activeCustomerDates = new Set<string>();
  const references = new Set<string>();
  const bookings: DemoBooking[] = [];
  const now = options.now.getTime();

  while (bookings.length < options.count) {
    const position = random.int(0, positions - 1);
    if (taken.has(position)) continue;
    taken.add(position);
    const chef = required(
      options.chefs[Math.floor(position / (days * SLOT_STARTS.length))],
      'chef',
    );
    const dayIndex = Math.floor(position / SLOT_STARTS.length) % days;
    const slotStart = required(SLOT_STARTS[position % SLOT_STARTS.length], 'slot');
    const station = required(stationById.get(chef.stationId), 'station');

    const durationMinutes = Number(random.weighted({ '120': 0.7, '150': 0.2, '180': 0.1 }));
    const startMinute = slotStart + (durationMinutes <= 150 && random.next() < 0.4 ? 30 : 0);
    const eventDate = addDays(options.today, dayIndex - DAYS_BACK);
    const startTime = formatMinutes(startMinute);
    const startsAt = required(
      localToInstant({ date: eventDate, time: startTime }, station.timezone),
      'start instant',
    );
    const endsAt = new Date(startsAt.getTime() + durationMinutes * MINUTE);
    const status = pickStatus(random, { startsAt, endsAt }, now);

    let customer = random.pick(options.customers);
    if (status === 'PENDING_PAYMENT' || status === 'CONFIRMED') {
      // One active booking per customer per date (a partial unique index enforces it).
      while (activeCustomerDates.has(`${customer.id}:${eventDate}`))
        customer = random.pick(options.customers);
      activeCustomerDates.add(`${customer.id}:${eventDate}`);
    }
    const adults = random.int(2, 18);
    const children = random.next() < 0.5 ? random.int(0, 6) : 0;
    const randomPostalCode = String(random.int(10000, 99999));
    const postalCode =
      station.travelMode === 'ZONES'
        ? menuRandom.pick(LONDON_POSTCODES)
        : station.travelMode === 'DISTANCE'
          ? menuRandom.pick(SEATTLE_ZIPS)
          : randomPostalCode;
    const party = { adults, children };
    // Past events had their menus fixed; a few ahead are still to be decided.
    const decided = startsAt.getTime() <= now || menuRandom.next() < 0.85;
    const menuLines = chooseMenu(menuRandom, station, party, decided);
    const travel = travelFor(station, postalCode, station);
    const travelCharge = travel.served && travel.feeCents > 0 ? travel : null;
    const quote = calculateQuote({
      prices: station,
      money: station,
      party,
      lines: menuLines,
      travel: travelCharge,
    });
    const createdAt = new Date(
      Math.min(now - 30 * MINUTE, startsAt.getTime() - random.int(3, 60) * DAY),
    );

    bookings.push({
      id: random.uuid(),
      reference: uniqueReference(random, references),
      stationId: station.id,
      customerId: customer.id,
      chefId: chef.id,
      eventDate,
      startTime,
      startsAt,
      endsAt,
      blockedUntil: new Date(endsAt.getTime() + BUFFER_MINUTES * MINUTE),
      durationMinutes,
      adults,
      children,
      addressLine1: `${random.int(1, 9999)} ${random.pick(STREETS)}`,
      city: station.name,
      postalCode,
      specialRequests: random.next() < 0.25 ? random.pick(SPECIAL_REQUESTS) : null,
      totalCents: quote.totalCents,
      depositCents: quote.depositCents,
      currency: station.currency,
      adultPriceCents: station.adultPriceCents,
      childPriceCents: station.childPriceCents,
      minimumCents: station.minimumCents,
      travelFeeCents: travelCharge?.feeCents ?? 0,
      travelLabel: travelCharge?.label ?? null,
      menuLines,
      status,
      holdExpiresAt: status === 'PENDING_PAYMENT' ? new Date(now + 15 * MINUTE) : null,
      cancelledAt:
        status === 'CANCELLED'
          ? new Date(Math.min(now, startsAt.getTime() - random.int(1, 10) * DAY))
          : null,
      cancellationReason: status === 'CANCELLED' ? 'Customer changed plans' : null,
      createdAt,
    });
  }
  return bookings;
}

/**
 * A party's choices as guests make them: each protein choice of each adult by the menu's
 * weights (upgrades now and then), children's plates for the children, noodles and an extra
 * protein for some parties, an add-on or two for the table. Undecided: only the extras.
 */
function chooseMenu(
  random: Random,
  station: DemoStation,
  party: { adults: number; children: number },
  decided: boolean,
): TMenuLine[] {
  const menu = menuPicks(station);
  const counts = new Map<DemoMenuItem, number>();
  const add = (item: DemoMenuItem, quantity: number) =>
    counts.set(item, (counts.get(item) ?? 0) + quantity);
  if (decided) {
    for (let choice = 0; choice < party.adults * station.proteinsPerAdult; choice += 1)
      add(menu.protein(random), 1);
    for (let child = 0; child < party.children; child += 1) add(menu.kids(random), 1);
  }
  for (const extra of menu.extras)
    if (random.next() < extra.weight / 100)
      add(extra, random.int(1, Math.max(1, Math.ceil(party.adults / 2))));
  for (const addon of menu.addons) if (random.next() < addon.weight / 100) add(addon, 1);
  return [...counts]
    .sort(([a], [b]) => a.sortOrder - b.sortOrder)
    .map(([item, quantity]) => ({
      itemId: item.id,
      kind: item.kind,
      name: item.name,
      unitPriceCents: item.priceCents,
      quantity,
    }));
}

const picksByStation = new WeakMap<DemoStation, ReturnType<typeof buildPicks>>();
function menuPicks(station: DemoStation) {
  let picks = picksByStation.get(station);
  if (!picks) picksByStation.set(station, (picks = buildPicks(station.menuItems)));
  return picks;
}

/** Weighted draws over a station's menu, the cumulative weights worked out once. */
function buildPicks(items: DemoMenuItem[]) {
  const drawer = (kinds: TMenuItemKind[]) => {
    const pool = items.filter((item) => kinds.includes(item.kind));
    const total = pool.reduce((sum, item) => sum + item.weight, 0);
    return (random: Random): DemoMenuItem => {
      let roll = random.next() * total;
      for (const item of pool) {
        roll -= item.weight;
        if (roll < 0) return item;
      }
      return required(pool.at(-1), 'a menu item');
    };
  };
  return {
    protein: drawer(['PROTEIN', 'UPGRADE']),
    kids: drawer(['KIDS']),
    extras: items.filter((item) => item.kind === 'EXTRA'),
    addons: items.filter((item) => item.kind === 'ADDON'),
  };
}

/** Over by `now`: an outcome; under way: confirmed; ahead: confirmed, held or not (yet) paid. */
function pickStatus(
  random: Random,
  event: { startsAt: Date; endsAt: Date },
  now: number,
): BookingStatus {
  if (event.endsAt.getTime() <= now) {
    return random.weighted({ COMPLETED: 0.5, CANCELLED: 0.12, NO_SHOW: 0.03, EXPIRED: 0.35 });
  }
  const startsAt = event.startsAt.getTime();
  if (startsAt <= now) return 'CONFIRMED';
  if (startsAt < now + 2 * DAY)
    return random.weighted({ CONFIRMED: 0.8, CANCELLED: 0.1, EXPIRED: 0.1 });
  return random.weighted({ CONFIRMED: 0.62, PENDING_PAYMENT: 0.04, CANCELLED: 0.1, EXPIRED: 0.24 });
}

function uniqueReference(random: Random, used: Set<string>): string {
  for (;;) {
    const code = Array.from({ length: 6 }, () => random.pick([...REFERENCE_ALPHABET])).join('');
    const reference = `HB-${code}`;
    if (!used.has(reference)) {
      used.add(reference);
      return reference;
    }
  }
}

/** Deposits for confirmed/completed/no-show bookings (some refunded on cancellation), balances paid on the day. */
function buildPayments(random: Random, bookings: DemoBooking[]): DemoPayment[] {
  const payments: DemoPayment[] = [];
  for (const booking of bookings) {
    const paidDeposit =
      booking.status === 'CONFIRMED' ||
      booking.status === 'COMPLETED' ||
      booking.status === 'NO_SHOW' ||
      (booking.status === 'CANCELLED' && random.next() < 0.3);
    if (!paidDeposit) continue;
    const method = random.weighted({ CARD: 0.87, CASH: 0.1, CHECK: 0.03 });
    const refunded = booking.status === 'CANCELLED' && method === 'CARD' && random.next() < 0.7;
    payments.push({
      bookingId: booking.id,
      stationId: booking.stationId,
      amountCents: booking.depositCents,
      refundedCents: refunded ? booking.depositCents : 0,
      method,
      status: refunded ? 'REFUNDED' : 'SUCCEEDED',
      purpose: 'DEPOSIT',
      gratuityCents: 0,
      providerRef: method === 'CARD' ? `cs_seed_${random.uuid().replaceAll('-', '')}` : null,
      createdAt: new Date(booking.createdAt.getTime() + random.int(2, 14) * MINUTE),
    });
    const balance = booking.totalCents - booking.depositCents;
    if (booking.status === 'COMPLETED' && balance > 0 && random.next() < 0.12) {
      const balanceMethod = random.weighted({ CASH: 0.7, CHECK: 0.25, CARD: 0.05 });
      payments.push({
        bookingId: booking.id,
        stationId: booking.stationId,
        amountCents: balance,
        refundedCents: 0,
        method: balanceMethod,
        status: 'SUCCEEDED',
        purpose: 'BALANCE',
        gratuityCents:
          balanceMethod === 'CARD'
            ? Math.round((booking.totalCents - booking.travelFeeCents) * 0.2)
            : 0,
        providerRef:
          balanceMethod === 'CARD' ? `pi_seed_${random.uuid().replaceAll('-', '')}` : null,
        createdAt: booking.endsAt,
      });
    }
  }
  return payments;
}
