import type pg from 'pg';
import { sealCustomer } from '../src/crypto/customer-fields';

/** Minimal rows for constraint tests, inserted with plain SQL (the seed uses the same tables). */
export async function insertStation(client: pg.Client, slug = 'test-station'): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "Station" (slug, name, timezone, "adultPriceCents", "childPriceCents", "minimumCents", "depositCents", "updatedAt")
     VALUES ($1, 'Test Station', 'America/New_York', 5000, 2500, 50000, 10000, now()) RETURNING id`,
    [slug],
  );
  return rows[0]!.id;
}

export async function insertChef(
  client: pg.Client,
  stationId: string,
  name = 'Chef Test',
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "Chef" ("stationId", name, color, "updatedAt") VALUES ($1, $2, '#b91c1c', now()) RETURNING id`,
    [stationId, name],
  );
  return rows[0]!.id;
}

/** A customer as the app stores one: sealed, with its blind indexes. */
export async function insertCustomer(client: pg.Client, email: string): Promise<string> {
  const sealed = sealCustomer({ email, name: 'Test Customer', phone: '+15550000000' });
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "Customer" (email, "emailHash", name, phone, "phoneHash", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
    [sealed.email, sealed.emailHash, sealed.name, sealed.phone, sealed.phoneHash],
  );
  return rows[0]!.id;
}

export type BookingRow = {
  stationId: string;
  customerId: string;
  chefId: string;
  startsAt: string;
  durationMinutes?: number;
  bufferMinutes?: number;
  status?: string;
  adults?: number;
  children?: number;
  reference?: string;
};

let referenceCounter = 0;

export async function insertBooking(client: pg.Client, booking: BookingRow): Promise<string> {
  const duration = booking.durationMinutes ?? 120;
  const buffer = booking.bufferMinutes ?? 60;
  referenceCounter += 1;
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "Booking" (reference, "stationId", "customerId", "chefId", "eventDate", "startTime", "startsAt", "endsAt",
       "blockedUntil", "durationMinutes", adults, children, "addressLine1", city, "postalCode", "totalCents", "depositCents",
       "adultPriceCents", "childPriceCents", "minimumCents", currency, status, "holdExpiresAt", "updatedAt")
     VALUES ($1, $2, $3, $4, ($5::timestamptz AT TIME ZONE 'America/New_York')::date, '18:00', $5::timestamptz,
       $5::timestamptz + make_interval(mins => $6), $5::timestamptz + make_interval(mins => $6 + $7), $6, $8, $9,
       '1 Test St', 'Testville', '10001', 60000, 10000, 15000, 5000, 50000,
       (SELECT currency FROM "Station" WHERE id = $2), $10::"BookingStatus",
       now() + interval '15 minutes', now())
     RETURNING id`,
    [
      booking.reference ?? `HB-T${String(referenceCounter).padStart(5, '0')}`,
      booking.stationId,
      booking.customerId,
      booking.chefId,
      booking.startsAt,
      duration,
      buffer,
      booking.adults ?? 4,
      booking.children ?? 0,
      booking.status ?? 'CONFIRMED',
    ],
  );
  return rows[0]!.id;
}

export type MenuItemRow = {
  name: string;
  kind: 'PROTEIN' | 'UPGRADE' | 'EXTRA' | 'ADDON' | 'KIDS';
  priceCents?: number;
  active?: boolean;
  dietaryTags?: string[];
};

/** Menu items of a station, in the order given; returns their ids by name. */
export async function insertMenu(
  client: pg.Client,
  stationId: string,
  items: MenuItemRow[],
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [index, row] of items.entries()) {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "MenuItem" ("stationId", name, kind, "priceCents", active, "dietaryTags", "sortOrder", "updatedAt")
       VALUES ($1, $2, $3::"MenuItemKind", $4, $5, $6, $7, now()) RETURNING id`,
      [
        stationId,
        row.name,
        row.kind,
        row.priceCents ?? 0,
        row.active ?? true,
        row.dietaryTags ?? [],
        index,
      ],
    );
    ids[row.name] = rows[0]!.id;
  }
  return ids;
}

/** A small hibachi menu: two included proteins, two upgrades, an extra, an add-on, kids. */
export const HIBACHI_MENU: MenuItemRow[] = [
  { name: 'Chicken', kind: 'PROTEIN' },
  { name: 'Tofu', kind: 'PROTEIN', dietaryTags: ['vegetarian'] },
  { name: 'Filet mignon', kind: 'UPGRADE', priceCents: 1000 },
  { name: 'Lobster tail', kind: 'UPGRADE', priceCents: 1500, dietaryTags: ['contains-shellfish'] },
  { name: 'Noodles', kind: 'EXTRA', priceCents: 500 },
  { name: 'Gyoza platter', kind: 'ADDON', priceCents: 4000 },
  { name: 'Kids chicken', kind: 'KIDS', priceCents: 0 },
];
