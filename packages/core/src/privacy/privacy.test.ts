import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type pg from 'pg';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The apps run with a new current key (k2) beside the old one (k1): the state a rotation starts in.
const keys = vi.hoisted(() => {
  const k1 = `k1:${Buffer.alloc(32, 11).toString('base64')}`;
  const k2 = `k2:${Buffer.alloc(32, 22).toString('base64')}`;
  process.env.DATA_ENCRYPTION_KEYS = `${k1},*${k2}`;
  return { k1, ring: `${k1},*${k2}` };
});

import { bookingInput, daysAhead, resetStation, staffScope } from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { insertBooking, insertChef, insertCustomer } from '../../test/factories';
import { createBooking } from '../bookings/create-booking';
import { requireCustomerBooking } from '../bookings/require-customer-booking';
import { listStaffBookings } from '../bookings/list-staff-bookings';
import { updateBookingNotes } from '../bookings/update-booking-notes';
import { startConversation } from '../conversations/start-conversation';
import { parseKeyRing } from '../crypto/key-ring';
import { SEALED_COLUMNS } from '../crypto/sealed-columns';
import { open, sealUnder } from '../crypto/field-crypto';
import { getDb } from '../db/client';
import { seedDatabase } from '../seed/seed-database';
import { anonymiseLapsedCustomers } from './anonymise-lapsed-customers';
import { eraseCustomer } from './erase-customer';
import { exportCustomerData } from './export-customer-data';
import { listCustomers } from './list-customers';
import { sealPendingValues } from './seal-pass';

const databaseUrl = () => process.env.DATABASE_URL ?? '';

/**
 * Every row of every table of every schema as text: the data pg_dump writes (COPY of each
 * table). The embedded PostgreSQL ships no pg_dump, and Debian's (15) refuses a v18 server.
 */
async function dumpEverything(client: pg.Client): Promise<string> {
  const { rows: tables } = await client.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const parts: string[] = [];
  for (const table of tables) {
    const { rows } = await client.query<{ text: string | null }>(
      `SELECT string_agg(t::text, E'\\n') AS text FROM "${table.schema}"."${table.name}" t`,
    );
    parts.push(`-- ${table.schema}.${table.name}\n${rows[0]?.text ?? ''}`);
  }
  return parts.join('\n');
}

/** Every sealed column's values that are not under the given key (null aside). */
async function notUnder(client: pg.Client, keyId: string): Promise<string[]> {
  const found: string[] = [];
  for (const [table, columns] of Object.entries(SEALED_COLUMNS))
    for (const { column } of columns) {
      const { rows } = await client.query<{ value: string }>(
        `SELECT "${column}" AS value FROM "${table}"
          WHERE "${column}" IS NOT NULL AND "${column}" NOT LIKE $1`,
        [`enc:v1:${keyId}:%`],
      );
      found.push(...rows.map((row) => `${table}.${column}: ${row.value.slice(0, 24)}`));
    }
  return found;
}

describe('customer data at rest', () => {
  let client: pg.Client;
  beforeEach(async () => {
    client = await connect();
    return () => client.end();
  });

  it('leaves no customer name, e-mail, phone, address or message in a dump of the database', async () => {
    await seedDatabase({ databaseUrl: databaseUrl(), nodeEnv: 'test', scale: 0.2 });
    const station = await getDb().station.findFirstOrThrow({ orderBy: { slug: 'asc' } });
    const manager = await staffScope(client, 'MANAGER', station.id);
    const booked = await createBooking({
      input: bookingInput({
        station: station.slug,
        date: daysAhead(30),
        customer: {
          name: 'Quinn Plaintext',
          email: 'quinn.plain@example.com',
          phone: '+1 555 019 4242',
        },
        address: {
          line1: '77 Sunset Boulevard',
          line2: 'Flat 9',
          city: 'Springfield',
          postalCode: '10001',
        },
        specialRequests: 'No peanuts for Quinn please',
      }),
    });
    expect(booked.status).toBe(201);
    {
      const { id } = await getDb().booking.findFirstOrThrow({
        where: { customer: { emailHash: { not: null } }, specialRequests: { not: null } },
        orderBy: { createdAt: 'desc' },
      });
      await updateBookingNotes({
        scope: manager,
        bookingId: id,
        input: { notes: 'Gate code 4242, dog called Biscuit', version: 1 },
      });
    }
    await startConversation({
      input: {
        station: station.slug,
        name: 'Robin Chatter',
        email: 'robin.chatter@example.com',
        message: {
          body: 'Hi, I am Robin at 12 Harbour Road',
          clientMessageId: crypto.randomUUID(),
        },
      },
      address: '203.0.113.77',
    });

    // What the app reads back (opened) is exactly what the dump must not hold.
    const db = getDb();
    const customers = await db.customer.findMany();
    const bookings = await db.booking.findMany({
      select: { addressLine1: true, addressLine2: true, specialRequests: true, notes: true },
    });
    const conversations = await db.conversation.findMany({ include: { messages: true } });
    const outbox = await db.outboxMessage.findMany({ select: { recipient: true } });
    const needles = new Set(
      [
        ...customers.flatMap((c) => [c.name, c.email, c.phone]),
        ...bookings.flatMap((b) => [b.addressLine1, b.addressLine2, b.specialRequests, b.notes]),
        ...conversations.flatMap((c) => [
          c.customerName,
          c.customerEmail,
          ...c.messages.map((m) => m.body),
        ]),
        ...outbox.map((o) => o.recipient),
      ].filter((value): value is string => typeof value === 'string' && value.length >= 6),
    );
    expect(customers.length).toBeGreaterThan(100);
    for (const mine of [
      'Robin Chatter',
      'Quinn Plaintext',
      '77 Sunset Boulevard',
      'Gate code 4242, dog called Biscuit',
    ])
      expect(needles).toContain(mine);
    expect(needles.size).toBeGreaterThan(customers.length * 2);

    const dump = await dumpEverything(client);
    expect(dump).toContain(station.name); // the dump holds the data, sealed
    expect(dump).toContain('enc:v1:k2:');
    const leaked = [...needles].filter((needle) => dump.includes(needle));
    expect(leaked.slice(0, 10)).toEqual([]);
  }, 120_000);

  it('seals rows from before encryption and rotates every value to the current key while the app serves', async () => {
    const { stationId, chefIds } = await resetStation(client, 3);
    const oldKey = parseKeyRing(keys.k1).current;
    // A customer from before encryption (plain, no index) and one sealed under the old key.
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Customer" (email, name, phone, "updatedAt") VALUES
         ('legacy.plain@example.com', 'Lee Legacy', '+1 555 000 1111', now()),
         ($1, $2, $3, now()) RETURNING id`,
      [
        sealUnder(oldKey, 'old.key@example.com'),
        sealUnder(oldKey, 'Olga Oldkey'),
        sealUnder(oldKey, '+1 555 000 2222'),
      ],
    );
    const legacyBooking = await insertBooking(client, {
      stationId,
      customerId: rows[0]!.id,
      chefId: chefIds[0]!,
      startsAt: `${daysAhead(20)}T22:00:00Z`,
    });
    for (let index = 0; index < 40; index += 1)
      await insertBooking(client, {
        stationId,
        customerId: rows[1]!.id,
        chefId: chefIds[index % 3]!,
        startsAt: `${daysAhead(25 + index)}T17:00:00Z`,
      });
    await client.query(`UPDATE "Booking" SET "specialRequests" = $1 WHERE "customerId" = $2`, [
      sealUnder(oldKey, 'Olga is allergic to sesame'),
      rows[1]!.id,
    ]);
    expect((await notUnder(client, 'k2')).length).toBeGreaterThan(40);

    // The app keeps booking and reading while the pass runs, in batches of 7.
    const manager = await staffScope(client, 'MANAGER', stationId);
    const serving = (async () => {
      const made: string[] = [];
      for (let day = 0; day < 6; day += 1) {
        const result = await createBooking({
          input: bookingInput({
            date: daysAhead(80 + day),
            customer: {
              name: `Served ${day}`,
              email: `served.${day}@example.com`,
              phone: '+15550100',
            },
          }),
        });
        expect(result.status).toBe(201);
        made.push((result.body as { reference: string }).reference);
        const page = await listStaffBookings({ scope: manager, query: { limit: '100' } });
        expect(page.items.length).toBeGreaterThan(0);
      }
      return made;
    })();
    const passed = await sealPendingValues({ databaseUrl: databaseUrl(), batchSize: 7 });
    const made = await serving;
    expect(passed.sealed.Customer).toBeGreaterThanOrEqual(2);
    expect(passed.sealed.Booking).toBeGreaterThanOrEqual(41);

    expect(await notUnder(client, 'k2')).toEqual([]);
    // Found by the index the pass filled, opened under the new key; nothing of the app's lost.
    const legacy = await requireCustomerBooking(
      (
        await client.query<{ reference: string }>(`SELECT reference FROM "Booking" WHERE id = $1`, [
          legacyBooking,
        ])
      ).rows[0]!.reference,
      { email: 'LEGACY.plain@example.com' },
    );
    expect(legacy.customer.name).toBe('Lee Legacy');
    const [olga] = await listCustomers({
      scope: await staffScope(client, 'SUPER_ADMIN', null),
      query: { email: 'old.key@example.com' },
    });
    expect(olga).toMatchObject({ name: 'Olga Oldkey', phone: '+1 555 000 2222', bookings: 40 });
    for (const [index, reference] of made.entries()) {
      const booking = await getDb().booking.findUniqueOrThrow({
        where: { reference },
        include: { customer: true },
      });
      expect(booking.customer.name).toBe(`Served ${index}`);
    }
    // Resumable and idempotent: a second run finds nothing left.
    expect((await sealPendingValues({ databaseUrl: databaseUrl() })).sealed).toEqual({});
  }, 60_000);

  it('`pnpm data:rotate-key` moves values to the current key with a progress bar', async () => {
    const { stationId, chefIds } = await resetStation(client, 1);
    const oldKey = parseKeyRing(keys.k1).current;
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Customer" (email, name, phone, "updatedAt") VALUES ($1, $2, $3, now()) RETURNING id`,
      [
        sealUnder(oldKey, 'cli@example.com'),
        sealUnder(oldKey, 'Cli User'),
        sealUnder(oldKey, '+15550101'),
      ],
    );
    await insertBooking(client, {
      stationId,
      customerId: rows[0]!.id,
      chefId: chefIds[0]!,
      startsAt: `${daysAhead(12)}T18:00:00Z`,
    });
    const core = path.resolve(import.meta.dirname, '../..');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--conditions=react-server', 'scripts/rotate-key.ts'],
      {
        cwd: core,
        encoding: 'utf8',
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl(),
          DATA_ENCRYPTION_KEYS: keys.ring,
          LOG_LEVEL: 'info',
        },
        timeout: 60_000,
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('Sealing customer data under key k2');
    expect(run.stderr).toMatch(/Customer\s+\[[^\]]+\] 100% \| 1\/1 rows/);
    expect(await notUnder(client, 'k2')).toEqual([]);
    expect(
      open((await client.query<{ name: string }>(`SELECT name FROM "Customer"`)).rows[0]!.name),
    ).toBe('Cli User');
  }, 90_000);
});

describe('export and erasure', () => {
  let client: pg.Client;
  beforeEach(async () => {
    client = await connect();
    return () => client.end();
  });

  it('exports a customer, refuses erasure while an event is to come, then erases for good', async () => {
    const { stationId } = await resetStation(client, 2);
    const admin = await staffScope(client, 'SUPER_ADMIN', null);
    const manager = await staffScope(client, 'MANAGER', stationId);
    const customer = {
      name: 'Erin Erasable',
      email: 'erin.erase@example.com',
      phone: '+44 20 7946 0001',
    };
    const created = await createBooking({
      input: bookingInput({
        customer,
        date: daysAhead(12),
        specialRequests: 'Erin likes it spicy',
      }),
    });
    expect(created.status).toBe(201);
    await startConversation({
      input: {
        station: 'test-station',
        name: customer.name,
        email: customer.email,
        message: { body: 'Erin here: can we move it?', clientMessageId: crypto.randomUUID() },
      },
      address: '203.0.113.90',
    });

    await expect(
      listCustomers({ scope: manager, query: { email: customer.email } }),
    ).rejects.toMatchObject({
      status: 403,
    });
    await expect(listCustomers({ scope: admin, query: { email: 'erin' } })).rejects.toMatchObject({
      status: 400,
    });
    const [found] = await listCustomers({
      scope: admin,
      query: { email: 'ERIN.erase@example.com' },
    });
    expect(found).toMatchObject({
      name: customer.name,
      bookings: 1,
      upcomingBookings: 1,
      conversations: 1,
    });
    expect(
      await listCustomers({ scope: admin, query: { phone: '+44 20 7946 0001' } }),
    ).toHaveLength(1);

    // An id that is not a customer's, or not an id at all, is the same 404 (never a 500).
    for (const customerId of [
      '00000000-0000-4000-8000-000000000000',
      'not-a-uuid',
      "1' OR '1'='1",
    ]) {
      await expect(exportCustomerData({ scope: admin, customerId })).rejects.toMatchObject({
        status: 404,
      });
      await expect(
        eraseCustomer({ scope: admin, customerId, input: { confirm: 'ERASE' } }),
      ).rejects.toMatchObject({ status: 404 });
    }
    const exported = await exportCustomerData({ scope: admin, customerId: found!.id });
    expect(exported.profile).toMatchObject({ name: customer.name, email: customer.email });
    expect(exported.bookings).toEqual([
      expect.objectContaining({
        specialRequests: 'Erin likes it spicy',
        status: 'PENDING_PAYMENT',
      }),
    ]);
    expect(exported.conversations[0]!.messages[0]!.body).toBe('Erin here: can we move it?');

    await expect(
      eraseCustomer({ scope: admin, customerId: found!.id, input: { confirm: 'ERASE' } }),
    ).rejects.toMatchObject({ status: 409, details: { reason: 'UPCOMING_BOOKINGS', upcoming: 1 } });
    await expect(
      eraseCustomer({ scope: admin, customerId: found!.id, input: {} }),
    ).rejects.toMatchObject({ status: 400 });
    await client.query(`UPDATE "Booking" SET status = 'CANCELLED', "cancelledAt" = now()`);

    const erased = await eraseCustomer({
      scope: admin,
      customerId: found!.id,
      input: { confirm: 'ERASE' },
    });
    expect(erased).toMatchObject({ bookings: 1, conversations: 1 });
    expect(await listCustomers({ scope: admin, query: { email: customer.email } })).toEqual([]);
    const booking = await getDb().booking.findFirstOrThrow({ include: { customer: true } });
    // The books keep the booking and its amounts; the person is gone.
    expect(booking).toMatchObject({
      totalCents: (created.body as { totalCents: number }).totalCents,
      specialRequests: null,
      addressLine1: '[erased]',
    });
    expect(booking.customer).toMatchObject({ name: 'Erased customer', phone: '', emailHash: null });
    const messages = await getDb().conversationMessage.findMany();
    expect(messages.map((message) => message.body)).toEqual(['[erased]']);
    const dump = await dumpEverything(client);
    // Whole values, not fragments: a few letters or digits turn up by chance in UUIDs and
    // ciphertext ('7946' once did); the phone as typed and as its digits.
    for (const trace of [
      'Erin Erasable',
      'erin.erase',
      'Erin here',
      'likes it spicy',
      '7946 0001',
      '442079460001',
    ])
      expect(dump).not.toContain(trace);
    const audit = await client.query<{ action: string; actorId: string }>(
      `SELECT action, "actorId" FROM "AuditLog" WHERE "entityType" = 'Customer' ORDER BY "createdAt"`,
    );
    expect(audit.rows).toEqual([
      { action: 'customer.exported', actorId: admin.staffId },
      { action: 'customer.erased', actorId: admin.staffId },
    ]);
    // The same person booking again is a new customer.
    const again = await createBooking({ input: bookingInput({ customer, date: daysAhead(40) }) });
    expect(again.status).toBe(201);
    expect(await listCustomers({ scope: admin, query: { email: customer.email } })).toHaveLength(1);
  });

  it('anonymises customers past their stations\u2019 retention in the daily pass, and nobody else', async () => {
    const { stationId, chefIds } = await resetStation(client, 1);
    const keeps = await client.query<{ id: string }>(
      `INSERT INTO "Station" (slug, name, timezone, "adultPriceCents", "childPriceCents", "minimumCents", "depositCents", "updatedAt")
       VALUES ('keeps', 'Keeps Data', 'America/New_York', 5000, 2500, 50000, 10000, now()) RETURNING id`,
    );
    const keepsChef = await insertChef(client, keeps.rows[0]!.id);
    await client.query(`UPDATE "Station" SET "retentionYears" = 2 WHERE id = $1`, [stationId]);
    const customerAt = async (
      email: string,
      bookings: { station: string; chef: string; startsAt: string }[],
    ) => {
      const id = await insertCustomer(client, email);
      for (const booking of bookings)
        await insertBooking(client, {
          stationId: booking.station,
          customerId: id,
          chefId: booking.chef,
          startsAt: booking.startsAt,
          status: 'COMPLETED',
        });
      return id;
    };
    const lapsed = await customerAt('lapsed@example.com', [
      { station: stationId, chef: chefIds[0]!, startsAt: '2023-06-01T22:00:00Z' },
    ]);
    const recent = await customerAt('recent@example.com', [
      { station: stationId, chef: chefIds[0]!, startsAt: '2025-06-01T22:00:00Z' },
    ]);
    const elsewhere = await customerAt('elsewhere@example.com', [
      { station: stationId, chef: chefIds[0]!, startsAt: '2023-07-01T22:00:00Z' },
      { station: keeps.rows[0]!.id, chef: keepsChef, startsAt: '2021-07-01T22:00:00Z' },
    ]);
    const now = new Date('2026-12-01T12:00:00Z');
    expect(await anonymiseLapsedCustomers({ now })).toEqual({ customers: 1, conversations: 0 });
    const rows = await getDb().customer.findMany({
      where: { id: { in: [lapsed, recent, elsewhere] } },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(lapsed)).toMatchObject({ name: 'Erased customer', emailHash: null });
    expect(byId.get(lapsed)!.erasedAt).not.toBeNull();
    expect(byId.get(recent)!.name).toBe('Test Customer');
    expect(byId.get(elsewhere)!.name).toBe('Test Customer');
    const audit = await client.query(
      `SELECT "actorType" FROM "AuditLog" WHERE action = 'customer.erased'`,
    );
    expect(audit.rows).toEqual([{ actorType: 'SYSTEM' }]);
    expect(await anonymiseLapsedCustomers({ now })).toEqual({ customers: 0, conversations: 0 });
  });
});
